namespace OpenApiLint.SourceLocations.Tests;

/// <summary>Minimal APIs: each construct the generators document, located at the C# that declares it.</summary>
public sealed class MinimalApiTests
{
    [Test]
    public void An_endpoint_on_the_app_is_located_at_its_Map_call_and_its_implicit_200_there_too()
    {
        var project = Project.Single("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/orders", () => new[] { "a" });
            app.Run();
            """);

        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("get", "/orders", "200"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("get", "/orders", "404"), Is.Null, "no C# declares 404");
        Assert.That(project.Locate("post", "/orders"), Is.Null, "no POST endpoint");
    }

    [TestCase("get", "MapGet")]
    [TestCase("post", "MapPost")]
    [TestCase("put", "MapPut")]
    [TestCase("patch", "MapPatch")]
    [TestCase("delete", "MapDelete")]
    public void Every_verb_method_maps_its_method(string method, string call)
    {
        var project = Project.Single($$"""
            var app = WebApplication.Create(args);
            app.{{call}}("/items/{id}", (int id) => id);
            """);

        Assert.That(project.Locate(method, "/items/{id}"), Is.EqualTo(project.At(call)));
        Assert.That(project.Locate(method == "get" ? "post" : "get", "/items/{id}"), Is.Null);
    }

    [Test]
    public void MapMethods_maps_the_methods_it_lists_in_any_form()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapMethods("/ping", new[] { "GET", "head" }, () => "pong");
            app.MapMethods("/pong", [HttpMethods.Put], () => "ping");
            """);

        Assert.That(project.Locate("get", "/ping"), Is.EqualTo(project.At("MapMethods")));
        Assert.That(project.Locate("head", "/ping"), Is.EqualTo(project.At("MapMethods")));
        Assert.That(project.Locate("put", "/pong"), Is.EqualTo(project.At("MapMethods", 2)));
        Assert.That(project.Locate("post", "/ping"), Is.Null);
    }

    [Test]
    public void Produces_calls_locate_their_own_code_and_the_operation_stays_at_the_Map_call()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapPost("/orders", (Order order) => TypedResults.Ok(order))
               .Produces<Order>(201)
               .Produces(statusCode: 409)
               .ProducesProblem(StatusCodes.Status500InternalServerError)
               .ProducesValidationProblem()
               .WithName("CreateOrder");
            record Order(int Id);
            """);

        Assert.That(project.Locate("post", "/orders"), Is.EqualTo(project.At("MapPost")));
        Assert.That(project.Locate("post", "/orders", "201"), Is.EqualTo(project.At("201")));
        Assert.That(project.Locate("post", "/orders", "409"), Is.EqualTo(project.At("409")));
        Assert.That(project.Locate("post", "/orders", "500"), Is.EqualTo(project.At("StatusCodes.Status500")));
        Assert.That(project.Locate("post", "/orders", "400"), Is.EqualTo(project.At("ProducesValidationProblem")));
        Assert.That(project.Locate("post", "/orders", "200"), Is.EqualTo(project.At("TypedResults.Ok")));
    }

    [Test]
    public void Produces_without_a_code_declares_200()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "x").Produces<string[]>();
            """);

        Assert.That(project.Locate("get", "/orders", "200"), Is.EqualTo(project.At("Produces<")));
    }

    [Test]
    public void Groups_nest_inline_and_through_locals()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            var orders = api.MapGroup("orders/").WithTags("Orders");
            orders.MapGet("/{id:int}", (int id) => id);
            app.MapGroup("/admin").MapGroup("/users").MapDelete("{name}", (string name) => name);
            orders.MapGet("", () => 1);
            """);

        Assert.That(project.Locate("get", "/api/orders/{id}"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("delete", "/admin/users/{name}"), Is.EqualTo(project.At("MapDelete")));
        Assert.That(project.Locate("get", "/api/orders"), Is.EqualTo(project.At("MapGet", 2)));
        Assert.That(project.Locate("get", "/orders/{id}"), Is.Null, "the group's prefix is part of the route");
    }

    [Test]
    public void A_group_returned_by_an_extension_method_of_the_project_keeps_its_prefix()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                var orders = app.MapGroup("/api").MapOrdersGroup();
                orders.MapGet("/{id}", (int id) => id);
                """),
            ("Groups.cs", """
                static class Groups
                {
                    public static RouteGroupBuilder MapOrdersGroup(this IEndpointRouteBuilder routes)
                    {
                        var group = routes.MapGroup("/orders");
                        return group;
                    }
                }
                """));

        Assert.That(project.Locate("get", "/api/orders/{id}"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Sources.Compiled, Is.False, "locals, groups and methods of the project are read from the syntax; no compilation is bound");
    }

    [Test]
    public void Endpoints_mapped_in_methods_of_the_project_take_the_prefix_of_every_caller()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGroup("/shop").MapCatalog();
                Admin.Register(app.MapGroup("/admin"));
                """),
            ("Catalog.cs", """
                static class Catalog
                {
                    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder routes)
                    {
                        routes.MapGet("/items", () => "items");
                        return routes;
                    }
                }

                static class Admin
                {
                    public static void Register(RouteGroupBuilder group) => group.MapPut("/items/{id}", (int id) => id);
                }
                """));

        Assert.That(project.Locate("get", "/shop/items"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("put", "/admin/items/{id}"), Is.EqualTo(project.At("MapPut")));
    }

    [Test]
    public void A_results_return_type_locates_each_code_at_its_type_argument()
    {
        var project = Project.Single("""
            using Microsoft.AspNetCore.Http.HttpResults;
            var app = WebApplication.Create(args);
            app.MapGet("/orders/{id}", async Task<Results<Ok<Order>, NotFound, ValidationProblem>> (int id) =>
            {
                await Task.Yield();
                return id > 0 ? TypedResults.Ok(new Order(id)) : TypedResults.NotFound();
            });
            record Order(int Id);
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "200"), Is.EqualTo(project.At("Ok<Order>")));
        Assert.That(project.Locate("get", "/orders/{id}", "404"), Is.EqualTo(project.At("NotFound,")));
        Assert.That(project.Locate("get", "/orders/{id}", "400"), Is.EqualTo(project.At("ValidationProblem>")));
    }

    [Test]
    public void Returned_typed_results_locate_their_code_when_the_return_type_is_inferred()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapPost("/orders", (Order order) =>
            {
                Func<int, IResult> unrelated = code => TypedResults.Conflict();
                return TypedResults.Created($"/orders/{order.Id}", order);
            });
            app.MapDelete("/orders/{id}", (int id) => TypedResults.NoContent());
            record Order(int Id);
            """);

        Assert.That(project.Locate("post", "/orders", "201"), Is.EqualTo(project.At("TypedResults.Created")));
        Assert.That(project.Locate("post", "/orders", "409"), Is.Null, "a nested lambda's result is not the handler's");
        Assert.That(project.Locate("delete", "/orders/{id}", "204"), Is.EqualTo(project.At("TypedResults.NoContent")));
    }

    [Test]
    public void ProducesResponseType_on_a_lambda_and_on_a_method_group()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGet("/a", [ProducesResponseType(404)] () => "a");
                app.MapGet("/b", Handlers.Get);
                """),
            ("Handlers.cs", """
                using Microsoft.AspNetCore.Mvc;
                static class Handlers
                {
                    [ProducesResponseType<string>(StatusCodes.Status200OK)]
                    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict)]
                    public static IResult Get() => Results.Ok("b");
                }
                """));

        Assert.That(project.Locate("get", "/a", "404"), Is.EqualTo(project.At("404")));
        Assert.That(project.Locate("get", "/b", "200"), Is.EqualTo(project.At("StatusCodes.Status200OK")));
        Assert.That(project.Locate("get", "/b", "409"), Is.EqualTo(project.At("StatusCodes.Status409Conflict")));
        Assert.That(project.Locate("get", "/b"), Is.EqualTo(project.At("MapGet", 2)));
    }

    [Test]
    public void Constants_of_the_project_resolve_templates_and_codes()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet(Routes.Orders + "/{id}", (int id) => id).Produces(Codes.Gone);
            static class Routes { public const string Orders = "/orders"; }
            static class Codes { public const int Gone = 410; }
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "410"), Is.EqualTo(project.At("Codes.Gone")));
        Assert.That(project.Sources.Compiled, Is.False);
    }

    [Test]
    public void A_constant_only_the_compiler_can_compute_is_resolved_through_the_semantic_model()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => 1).Produces((int)System.Net.HttpStatusCode.Gone);
            """);

        Assert.That(project.Locate("get", "/orders", "410"), Is.EqualTo(project.At("(int)System.Net")));
        Assert.That(project.Sources.Compiled, Is.True);
    }

    [Test]
    public void ExcludeFromDescription_leaves_the_endpoint_out()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/health", () => "ok").ExcludeFromDescription();
            app.MapGet("/health", () => "ok too");
            """);

        Assert.That(project.Locate("get", "/health"), Is.EqualTo(project.At("MapGet", 2)));
    }

    [Test]
    public void A_MapGet_of_the_project_itself_is_not_an_endpoint()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            new Fake().MapGet("/orders", 1);
            app.MapGet("/orders", () => 1);
            sealed class Fake { public void MapGet(string route, int value) { } }
            """);

        Assert.That(project.Locate("get", "/orders"), Is.EqualTo(project.At("MapGet", 2)));
    }

    [Test]
    public void Without_references_locals_and_StatusCodes_constants_still_resolve()
    {
        var project = Project.WithoutReferences(("Program.cs", """
            var app = WebApplication.Create(args);
            var orders = app.MapGroup("/orders");
            orders.MapGet("/{id}", (int id) => id).Produces(StatusCodes.Status404NotFound);
            """));

        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("get", "/orders/{id}", "404"), Is.EqualTo(project.At("StatusCodes")));
    }

    [Test]
    public void Preprocessor_symbols_of_the_project_decide_which_code_is_compiled()
    {
        var source = ("Program.cs", """
            var app = WebApplication.Create(args);
            #if LEGACY
            app.MapGet("/orders", () => 1);
            #else
            app.MapGet("/orders", () => 2).Produces(202);
            #endif
            """);

        Assert.That(Project.WithSymbols(["LEGACY"], source).Locate("get", "/orders"), Is.EqualTo(Project.Of(source).At("MapGet")));
        Assert.That(Project.Of(source).Locate("get", "/orders"), Is.EqualTo(Project.Of(source).At("MapGet", 2)));
    }
}
