using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests;

/// <summary><c>lint --project</c>: findings at the C# that declares them, in text and SARIF; bad project arguments.</summary>
[TestFixture]
public sealed class ProjectOptionTests
{
    private const string Program = """
        var app = WebApplication.CreateBuilder(args).Build();
        var orders = app.MapGroup("/orders");
        orders.MapPost("/", (Order order) => TypedResults.Ok(order));
        orders.MapDelete("/{id:int}", (int id) => TypedResults.NoContent()).Produces(404);
        app.Run();
        record Order(int Id);
        """;

    private const string Document = """
        {
          "openapi": "3.0.1",
          "info": { "title": "OrdersApi", "version": "1.0" },
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "200": { "description": "OK" }
                }
              }
            },
            "/orders/{id}": {
              "delete": {
                "responses": {
                  "204": { "description": "No Content" },
                  "404": { "description": "Not Found" }
                }
              }
            }
          }
        }
        """;

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateProject()
    {
        _folder = new TempFolder();
        _folder.Write("OrdersApi/OrdersApi.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        _folder.Write("OrdersApi/Program.cs", Program);
        _folder.Write("OrdersApi/obj/OrdersApi.json", Document);
        _folder.Write(".openapi-lint.json", """{ "name": "orders-team", "extends": "minimal-codes", "methods": { "post": { "required": ["201"] } }, "rules": { "OAL0005": "off" } }""");
        // Build output is not the project's source.
        _folder.Write("OrdersApi/bin/Copy.cs", Program);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Without_paths_the_projects_generated_document_is_linted_and_findings_point_at_the_CSharp()
    {
        var outcome = InProcess.Run(_folder.Path, "lint", "--project", "OrdersApi/OrdersApi.csproj", "--no-why");

        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
        Assert.That(outcome.OutLines, Is.EqualTo(new[]
        {
            // About the operation: at the endpoint; about one code: at that code's declaration.
            "OrdersApi/Program.cs(3,8): error OAL0002: POST /orders does not declare 201; orders-team requires POST: 201 (OrdersApi/obj/OrdersApi.json(7,9))",
            "OrdersApi/Program.cs(3,38): error OAL0001: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500 (OrdersApi/obj/OrdersApi.json(8,11))",
            "OrdersApi/Program.cs(4,78): error OAL0001: DELETE /orders/{id} declares 404; orders-team allows DELETE: 200, 204, 401, 403, 500 (OrdersApi/obj/OrdersApi.json(16,11))",
            "3 errors, 0 warnings, 0 infos in 1 file (ruleset orders-team)",
        }));
    }

    [Test]
    public void Sarif_puts_the_CSharp_first_and_the_document_as_related_location()
    {
        var outcome = InProcess.Run(_folder.Path, "lint", "OrdersApi/obj/OrdersApi.json", "--project", "OrdersApi", "--format", "sarif");

        var results = (JArray)JObject.Parse(outcome.Out)["runs"]![0]!["results"]!;
        var post = results.Single(result => (string?)result["message"]!["text"] == "POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500");
        var location = post["locations"]![0]!["physicalLocation"]!;
        var related = post["relatedLocations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)location["artifactLocation"]!["uri"], Is.EqualTo("OrdersApi/Program.cs"));
            Assert.That((int?)location["region"]!["startLine"], Is.EqualTo(3));
            Assert.That((int?)location["region"]!["startColumn"], Is.EqualTo(38));
            Assert.That((string?)related["physicalLocation"]!["artifactLocation"]!["uri"], Is.EqualTo("OrdersApi/obj/OrdersApi.json"));
            Assert.That((int?)related["physicalLocation"]!["region"]!["startLine"], Is.EqualTo(8));
            Assert.That((string?)related["message"]!["text"], Is.EqualTo("OpenAPI document"));
        });
    }

    [Test]
    public void Without_the_project_the_same_findings_stay_in_the_document()
    {
        var outcome = InProcess.Run(_folder.Path, "lint", "OrdersApi/obj/OrdersApi.json", "--quiet", "--no-why");

        Assert.That(outcome.OutLines, Is.EqualTo(new[]
        {
            "OrdersApi/obj/OrdersApi.json(7,9): error OAL0002: POST /orders does not declare 201; orders-team requires POST: 201",
            "OrdersApi/obj/OrdersApi.json(8,11): error OAL0001: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500",
            "OrdersApi/obj/OrdersApi.json(16,11): error OAL0001: DELETE /orders/{id} declares 404; orders-team allows DELETE: 200, 204, 401, 403, 500",
        }));
    }

    [Test]
    public void The_CSharp_is_what_the_project_compiles_excluded_files_linked_files_and_its_DefineConstants()
    {
        _folder.Write("Build/Build.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <DefineConstants>$(DefineConstants);ORDERS_V2</DefineConstants>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="Drafts/**" />
                <Compile Include="../Shared/Health.cs" Link="Health.cs" />
              </ItemGroup>
            </Project>
            """);
        _folder.Write("Build/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            #if ORDERS_V2
            app.MapPost("/orders", () => TypedResults.Ok(1));
            #else
            app.MapPost("/orders", () => TypedResults.Created("/orders/1", 1));
            #endif
            app.MapHealth();
            app.Run();
            """);
        // Not compiled: were it read, POST /orders would have two candidates and stay in the document.
        _folder.Write("Build/Drafts/Old.cs", """
            static class Old { public static void Map(WebApplication app) => app.MapPost("/orders", () => 1); }
            """);
        _folder.Write("Shared/Health.cs", """
            static class Health
            {
                public static void MapHealth(this WebApplication app) => app.MapGet("/health", () => TypedResults.Ok("ok")).Produces(418);
            }
            """);
        _folder.Write("Build/openapi.json", """
            {
              "openapi": "3.0.1",
              "info": { "title": "Build", "version": "1.0" },
              "paths": {
                "/orders": { "post": { "responses": { "200": { "description": "OK" } } } },
                "/health": { "get": { "responses": { "200": { "description": "OK" }, "418": { "description": "Teapot" } } } }
              }
            }
            """);

        var outcome = InProcess.Run(_folder.Path, "lint", "Build/openapi.json", "--project", "Build", "--ruleset", "minimal-codes", "--quiet", "--no-why");

        Assert.That(outcome.OutLines, Is.EqualTo(new[]
        {
            // The 200 of the ORDERS_V2 branch (the other branch declares 201 only).
            "Build/Program.cs(3,30): error OAL0001: POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500 (Build/openapi.json(5,43))",
            "Build/Program.cs(3,30): warning OAL0005: POST /orders 200 response declares no body; minimal-codes expects a body on 200 (Build/openapi.json(5,43))",
            // In the linked file, named where it is on disk.
            "Shared/Health.cs(3,90): warning OAL0005: GET /health 200 response declares no body; minimal-codes expects a body on 200 (Build/openapi.json(6,42))",
            "Shared/Health.cs(3,122): error OAL0001: GET /health declares 418; minimal-codes allows GET: 200, 401, 403, 404, 500 (Build/openapi.json(6,74))",
        }), outcome.ToString());
    }

    [Test]
    public void A_multi_targeted_project_is_read_for_its_first_framework()
    {
        _folder.Write("Multi/Multi.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFrameworks>net10.0</TargetFrameworks>
                <DefineConstants>$(DefineConstants);MULTI</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        _folder.Write("Multi/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            #if MULTI && NET10_0
            app.MapDelete("/orders/{id}", (int id) => TypedResults.NoContent()).Produces(404);
            #endif
            app.Run();
            """);
        _folder.Write("Multi/openapi.json", Document);

        var outcome = InProcess.Run(_folder.Path, "lint", "Multi/openapi.json", "--project", "Multi", "--ruleset", "minimal-codes", "--quiet");

        Assert.That(outcome.OutLines, Has.Some.EqualTo("Multi/Program.cs(3,78): error OAL0001: DELETE /orders/{id} declares 404; minimal-codes allows DELETE: 200, 204, 401, 403, 500 (Multi/openapi.json(16,11))"), outcome.ToString());
    }

    [Test]
    public void A_project_MSBuild_cannot_evaluate_is_one_OAL9007_line_and_exit_code_2()
    {
        _folder.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n");
        _folder.Write("Broken/openapi.json", Document);

        var outcome = InProcess.Run(_folder.Path, "lint", "Broken/openapi.json", "--project", "Broken/Broken.csproj", "--output", "report.sarif", "--format", "sarif");

        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(outcome.ErrorLines[0], Does.StartWith("Broken/Broken.csproj(3,1): error OAL9007: the project could not be evaluated: MSB4025: The project file could not be loaded."));
        Assert.That(File.Exists(Path.Combine(_folder.Path, "report.sarif")), Is.False, "nothing is written");
    }

    [TestCase("Missing.csproj", "Missing.csproj: error OAL9007: project file not found")]
    [TestCase("OrdersApi/Program.cs", "OrdersApi/Program.cs: error OAL9007: not a C# project file (.csproj)")]
    public void A_bad_project_is_one_line_and_exit_code_2(string argument, string expected)
    {
        var outcome = InProcess.Run(_folder.Path, "lint", "--project", argument);

        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Neither_paths_nor_project_is_a_usage_error()
    {
        var outcome = InProcess.Run(_folder.Path, "lint");

        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.Error, Does.Contain("name at least one document, folder or glob, or a project with --project"));
    }
}
