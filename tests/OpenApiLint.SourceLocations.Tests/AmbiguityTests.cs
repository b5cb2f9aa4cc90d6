namespace OpenApiLint.SourceLocations.Tests;

/// <summary>Never a wrong position: whatever is not certain is not located, so the finding stays in the document.</summary>
public sealed class AmbiguityTests
{
    [Test]
    public void Two_endpoints_for_the_same_operation_locate_neither()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/orders/{id}", (int id) => id);
                """),
            ("More.cs", """
                static class More
                {
                    public static void Map(WebApplication app) => app.MapGet("/orders/{id:int}", (int id) => id);
                    static void Use(WebApplication app) => Map(app);
                }
                """));

        Assert.That(project.Locate("get", "/orders/{id}"), Is.Null);
        Assert.That(project.Locate("get", "/orders/{id}", "200"), Is.Null);
    }

    [Test]
    public void A_minimal_endpoint_and_a_controller_action_for_the_same_operation_locate_neither()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/orders", () => 1);
                """),
            ("OrdersController.cs", """
                using Microsoft.AspNetCore.Mvc;
                [Route("orders")]
                public sealed class OrdersController : ControllerBase
                {
                    [HttpGet]
                    public int List() => 1;
                }
                """));

        Assert.That(project.Locate("get", "/orders"), Is.Null);
    }

    [Test]
    public void A_code_declared_twice_is_not_located_but_the_operation_is()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", [Microsoft.AspNetCore.Mvc.ProducesResponseType(404)] () => 1).Produces(404).Produces(200);
            """);

        Assert.That(project.Locate("get", "/orders", "404"), Is.Null);
        Assert.That(project.Locate("get", "/orders", "200"), Is.EqualTo(project.At("200")));
        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void A_template_that_is_not_a_constant_makes_every_endpoint_of_its_method_uncertain()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var route = args.Length > 0 ? args[0] : "/orders";
            app.MapGet(route, () => 1);
            app.MapGet("/orders", () => 2);
            app.MapPost("/orders", () => 3);
            """);

        Assert.That(project.Locate("get", "/orders"), Is.Null, "the first MapGet may be /orders too");
        Assert.That(project.Locate("post", "/orders"), Is.EqualTo(project.At("MapPost")));
    }

    [Test]
    public void An_endpoint_left_out_of_the_document_never_makes_another_uncertain()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet(args[0], () => 1).ExcludeFromDescription();
            app.MapGet("/orders", () => 2);
            """);

        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet", 2)));
    }

    [Test]
    public void A_group_built_from_a_method_never_called_is_uncertain()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/orders", () => 1);
                """),
            ("Unused.cs", """
                static class Unused
                {
                    public static void MapMore(this IEndpointRouteBuilder routes) => routes.MapGet("/orders", () => 2);
                }
                """));

        Assert.That(project.Locate("get", "/orders"), Is.Null, "MapMore may be called through a delegate, with any prefix");
    }

    [Test]
    public void A_code_that_is_not_a_constant_makes_the_endpoints_codes_uncertain()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var code = args.Length;
            app.MapGet("/orders", () => 1).Produces(code).Produces(404);
            """);

        Assert.That(project.Locate("get", "/orders", "404"), Is.Null);
        Assert.That(project.Locate("get", "/orders", "200"), Is.Null, "not implicit: something is declared");
        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void A_handler_that_cannot_be_read_makes_the_endpoints_codes_uncertain()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            Delegate handler = () => 1;
            app.MapGet("/orders", handler).Produces(404);
            """);

        Assert.That(project.Locate("get", "/orders", "404"), Is.Null);
        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet")));
    }

    [TestCase("4XX")]
    [TestCase("default")]
    public void Ranges_and_default_are_never_located(string key)
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => 1).Produces(404);
            """);

        Assert.That(project.Locate("get", "/orders", key), Is.Null);
    }

    [Test]
    public void An_operation_no_source_declares_is_not_located()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => 1);
            """);

        Assert.That(project.Locate("get", "/customers"), Is.Null);
        Assert.That(project.Locate("get", "/orders/{id}"), Is.Null);
    }

    [Test]
    public void An_action_with_a_route_but_no_verb_answers_any_method_so_its_route_is_uncertain()
    {
        var project = Project.Of(("Controllers.cs", """
            using Microsoft.AspNetCore.Mvc;
            [Route("orders")]
            public sealed class OrdersController : ControllerBase
            {
                public string Anything() => "";

                [HttpGet]
                public string List() => "";
            }
            """));

        Assert.That(project.Locate("get", "/orders"), Is.Null);
    }
}
