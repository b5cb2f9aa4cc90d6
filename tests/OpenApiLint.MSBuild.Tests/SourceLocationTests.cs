using System.Text.Json.Nodes;
using OpenApiLint.Core.Rules;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>
/// A minimal API with groups, an extension method and typed results, built once (then a no-op build and a build with
/// the locations turned off): every finding is reported at the C# that declares it, the document position kept.
/// </summary>
[TestFixture]
public sealed class MinimalApiSourceLocationTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Http.HttpResults;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.MapOpenApi();
        var orders = app.MapGroup("/orders");
        orders.MapPost("", (Order order) => TypedResults.Ok(order));
        orders.MapGet("/{id:int}", Results<Ok<Order>, NotFound, Conflict> (int id) => id switch
        {
            0 => TypedResults.NotFound(),
            < 0 => TypedResults.Conflict(),
            _ => TypedResults.Ok(new Order(id, "book")),
        });
        app.MapGroup("/admin").MapOrderAdmin();
        app.Run();

        record Order(int Id, string Name);
        """;

    private const string OrderAdmin = """
        static class OrderAdmin
        {
            public static void MapOrderAdmin(this IEndpointRouteBuilder routes)
            {
                routes.MapDelete("/orders/{id}", (int id) => TypedResults.NoContent())
                      .Produces(StatusCodes.Status404NotFound);
            }
        }
        """;

    private const string Ruleset = """
        {
          "name": "orders-team",
          "extends": "minimal-codes",
          "methods": { "post": { "required": ["201"] } },
          "rules": { "OAL0001": "warning", "OAL0002": "warning" }
        }
        """;

    private TestProject _project = null!;
    private CommandResult _first = null!;
    private CommandResult _noOp = null!;
    private CommandResult _off = null!;
    private string[] _document = [];
    private string _sarif = "";
    private string _html = "";
    private string[] _inputs = [];

    [OneTimeSetUp]
    public void Build()
    {
        _project = TestProject.MinimalApi("LocatedOrders", Program, """
                <OpenApiLintRuleset>orders-team.json</OpenApiLintRuleset>
                <OpenApiLintSarif>obj/lint.sarif</OpenApiLintSarif>
                <OpenApiLintReport>obj/lint.html</OpenApiLintReport>
            """, parentFolder: Path.Combine("located-repo", "src"));
        Directory.CreateDirectory(Path.Combine(PackageFeed.Root, "located-repo", ".git"));
        _project.Write("Admin/OrderAdmin.cs", OrderAdmin);
        _project.Write("orders-team.json", Ruleset);

        _first = _project.Build();
        _document = File.Exists(_project.PathOf("obj/LocatedOrders.json")) ? File.ReadAllLines(_project.PathOf("obj/LocatedOrders.json")) : [];
        // What the first lint wrote, before the build with the locations off writes them again.
        _sarif = ReadOrEmpty("obj/lint.sarif");
        _html = ReadOrEmpty("obj/lint.html");
        _inputs = ReadOrEmpty("obj/Debug/net10.0/LocatedOrders.OpenApiLint.inputs").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _noOp = _project.Build();
        _off = _project.Build("-p:OpenApiLintSourceLocations=false");
    }

    private string ReadOrEmpty(string relative) => File.Exists(_project.PathOf(relative)) ? File.ReadAllText(_project.PathOf(relative)) : "";

    private string[] Expected(CommandResult build, bool located)
    {
        Assert.That(_document, Is.Not.Empty, build.ToString);
        string Line(string file, (int Line, int Column) code, (int Line, int Column) document, string id, string message)
        {
            // A generated document's finding says how to fix it in C# (issue 14), then, when located, where it is in the document.
            var explained = $"{message} (generated from this project; in C#: {GeneratedDocumentFixes.ForRule(id)})";
            return located
                ? _project.Finding(file, code.Line, code.Column, "warning", id, $"{explained} (obj/LocatedOrders.json({document.Line},{document.Column}))")
                : _project.Finding("obj/LocatedOrders.json", document.Line, document.Column, "warning", id, explained);
        }

        return
        [
            Line("Program.cs", SourceText.At(Program, "TypedResults.Ok(order)"), SourceText.KeyIn(_document, "/orders", "post", "200"),
                "OAL0001", "POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500"),
            Line("Program.cs", SourceText.At(Program, "MapPost"), SourceText.KeyIn(_document, "/orders", "post", "responses"),
                "OAL0002", "POST /orders does not declare 201; orders-team requires POST: 201"),
            Line("Program.cs", SourceText.At(Program, "Conflict>"), SourceText.KeyIn(_document, "/orders/{id}", "get", "409"),
                "OAL0001", "GET /orders/{id} declares 409; orders-team allows GET: 200, 401, 403, 404, 500"),
            Line("Admin/OrderAdmin.cs", SourceText.At(OrderAdmin, "StatusCodes.Status404NotFound"), SourceText.KeyIn(_document, "/admin/orders/{id}", "delete", "404"),
                "OAL0001", "DELETE /admin/orders/{id} declares 404; orders-team allows DELETE: 200, 204, 401, 403, 500"),
        ];
    }

    [Test]
    public void Each_finding_is_reported_at_its_CSharp_declaration_with_the_document_position_kept()
    {
        Assert.That(_first.ExitCode, Is.EqualTo(0), _first.ToString);
        Assert.That(_first.Findings, Is.EquivalentTo(Expected(_first, located: true)), _first.ToString);
    }

    [Test]
    public void A_no_op_build_skips_the_lint_and_replays_the_findings_at_the_same_CSharp_lines()
    {
        Assert.That(_noOp.CountLines(_project.ReplayedSummary(1, "orders-team", warnings: 4)), Is.EqualTo(1), _noOp.ToString);
        Assert.That(_noOp.Findings, Is.EquivalentTo(Expected(_noOp, located: true)), _noOp.ToString);
    }

    [Test]
    public void The_CSharp_files_that_located_findings_are_inputs_of_the_next_lint()
    {
        Assert.That(_inputs, Does.Contain(_project.PathOf("Program.cs")).And.Contain(_project.PathOf("Admin/OrderAdmin.cs")));
    }

    [Test]
    public void OpenApiLintSourceLocations_false_leaves_the_findings_in_the_document()
    {
        Assert.That(_off.CountLines(_project.LintedSummary(1, "orders-team", errors: 0, warnings: 4)), Is.EqualTo(1), "a changed setting lints again: " + _off);
        Assert.That(_off.Findings, Is.EquivalentTo(Expected(_off, located: false)), _off.ToString);
    }

    [Test]
    public void The_build_SARIF_names_files_from_the_repository_root_with_the_document_as_related_location()
    {
        var run = JsonNode.Parse(_sarif)!["runs"]![0]!;
        var admin = run["results"]!.AsArray().Single(result => result!["message"]!["text"]!.GetValue<string>().StartsWith("DELETE /admin/orders/{id} declares 404", StringComparison.Ordinal))!;
        var (line, column) = SourceText.At(OrderAdmin, "StatusCodes.Status404NotFound");
        var physical = admin["locations"]![0]!["physicalLocation"]!;

        Assert.Multiple(() =>
        {
            Assert.That(run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>(), Is.EqualTo(new Uri(Path.Combine(PackageFeed.Root, "located-repo") + Path.DirectorySeparatorChar).AbsoluteUri));
            Assert.That(physical["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("src/LocatedOrders/Admin/OrderAdmin.cs"));
            Assert.That(physical["region"]!["startLine"]!.GetValue<int>(), Is.EqualTo(line));
            Assert.That(physical["region"]!["startColumn"]!.GetValue<int>(), Is.EqualTo(column));
            Assert.That(admin["relatedLocations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("src/LocatedOrders/obj/LocatedOrders.json"));
        });
    }

    [Test]
    public void The_HTML_report_shows_the_CSharp_file_and_line_beside_each_finding()
    {
        var html = _html;
        var (line, column) = SourceText.At(OrderAdmin, "StatusCodes.Status404NotFound");

        Assert.That(html, Does.Contain($"<code class=\"declaration\" title=\"Declared in the C#\">Admin/OrderAdmin.cs:{line}:{column}</code>"));
    }
}

/// <summary>
/// Controllers documented by Swashbuckle, built once: findings at the action, at its own response attribute, and at
/// the controller's attribute that applies to every action.
/// </summary>
[TestFixture]
public sealed class ControllerSourceLocationTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    private const string Controller = """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        [ProducesResponseType(StatusCodes.Status418ImATeapot)]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet("{id:int}")]
            [ProducesResponseType<Order>(StatusCodes.Status200OK)]
            public ActionResult<Order> Get(int id) => new Order(id);

            [HttpPost]
            [ProducesResponseType(typeof(Order), 200)]
            public ActionResult<Order> Create(Order order) => order;

            [HttpGet("{id:int}"), ApiExplorerSettings(IgnoreApi = true)]
            public ActionResult<Order> GetInternal(int id) => new Order(id);
        }

        public sealed record Order(int Id);
        """;

    private const string Ruleset = """
        { "name": "orders-team", "extends": "minimal-codes", "methods": { "post": { "required": ["201"] } }, "rules": { "OAL0005": "off" } }
        """;

    private TestProject _project = null!;
    private CommandResult _build = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _project = TestProject.SwashbuckleApi("LocatedControllers", Program, "<OpenApiLintRuleset>orders-team.json</OpenApiLintRuleset>");
        _project.Write("Controllers/OrdersController.cs", Controller);
        _project.Write("orders-team.json", Ruleset);
        _build = _project.Build();
    }

    [Test]
    public void Each_finding_is_reported_at_the_action_or_the_attribute_that_declares_the_code()
    {
        var generated = Directory.GetFiles(_project.PathOf("obj"), "*.json").Where(file => !file.EndsWith("project.assets.json", StringComparison.Ordinal) && !file.Contains(".nuget.", StringComparison.Ordinal)).ToArray();
        Assert.That(generated, Has.Length.EqualTo(1), _build.ToString);
        var document = File.ReadAllLines(generated[0]);
        var shown = Path.GetRelativePath(_project.Directory, generated[0]);
        string Line((int Line, int Column) code, (int Line, int Column) at, string message) =>
            Finding(message.Contains("does not declare", StringComparison.Ordinal) ? "OAL0002" : "OAL0001", code, at, message, shown);

        string Finding(string id, (int Line, int Column) code, (int Line, int Column) at, string message, string shown) =>
            _project.Finding("Controllers/OrdersController.cs", code.Line, code.Column, "error", id,
                $"{message} (generated from this project; in C#: {GeneratedDocumentFixes.ForRule(id, OpenApiGenerator.Swashbuckle)}) ({shown}({at.Line},{at.Column}))");

        var teapot = SourceText.At(Controller, "StatusCodes.Status418ImATeapot");
        Assert.That(_build.ExitCode, Is.EqualTo(1), _build.ToString);
        Assert.That(_build.Findings, Is.EquivalentTo(new[]
        {
            Line(teapot, SourceText.KeyIn(document, "/api/Orders/{id}", "get", "418"), "GET /api/Orders/{id} declares 418; orders-team allows GET: 200, 401, 403, 404, 500"),
            Line(teapot, SourceText.KeyIn(document, "/api/Orders", "post", "418"), "POST /api/Orders declares 418; orders-team allows POST: 201, 400, 401, 403, 500"),
            Line(SourceText.At(Controller, "200)]"), SourceText.KeyIn(document, "/api/Orders", "post", "200"), "POST /api/Orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500"),
            Line(SourceText.At(Controller, "Create("), SourceText.KeyIn(document, "/api/Orders", "post", "responses"), "POST /api/Orders does not declare 201; orders-team requires POST: 201"),
        }), _build.ToString);
    }
}

/// <summary>
/// A project documented by NSwag through Microsoft.Extensions.ApiDescription.Server, built once: a minimal-API group
/// whose convention declares a code for its endpoints, and a controller whose abstract base class carries the route,
/// a response attribute and an inherited action. Each finding is at the C# that declares it.
/// </summary>
[TestFixture]
public sealed class NSwagSourceLocationTests
{
    public const string NSwagVersion = "14.8.0";

    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddOpenApiDocument();
        var app = builder.Build();
        app.MapControllers();
        var orders = app.MapGroup("/orders").ProducesProblem(StatusCodes.Status429TooManyRequests);
        orders.MapPost("", (Order order) => TypedResults.Ok(order));
        app.Run();

        public sealed record Order(int Id);
        """;

    private const string BaseController = """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        [ProducesResponseType(StatusCodes.Status418ImATeapot)]
        public abstract class ApiControllerBase : ControllerBase
        {
            [HttpGet("{id:int}")]
            public ActionResult<Order> Get(int id) => new Order(id);
        }
        """;

    private const string InvoicesController = """
        using Microsoft.AspNetCore.Mvc;

        public sealed class InvoicesController : ApiControllerBase
        {
            [HttpDelete("{id:int}")]
            [ProducesResponseType(StatusCodes.Status204NoContent)]
            public IActionResult Delete(int id) => NoContent();
        }
        """;

    private const string Ruleset = """
        { "name": "orders-team", "extends": "minimal-codes", "methods": { "post": { "required": ["201"] } }, "rules": { "OAL0005": "off" } }
        """;

    private TestProject _project = null!;
    private CommandResult _build = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _project = TestProject.WebApp("NSwagOrders", Program, $"""
                <PackageReference Include="NSwag.AspNetCore" Version="{NSwagVersion}" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{TestProject.AspNetCorePackagesVersion}" PrivateAssets="all" />
            """, """
                <OpenApiGenerateDocumentsOnBuild>true</OpenApiGenerateDocumentsOnBuild>
                <OpenApiLintRuleset>orders-team.json</OpenApiLintRuleset>
            """);
        _project.Write("Controllers/ApiControllerBase.cs", BaseController);
        _project.Write("Controllers/InvoicesController.cs", InvoicesController);
        _project.Write("orders-team.json", Ruleset);
        _build = _project.Build();
    }

    [Test]
    public void Each_finding_is_at_the_group_convention_the_handler_the_endpoint_or_the_base_controller_attribute()
    {
        var generated = Directory.GetFiles(_project.PathOf("obj"), "*.json").Where(file => !file.EndsWith("project.assets.json", StringComparison.Ordinal) && !file.Contains(".nuget.", StringComparison.Ordinal)).ToArray();
        Assert.That(generated, Has.Length.EqualTo(1), _build.ToString);
        var document = File.ReadAllLines(generated[0]);
        Assert.That(document, Has.Some.Contains("NSwag v14.8"), "the document is NSwag's");
        var shown = Path.GetRelativePath(_project.Directory, generated[0]);
        string Line(string file, (int Line, int Column) code, (int Line, int Column) at, string message)
        {
            var id = message.Contains("does not declare", StringComparison.Ordinal) ? "OAL0002" : "OAL0001";
            return _project.Finding(file, code.Line, code.Column, "error", id,
                $"{message} (generated from this project; in C#: {GeneratedDocumentFixes.ForRule(id, OpenApiGenerator.NSwag)}) ({shown}({at.Line},{at.Column}))");
        }

        var teapot = SourceText.At(BaseController, "StatusCodes.Status418ImATeapot");
        Assert.That(_build.ExitCode, Is.EqualTo(1), _build.ToString);
        Assert.That(_build.Findings, Is.EquivalentTo(new[]
        {
            Line("Program.cs", SourceText.At(Program, "StatusCodes.Status429TooManyRequests"), SourceText.KeyIn(document, "/orders", "post", "429"),
                "POST /orders declares 429; orders-team allows POST: 201, 400, 401, 403, 500"),
            Line("Program.cs", SourceText.At(Program, "TypedResults.Ok(order)"), SourceText.KeyIn(document, "/orders", "post", "200"),
                "POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 500"),
            Line("Program.cs", SourceText.At(Program, "MapPost"), SourceText.KeyIn(document, "/orders", "post", "responses"),
                "POST /orders does not declare 201; orders-team requires POST: 201"),
            Line("Controllers/ApiControllerBase.cs", teapot, SourceText.KeyIn(document, "/api/Invoices/{id}", "get", "418"),
                "GET /api/Invoices/{id} declares 418; orders-team allows GET: 200, 401, 403, 404, 500"),
            Line("Controllers/ApiControllerBase.cs", teapot, SourceText.KeyIn(document, "/api/Invoices/{id}", "delete", "418"),
                "DELETE /api/Invoices/{id} declares 418; orders-team allows DELETE: 200, 204, 401, 403, 500"),
        }), _build.ToString);
    }
}
