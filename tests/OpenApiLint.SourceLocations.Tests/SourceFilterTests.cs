namespace OpenApiLint.SourceLocations.Tests;

/// <summary>
/// Only files that can take part in declaring an endpoint are parsed up front; the others are parsed only for a
/// compilation. What is located does not change.
/// </summary>
public sealed class SourceFilterTests
{
    [Test]
    public void Files_that_name_nothing_the_search_reads_are_not_parsed()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/orders/{id}", (int id) => new Order(id, Pricing.Of(id)));
                """),
            ("Order.cs", "public sealed record Order(int Id, decimal Price);"),
            ("Pricing.cs", "static class Pricing { public static decimal Of(int id) => id * 2m; }"));

        Assert.That(project.Sources.Trees.Select(tree => tree.FilePath), Is.EquivalentTo(new[] { "Program.cs", "GlobalUsings.g.cs" }));
        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void A_controller_that_names_only_its_base_class_is_parsed_for_the_base()
    {
        var project = Project.Of(
            ("CrudBase.cs", """
                using Microsoft.AspNetCore.Mvc;
                [ApiController]
                [Route("api/[controller]")]
                public abstract class CrudBase<T> : ControllerBase
                {
                    [HttpGet]
                    public IEnumerable<T> List() => [];
                }
                """),
            ("Customers.cs", "public class Customers : Shared<int> { }"),
            ("Shared.cs", "public abstract class Shared<T> : CrudBase<T> { }"));

        Assert.That(project.Sources.Trees.Select(tree => tree.FilePath), Does.Contain("Customers.cs").And.Contain("Shared.cs"));
        Assert.That(project.Locate("get", "/api/Customers"), Is.EqualTo(project.At("List")));
    }

    [Test]
    public void Callers_that_pass_the_app_to_a_mapping_method_are_parsed_for_the_method_two_levels_up()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                Startup.Configure(app);
                app.Run();
                """),
            ("Startup.cs", """
                static class Startup
                {
                    public static void Configure(WebApplication app) => Catalog.AddCatalog(app);
                }
                """),
            ("Catalog.cs", """
                static class Catalog
                {
                    public static void AddCatalog(IEndpointRouteBuilder routes) => routes.MapGroup("/shop").MapGet("/items", () => "items");
                }
                """));

        Assert.That(project.Sources.Trees.Select(tree => tree.FilePath), Does.Contain("Program.cs").And.Contain("Startup.cs"));
        Assert.That(project.Locate("get", "/shop/items"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void A_compilation_binds_against_the_files_that_were_not_parsed_up_front()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/orders", () => 1).Produces((int)Codes.Gone);
                """),
            ("Codes.cs", "enum Codes { Gone = 410 }"));

        Assert.That(project.Sources.Trees.Select(tree => tree.FilePath), Does.Not.Contain("Codes.cs"));
        Assert.That(project.Locate("get", "/orders", "410"), Is.EqualTo(project.At("(int)Codes.Gone")));
    }
}
