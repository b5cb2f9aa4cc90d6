using System.Reflection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace OpenApiLint.AspNetCore.Tests;

/// <summary>What the conventions claim for an endpoint, from its handler and metadata as ApiExplorer describes them.</summary>
[TestFixture]
public sealed class OperationConventionsTests
{
    public sealed record Order(int Id);

    // Minimal API handlers, as the compiler makes them: static methods the endpoint metadata names.
    private static Created<Order> TypedCreated(Order order) => TypedResults.Created($"/orders/{order.Id}", order);

    private static Task<Results<Created<Order>, BadRequest>> UnionInTask(Order order) =>
        Task.FromResult<Results<Created<Order>, BadRequest>>(TypedResults.Created($"/orders/{order.Id}", order));

    private static IResult UntypedCreated(Order order) => Results.Created($"/orders/{order.Id}", order);

    private static IResult UntypedOk(Order order) => Results.Ok(order);

    private static Created CreatedWithoutLocation() => TypedResults.Created();

    private static Accepted<Order> TypedAccepted(Order order) => TypedResults.Accepted("/jobs/1", order);

    private static IResult JsonWithStatus201(Order order) => Results.Json(order, statusCode: StatusCodes.Status201Created);

    private static Results<Created<Order>, NotFound> PassedOn(Func<Results<Created<Order>, NotFound>> make) => make();

    public sealed class OrdersController : ControllerBase
    {
        public async Task<IActionResult> Create(Order order)
        {
            await Task.Yield();
            return CreatedAtAction(nameof(Create), new { id = order.Id }, order);
        }

        public IActionResult Start() => AcceptedAtAction(nameof(Start));

        public IActionResult Upsert(Order order) => StatusCode(StatusCodes.Status201Created, order);

        public ActionResult<Order> Get(int id) => id > 0 ? new Order(id) : NotFound();
    }

    private readonly Dictionary<string, ServiceProvider> _services = new(StringComparer.Ordinal);

    private IServiceProvider NoAuthentication => _services["none"];

    [OneTimeSetUp]
    public void CreateServices()
    {
        _services["none"] = Services(_ => { });
        _services["jwt"] = Services(services =>
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer().AddCookie();
            services.AddAuthorization(options => options.AddPolicy("cookies", policy => policy.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser()));
        });
        _services["cookies"] = Services(services =>
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().AddJwtBearer();
            services.AddAuthorization(options => options.AddPolicy("bearer", policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser()));
        });
        _services["jwt+fallback"] = Services(services =>
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        });
    }

    [OneTimeTearDown]
    public void DisposeServices()
    {
        foreach (var provider in _services.Values)
        {
            provider.Dispose();
        }
    }

    private static ApiDescription Handler(string name, params object[] metadata) => new()
    {
        ActionDescriptor = new ActionDescriptor
        {
            EndpointMetadata = [typeof(OperationConventionsTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!, .. metadata],
        },
    };

    private static ApiDescription Action(string name, params object[] metadata) => new()
    {
        ActionDescriptor = new ControllerActionDescriptor
        {
            MethodInfo = typeof(OrdersController).GetMethod(name)!,
            ControllerTypeInfo = typeof(OrdersController).GetTypeInfo(),
            EndpointMetadata = metadata,
        },
    };

    private string Headers(ApiDescription description, IServiceProvider? services = null)
    {
        var conventions = OpenApiLintOperationConventions.For(description, services ?? NoAuthentication);
        return string.Join("; ", conventions.ResponseHeaders.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}: {string.Join(", ", entry.Value.Select(header => header.Name))}"));
    }

    [TestCase(nameof(TypedCreated), "201: Location")]
    [TestCase(nameof(UnionInTask), "201: Location")]
    [TestCase(nameof(UntypedCreated), "201: Location")]
    [TestCase(nameof(TypedAccepted), "202: Location")]
    [TestCase(nameof(PassedOn), "201: Location")]
    [TestCase(nameof(UntypedOk), "")]
    [TestCase(nameof(CreatedWithoutLocation), "")]
    [TestCase(nameof(JsonWithStatus201), "")]
    public void Location_is_claimed_only_for_handlers_whose_results_set_it(string handler, string expected)
    {
        Assert.That(Headers(Handler(handler)), Is.EqualTo(expected));
    }

    [TestCase(nameof(OrdersController.Create), "201: Location")]
    [TestCase(nameof(OrdersController.Start), "202: Location")]
    [TestCase(nameof(OrdersController.Upsert), "")]
    [TestCase(nameof(OrdersController.Get), "")]
    public void Location_is_claimed_only_for_actions_that_return_a_result_setting_it(string action, string expected)
    {
        Assert.That(Headers(Action(action)), Is.EqualTo(expected));
    }

    private static ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static IEnumerable<TestCaseData> Challenges()
    {
        yield return new TestCaseData("jwt", new object[] { new AuthorizeAttribute() }, "401: WWW-Authenticate").SetName("Authorize under the default JWT bearer scheme");
        yield return new TestCaseData("jwt", new object[] { new AuthorizeAttribute(), new AllowAnonymousAttribute() }, "").SetName("AllowAnonymous wins");
        yield return new TestCaseData("jwt", Array.Empty<object>(), "").SetName("No authorization, no fallback policy");
        yield return new TestCaseData("jwt+fallback", Array.Empty<object>(), "401: WWW-Authenticate").SetName("The fallback policy requires authorization");
        yield return new TestCaseData("jwt", new object[] { new AuthorizeAttribute("cookies") }, "").SetName("A policy that challenges with cookies");
        yield return new TestCaseData("jwt", new object[] { new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme } }, "").SetName("Authorize naming the cookie scheme");
        yield return new TestCaseData("cookies", new object[] { new AuthorizeAttribute() }, "").SetName("Cookies as the default challenge scheme");
        yield return new TestCaseData("cookies", new object[] { new AuthorizeAttribute("bearer") }, "401: WWW-Authenticate").SetName("A policy that challenges with JWT bearer");
        yield return new TestCaseData("none", new object[] { new AuthorizeAttribute() }, "").SetName("No authentication registered");
    }

    [TestCaseSource(nameof(Challenges))]
    public void WWW_Authenticate_is_claimed_only_where_a_challenge_sends_it(string services, object[] metadata, string expected)
    {
        Assert.That(Headers(Handler(nameof(UntypedOk), metadata), _services[services]), Is.EqualTo(expected));
    }

    [Test]
    public void Suppressions_are_a_list_without_justifications_and_an_object_with_one()
    {
        var listed = OpenApiLintOperationConventions.For(Handler(nameof(UntypedOk), new OpenApiLintIgnoreAttribute("OAL0005"), new OpenApiLintIgnoreAttribute("OAL0001")), NoAuthentication);
        var justified = OpenApiLintOperationConventions.For(
            Action(nameof(OrdersController.Upsert), new OpenApiLintIgnoreAttribute("OAL0005"), new OpenApiLintIgnoreAttribute("OAL0003") { Justification = "an upsert answers 201 without Location" }),
            NoAuthentication);
        var none = OpenApiLintOperationConventions.For(Handler(nameof(UntypedOk)), NoAuthentication);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Ignore?.ToJsonString(), Is.EqualTo("""["OAL0001","OAL0005"]"""));
            Assert.That(justified.Ignore?.ToJsonString(), Is.EqualTo("""{"OAL0003":"an upsert answers 201 without Location","OAL0005":""}"""));
            Assert.That(none.Ignore, Is.Null);
        });
    }

    [Test]
    public void The_endpoint_builder_extension_adds_the_attribute_as_metadata()
    {
        var builder = new RecordingBuilder();

        builder.OpenApiLintIgnore("OAL0002", "health checks answer 200 only");

        var endpoint = new Microsoft.AspNetCore.Routing.RouteEndpointBuilder(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/health"), 0);
        builder.Conventions.ForEach(convention => convention(endpoint));
        var ignore = endpoint.Metadata.OfType<OpenApiLintIgnoreAttribute>().Single();
        Assert.That((ignore.RuleId, ignore.Justification), Is.EqualTo(("OAL0002", "health checks answer 200 only")));
    }

    private sealed class RecordingBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
    {
        public List<Action<Microsoft.AspNetCore.Builder.EndpointBuilder>> Conventions { get; } = [];

        public void Add(Action<Microsoft.AspNetCore.Builder.EndpointBuilder> convention) => Conventions.Add(convention);
    }
}
