using System.Text.Json.Nodes;
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

    private TestProject _project = null!;
    private CommandResult _without = null!;
    private GeneratedDocument _documentWithout = null!;
    private CommandResult _with = null!;
    private GeneratedDocument _documentWith = null!;

    [OneTimeSetUp]
    public void BuildWithoutAndWithTheCompanion()
    {
        _project = TestProject.WebApp(
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
            {TestProject.CompanionSymbol}
            """,
            parentFolder: "orders");
        _project.Write(".openapi-lint.json", TeamFile);

        _without = _project.Build("-p:WithCompanion=false");
        _documentWithout = new GeneratedDocument(_project.PathOf("../openapi/OrdersApi.json"));
        _with = _project.Build();
        _documentWith = new GeneratedDocument(_project.PathOf("../openapi/OrdersApi.json"));
    }

    [Test]
    public void Without_the_companion_the_build_fails_on_every_undeclared_header_with_the_CSharp_fix()
    {
        string Missing(string path, string method, string code, string header)
        {
            var (line, column) = _documentWithout.ResponsePosition(path, method, code);
            var display = method.ToUpperInvariant() + " " + path;
            return _project.Finding("../openapi/OrdersApi.json", line, column, "error", "OAL0003",
                $"{display} {code} response does not declare the {header} header; orders-team requires {header} on {code} (generated from this project; in C#: {CSharpFix})");
        }

        var expected = new[]
        {
            Missing("/orders/{id}", "get", "401", "WWW-Authenticate"),
            Missing("/orders/{id}", "put", "201", "Location"),
            Missing("/orders/{id}", "put", "401", "WWW-Authenticate"),
            Missing("/orders", "post", "201", "Location"),
            Missing("/orders", "post", "401", "WWW-Authenticate"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(_without.ExitCode, Is.EqualTo(1), _without.ToString);
            Assert.That(_without.Findings.Where(line => line.Contains(" error ", StringComparison.Ordinal)).Order(StringComparer.Ordinal), Is.EqualTo(expected.Order(StringComparer.Ordinal)), _without.ToString);
            Assert.That(_without.CountLines(_project.LintedSummary(1, "orders-team", errors: 5, warnings: 1)), Is.EqualTo(1), _without.ToString);
        });
    }

    [Test]
    public void With_the_companion_the_document_declares_the_headers_the_endpoints_send_and_only_those()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_documentWith.ResponseHeaders("/orders", "post", "201"), Is.EqualTo(new[] { "Location" }));
            Assert.That(_documentWith.ResponseHeaders("/orders", "post", "401"), Is.EqualTo(new[] { "WWW-Authenticate" }));
            Assert.That(_documentWith.ResponseHeaders("/orders/{id}", "get", "401"), Is.EqualTo(new[] { "WWW-Authenticate" }));
            Assert.That(_documentWith.ResponseHeaders("/orders/{id}", "get", "200"), Is.Empty);
            // Results.Json(…, statusCode: 201) sets no Location: none is claimed.
            Assert.That(_documentWith.ResponseHeaders("/orders/{id}", "put", "201"), Is.Empty);
            Assert.That(_documentWith.ResponseHeaders("/jobs", "post", "202"), Is.EqualTo(new[] { "Location" }));
            Assert.That(_documentWith.ResponseHeaders("/orders", "post", "400"), Is.Empty);
            Assert.That(_documentWithout.ResponseHeaders("/orders", "post", "201"), Is.Empty);
        });
    }

    [Test]
    public void With_the_companion_suppressions_written_in_CSharp_reach_the_document()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_documentWith.Operation("/orders/{id}", "put")["x-openapi-lint-ignore"]?.ToJsonString(), Is.EqualTo("""{"OAL0003":"an upsert answers 201 without Location"}"""));
            Assert.That(_documentWith.Operation("/jobs", "post")["x-openapi-lint-ignore"]?.ToJsonString(), Is.EqualTo("""["OAL0005"]"""));
            Assert.That(_documentWith.Operation("/orders", "post")["x-openapi-lint-ignore"], Is.Null);
        });
    }

    [Test]
    public void With_the_companion_the_build_passes_the_team_ruleset_with_no_header_written_by_hand()
    {
        Assert.Multiple(() =>
        {
            Assert.That((_with.ExitCode, _with.Findings), Is.EqualTo((0, Array.Empty<string>())), _with.ToString);
            Assert.That(_with.CountLines(_project.LintedSummary(1, "orders-team", errors: 0, warnings: 0)), Is.EqualTo(1), _with.ToString);
        });
    }

    [Test]
    public void A_document_generated_into_another_folder_is_linted_with_the_team_file_beside_the_project()
    {
        // The document is in orders/openapi/, the team file in orders/OrdersApi/: a search from the document's folder
        // would have found none and applied recommended.
        Assert.Multiple(() =>
        {
            Assert.That(_documentWithout.Path, Does.Not.StartWith(_project.Directory));
            Assert.That(_without.Findings, Has.All.Contains("; orders-team "), _without.ToString);
            Assert.That(_without.CountLines("(ruleset orders-team)"), Is.EqualTo(1), _without.ToString);
        });
    }
}
