using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>
/// A minimal API documented by Microsoft.AspNetCore.OpenApi, with TypedResults, MapGroup and JWT bearer authorization,
/// its document generated into another folder (<c>OpenApiDocumentsDirectory=../openapi</c>) and its team file beside
/// the project, built once without the companion package and once with it (real builds, shared by the tests).
/// </summary>
[TestFixture]
public sealed class AspNetCoreCompanionTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Http.HttpResults;
        #if WITH_COMPANION
        using OpenApiLint.AspNetCore;
        using OpenApiLint.AspNetCore.OpenApi;
        #endif

        var builder = WebApplication.CreateBuilder(args);
        #if WITH_COMPANION
        builder.Services.AddOpenApi(options => options.AddOpenApiLintConventions());
        #else
        builder.Services.AddOpenApi();
        #endif
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapOpenApi();

        var orders = app.MapGroup("/orders").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        orders.MapGet("/{id}", Results<Ok<Order>, NotFound> (int id) => id > 0 ? TypedResults.Ok(new Order(id, "book")) : TypedResults.NotFound());
        orders.MapPost("/", Results<Created<Order>, ValidationProblem> (Order order) => TypedResults.Created($"/orders/{order.Id}", order));
        // An upsert that answers 201 without a Location: the document must not claim one.
        orders.MapPut("/{id}",
        #if WITH_COMPANION
            [OpenApiLintIgnore("OAL0003", Justification = "an upsert answers 201 without Location")]
        #endif
            (int id, Order order) => Results.Json(order, statusCode: StatusCodes.Status201Created))
            .Produces<Order>(StatusCodes.Status201Created);

        var jobs = app.MapPost("/jobs", () => TypedResults.Accepted("/jobs/1")).AllowAnonymous();
        #if WITH_COMPANION
        jobs.OpenApiLintIgnore("OAL0005");
        #endif
        app.Run();

        record Order(int Id, string Name);
        """;

    private const string TeamFile = """
        {
          "name": "orders-team",
          "extends": "recommended"
        }
        """;

    private const string CSharpFix = "the framework sends it, so let the generated document say so: add the OpenApiLint.AspNetCore.OpenApi package and call options.AddOpenApiLintConventions() in AddOpenApi(options => …); if this endpoint really does not send it, suppress it on the endpoint with [OpenApiLintIgnore(\"OAL0003\", Justification = \"…\")] or .OpenApiLintIgnore(\"OAL0003\") (package OpenApiLint.AspNetCore)";

    private CompanionBuilds _builds = null!;

    [OneTimeSetUp]
    public void BuildWithoutAndWithTheCompanion()
    {
        var project = TestProject.WebApp(
            "OrdersApi",
            Program,
            $"""
                <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{TestProject.AspNetCorePackagesVersion}" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{TestProject.AspNetCorePackagesVersion}" PrivateAssets="all" />
                <PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="{TestProject.AspNetCorePackagesVersion}" />
            {TestProject.CompanionReference("OpenApiLint.AspNetCore.OpenApi")}
            """,
            $"""
                <OpenApiDocumentsDirectory>../openapi</OpenApiDocumentsDirectory>
                <!-- These tests are about the document and its fixes; findings at the C# line have tests of their own. -->
                <OpenApiLintSourceLocations>false</OpenApiLintSourceLocations>
            {TestProject.CompanionSymbol}
            """,
            parentFolder: "orders");
        project.Write(".openapi-lint.json", TeamFile);

        _builds = CompanionBuilds.Run(project, "../openapi/OrdersApi.json");
    }

    [Test]
    public void Without_the_companion_the_build_fails_on_every_undeclared_header_with_the_CSharp_fix()
    {
        var expected = new[]
        {
            _builds.MissingHeader("/orders/{id}", "get", "401", "WWW-Authenticate", "orders-team", CSharpFix),
            _builds.MissingHeader("/orders/{id}", "put", "201", "Location", "orders-team", CSharpFix),
            _builds.MissingHeader("/orders/{id}", "put", "401", "WWW-Authenticate", "orders-team", CSharpFix),
            _builds.MissingHeader("/orders", "post", "201", "Location", "orders-team", CSharpFix),
            _builds.MissingHeader("/orders", "post", "401", "WWW-Authenticate", "orders-team", CSharpFix),
        };
        Assert.Multiple(() =>
        {
            Assert.That(_builds.Without.ExitCode, Is.EqualTo(1), _builds.Without.ToString);
            Assert.That(_builds.Without.Findings.Where(line => line.Contains(" error ", StringComparison.Ordinal)).Order(StringComparer.Ordinal), Is.EqualTo(expected.Order(StringComparer.Ordinal)), _builds.Without.ToString);
            Assert.That(_builds.Without.CountLines(_builds.Project.LintedSummary(1, "orders-team", errors: 5, warnings: 1)), Is.EqualTo(1), _builds.Without.ToString);
        });
    }

    [Test]
    public void With_the_companion_the_document_declares_the_headers_the_endpoints_send_and_only_those()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders", "post", "201"), Is.EqualTo(new[] { "Location" }));
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders", "post", "401"), Is.EqualTo(new[] { "WWW-Authenticate" }));
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders/{id}", "get", "401"), Is.EqualTo(new[] { "WWW-Authenticate" }));
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders/{id}", "get", "200"), Is.Empty);
            // Results.Json(…, statusCode: 201) sets no Location: none is claimed.
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders/{id}", "put", "201"), Is.Empty);
            Assert.That(_builds.DocumentWith.ResponseHeaders("/jobs", "post", "202"), Is.EqualTo(new[] { "Location" }));
            Assert.That(_builds.DocumentWith.ResponseHeaders("/orders", "post", "400"), Is.Empty);
            Assert.That(_builds.DocumentWithout.ResponseHeaders("/orders", "post", "201"), Is.Empty);
        });
    }

    [Test]
    public void With_the_companion_suppressions_written_in_CSharp_reach_the_document()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_builds.DocumentWith.Operation("/orders/{id}", "put")["x-openapi-lint-ignore"]?.ToJsonString(), Is.EqualTo("""{"OAL0003":"an upsert answers 201 without Location"}"""));
            Assert.That(_builds.DocumentWith.Operation("/jobs", "post")["x-openapi-lint-ignore"]?.ToJsonString(), Is.EqualTo("""["OAL0005"]"""));
            Assert.That(_builds.DocumentWith.Operation("/orders", "post")["x-openapi-lint-ignore"], Is.Null);
        });
    }

    [Test]
    public void With_the_companion_the_build_passes_the_team_ruleset_with_no_header_written_by_hand()
    {
        Assert.Multiple(() =>
        {
            Assert.That((_builds.With.ExitCode, _builds.With.Findings), Is.EqualTo((0, Array.Empty<string>())), _builds.With.ToString);
            Assert.That(_builds.With.CountLines(_builds.Project.LintedSummary(1, "orders-team", errors: 0, warnings: 0)), Is.EqualTo(1), _builds.With.ToString);
        });
    }

    [Test]
    public void A_document_generated_into_another_folder_is_linted_with_the_team_file_beside_the_project()
    {
        // The document is in orders/openapi/, the team file in orders/OrdersApi/: a search from the document's folder
        // would have found none and applied recommended.
        Assert.Multiple(() =>
        {
            Assert.That(_builds.DocumentWithout.Path, Does.Not.StartWith(_builds.Project.Directory));
            Assert.That(_builds.Without.Findings, Has.All.Contains("; orders-team "), _builds.Without.ToString);
            Assert.That(_builds.Without.CountLines("(ruleset orders-team)"), Is.EqualTo(1), _builds.Without.ToString);
        });
    }
}
