using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>
/// A controllers API documented by Swashbuckle 11 (whose routes keep the controller's case, <c>/api/Products</c>),
/// with <c>[Authorize]</c> under JWT bearer and a team file whose override is written in lower case, built once
/// without the companion package and once with it (real builds, shared by the tests).
/// </summary>
[TestFixture]
public sealed class SwashbuckleCompanionTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        #if WITH_COMPANION
        using OpenApiLint.AspNetCore;
        using OpenApiLint.Swashbuckle;
        #endif

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        #if WITH_COMPANION
        builder.Services.AddSwaggerGen(c => c.AddOpenApiLintConventions());
        #else
        builder.Services.AddSwaggerGen();
        #endif
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseSwagger();
        app.MapControllers();
        app.Run();

        public record Product(int Id, string Name);

        [ApiController]
        [Route("api/[controller]")]
        [Authorize]
        public class ProductsController : ControllerBase
        {
            [HttpGet("{id}")]
            [ProducesResponseType<Product>(StatusCodes.Status200OK)]
            [ProducesResponseType(StatusCodes.Status401Unauthorized)]
            [ProducesResponseType(StatusCodes.Status404NotFound)]
            public ActionResult<Product> Get(int id) => id > 0 ? new Product(id, "pen") : NotFound();

            [HttpPost]
            [ProducesResponseType<Product>(StatusCodes.Status201Created)]
            [ProducesResponseType(StatusCodes.Status400BadRequest)]
            public async Task<IActionResult> Create(Product product)
            {
                await Task.Yield();
                return CreatedAtAction(nameof(Get), new { id = product.Id }, product);
            }

            // An upsert that answers 201 without a Location, open to anyone: neither header may be claimed.
            [HttpPut("{id}")]
            [AllowAnonymous]
            [ProducesResponseType<Product>(StatusCodes.Status201Created)]
            [ProducesResponseType(StatusCodes.Status401Unauthorized)]
        #if WITH_COMPANION
            [OpenApiLintIgnore("OAL0003", Justification = "an upsert answers 201 without Location")]
        #endif
            public IActionResult Put(int id, Product product) => StatusCode(StatusCodes.Status201Created, product);

            // A 200 without a body, which the team allows under /api/products/** only.
            [HttpGet("{id}/ping")]
            [ProducesResponseType(StatusCodes.Status200OK)]
            public IActionResult Ping(int id) => Ok();
        }
        """;

    private const string TeamFile = """
        {
          "name": "catalog-team",
          "extends": "recommended",
          "overrides": [
            { "paths": ["/api/products/**"], "methods": ["get"], "ruleset": { "rules": { "OAL0005": "off" } } }
          ]
        }
        """;

    private const string CSharpFix = "the framework sends it, so let the generated document say so: add the OpenApiLint.Swashbuckle package and call c.AddOpenApiLintConventions() in AddSwaggerGen(c => …); if this endpoint really does not send it, suppress it on the endpoint with [OpenApiLintIgnore(\"OAL0003\", Justification = \"…\")] or .OpenApiLintIgnore(\"OAL0003\") (package OpenApiLint.AspNetCore)";

    private CompanionBuilds _builds = null!;

    [OneTimeSetUp]
    public void BuildWithoutAndWithTheCompanion()
    {
        var project = TestProject.WebApp(
            "CatalogApi",
            Program,
            $"""
                <PackageReference Include="Swashbuckle.AspNetCore" Version="{TestProject.SwashbuckleVersion}" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{TestProject.AspNetCorePackagesVersion}" PrivateAssets="all" />
                <PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="{TestProject.AspNetCorePackagesVersion}" />
            {TestProject.CompanionReference("OpenApiLint.Swashbuckle")}
            """,
            $"""
                <!-- Swashbuckle.AspNetCore turns build-time generation off; this turns it back on. -->
                <OpenApiGenerateDocumentsOnBuild>true</OpenApiGenerateDocumentsOnBuild>
                <!-- These tests are about the document and its fixes; findings at the C# line have tests of their own. -->
                <OpenApiLintSourceLocations>false</OpenApiLintSourceLocations>
            {TestProject.CompanionSymbol}
            """);
        project.Write(".openapi-lint.json", TeamFile);

        _builds = CompanionBuilds.Run(project, "obj/CatalogApi.json");
    }

    [Test]
    public void Without_the_companion_the_build_fails_on_every_undeclared_header_with_the_CSharp_fix()
    {
        // The lower-case override matches /api/Products/{id}/ping: no OAL0005 for its body-less 200.
        var expected = new[]
        {
            _builds.MissingHeader("/api/Products", "post", "201", "Location", "catalog-team", CSharpFix),
            _builds.MissingHeader("/api/Products/{id}", "get", "401", "WWW-Authenticate", "catalog-team", CSharpFix),
            _builds.MissingHeader("/api/Products/{id}", "put", "201", "Location", "catalog-team", CSharpFix),
            _builds.MissingHeader("/api/Products/{id}", "put", "401", "WWW-Authenticate", "catalog-team", CSharpFix),
        };
        Assert.Multiple(() =>
        {
            Assert.That(_builds.Without.ExitCode, Is.EqualTo(1), _builds.Without.ToString);
            Assert.That(_builds.Without.Findings.Order(StringComparer.Ordinal), Is.EqualTo(expected.Order(StringComparer.Ordinal)), _builds.Without.ToString);
        });
    }

    [Test]
    public void With_the_companion_the_document_declares_the_headers_the_actions_send_and_only_those()
    {
        Assert.Multiple(() =>
        {
            // CreatedAtAction, returned from an async action declared as IActionResult.
            Assert.That(_builds.DocumentWith.ResponseHeaders("/api/Products", "post", "201"), Is.EqualTo(new[] { "Location" }));
            Assert.That(_builds.DocumentWith.ResponseHeaders("/api/Products/{id}", "get", "401"), Is.EqualTo(new[] { "WWW-Authenticate" }));
            // StatusCode(201, …) sets no Location, and [AllowAnonymous] means no challenge.
            Assert.That(_builds.DocumentWith.ResponseHeaders("/api/Products/{id}", "put", "201"), Is.Empty);
            Assert.That(_builds.DocumentWith.ResponseHeaders("/api/Products/{id}", "put", "401"), Is.Empty);
            Assert.That(_builds.DocumentWith.Operation("/api/Products/{id}", "put")["x-openapi-lint-ignore"]?.ToJsonString(), Is.EqualTo("""{"OAL0003":"an upsert answers 201 without Location"}"""));
        });
    }

    [Test]
    public void With_the_companion_the_build_passes_with_no_header_written_by_hand()
    {
        // PUT's 201 and 401 rightly declare no header; the team suppressed OAL0003 there with a justification.
        Assert.Multiple(() =>
        {
            Assert.That((_builds.With.ExitCode, _builds.With.Findings), Is.EqualTo((0, Array.Empty<string>())), _builds.With.ToString);
            Assert.That(_builds.With.CountLines(_builds.Project.LintedSummary(1, "catalog-team", errors: 0, warnings: 0)), Is.EqualTo(1), _builds.With.ToString);
        });
    }
}
