namespace OpenApiLint.SourceLocations.Tests;

/// <summary>
/// Conventions on a route group (<c>ProducesProblem</c>, <c>Produces</c>, <c>ProducesValidationProblem</c>,
/// <c>WithMetadata(new ProducesResponseTypeAttribute(…))</c>) declare their code for every endpoint of the group: a
/// finding about that code is located at the group's call unless the endpoint declares the code itself.
/// </summary>
public sealed class GroupConventionTests
{
    [Test]
    public void A_convention_chained_on_MapGroup_locates_its_code_on_every_endpoint_of_the_group()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var orders = app.MapGroup("/orders").ProducesProblem(401).WithTags("Orders");
            orders.MapGet("/{id}", (int id) => id);
            orders.MapPost("", () => TypedResults.Created("/orders/1", 1)).ProducesProblem(401);
            app.MapGet("/health", () => "ok");
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "401"), Is.EqualTo(project.At("401")));
        Assert.That(project.Locate("post", "/orders", "401"), Is.EqualTo(project.At("401", 2)), "the endpoint's own declaration wins");
        Assert.That(project.Locate("post", "/orders", "201"), Is.EqualTo(project.At("TypedResults.Created")));
        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Locate("get", "/health", "401"), Is.Null, "outside the group");
        Assert.That(project.Sources.Compiled, Is.False);
    }

    [Test]
    public void Conventions_applied_to_the_group_variable_later_count_too()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var orders = app.MapGroup("/orders");
            orders.MapGet("/{id}", (int id) => id);
            orders.Produces<string>(StatusCodes.Status429TooManyRequests);
            orders.WithOpenApi().ProducesValidationProblem();
            orders.WithMetadata(new Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute(typeof(string), 503));
            orders.MapGroup("/inner").ProducesProblem(418);
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "429"), Is.EqualTo(project.At("StatusCodes.Status429")));
        Assert.That(project.Locate("get", "/orders/{id}", "400"), Is.EqualTo(project.At("ProducesValidationProblem")));
        Assert.That(project.Locate("get", "/orders/{id}", "503"), Is.EqualTo(project.At("503")));
        Assert.That(project.Locate("get", "/orders/{id}", "418"), Is.Null, "a convention of an inner group is not the outer group's");
    }

    [Test]
    public void WithMetadata_reads_every_ProducesResponseType_form()
    {
        var project = Project.Single("""
            using Microsoft.AspNetCore.Mvc;
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api")
                .WithMetadata(new ProducesResponseTypeAttribute(401), new ProducesResponseTypeAttribute<string>(402))
                .WithMetadata(new ProducesResponseTypeAttribute(typeof(string), 200) { StatusCode = 403 })
                .WithMetadata(new Microsoft.AspNetCore.Http.Metadata.ProducesResponseTypeMetadata(statusCode: 405));
            api.MapGet("/a", () => 1);
            """);

        Assert.That(project.Locate("get", "/api/a", "401"), Is.EqualTo(project.At("401")));
        Assert.That(project.Locate("get", "/api/a", "402"), Is.EqualTo(project.At("402")));
        Assert.That(project.Locate("get", "/api/a", "403"), Is.EqualTo(project.At("403")));
        Assert.That(project.Locate("get", "/api/a", "405"), Is.EqualTo(project.At("405")));
    }

    [Test]
    public void Nested_groups_inherit_the_conventions_of_every_group_around_them()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api").ProducesProblem(500);
            var orders = api.MapGroup("/orders").ProducesProblem(401);
            orders.MapGroup("/{id}/lines").MapGet("", (int id) => id);
            api.MapGet("/ping", () => "pong");
            """);

        Assert.That(project.Locate("get", "/api/orders/{id}/lines", "500"), Is.EqualTo(project.At("500")));
        Assert.That(project.Locate("get", "/api/orders/{id}/lines", "401"), Is.EqualTo(project.At("401")));
        Assert.That(project.Locate("get", "/api/ping", "500"), Is.EqualTo(project.At("500")));
        Assert.That(project.Locate("get", "/api/ping", "401"), Is.Null);
    }

    [Test]
    public void The_same_code_on_an_outer_and_an_inner_group_is_ambiguous()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api").ProducesProblem(401);
            api.MapGroup("/orders").ProducesProblem(401).MapGet("", () => 1);
            """);

        Assert.That(project.Locate("get", "/api/orders", "401"), Is.Null);
        Assert.That(project.Locate("get", "/api/orders"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void A_group_returned_from_an_extension_method_brings_its_conventions()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                var orders = app.MapOrdersGroup();
                orders.MapGet("/{id}", (int id) => id);
                app.MapGroup("/admin").WithErrors().MapDelete("/{id}", (int id) => id);
                app.MapGroup("/public").MapGet("/", () => 1);
                """),
            ("Groups.cs", """
                static class Groups
                {
                    public static RouteGroupBuilder MapOrdersGroup(this IEndpointRouteBuilder routes)
                    {
                        var group = routes.MapGroup("/orders");
                        group.ProducesProblem(StatusCodes.Status401Unauthorized);
                        return group;
                    }

                    public static RouteGroupBuilder WithErrors(this RouteGroupBuilder group) => group.ProducesProblem(503);
                }
                """));

        Assert.That(project.Locate("get", "/orders/{id}", "401"), Is.EqualTo(project.At("StatusCodes.Status401")));
        Assert.That(project.Locate("delete", "/admin/{id}", "503"), Is.EqualTo(project.At("503")));
        Assert.That(project.Locate("delete", "/admin/{id}"), Is.EqualTo(project.At("MapDelete")));
        Assert.That(project.Locate("get", "/public", "503"), Is.Null, "the other caller's group is not the one WithErrors returned here");
    }

    [Test]
    public void Endpoints_mapped_through_a_method_take_the_conventions_of_the_group_each_caller_passes()
    {
        var project = Project.Of(
            ("Program.cs", """
                var app = WebApplication.Create(args);
                app.MapGroup("/v1").ProducesProblem(401).MapCatalog();
                app.MapGroup("/v2").MapCatalog();
                """),
            ("Catalog.cs", """
                static class Catalog
                {
                    public static void MapCatalog(this IEndpointRouteBuilder routes) => routes.MapGet("/items", () => "items");
                }
                """));

        Assert.That(project.Locate("get", "/v1/items", "401"), Is.EqualTo(project.At("401")));
        Assert.That(project.Locate("get", "/v2/items", "401"), Is.Null);
        Assert.That(project.Locate("get", "/v2/items"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void Conventions_on_an_endpoint_kept_in_a_local_are_the_endpoint_own()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api").ProducesProblem(404);
            var get = api.MapGet("/a", () => 1);
            get.ProducesProblem(StatusCodes.Status404NotFound);
            api.MapGet("/b", () => 2);
            """);

        Assert.That(project.Locate("get", "/api/a", "404"), Is.EqualTo(project.At("StatusCodes.Status404NotFound")));
        Assert.That(project.Locate("get", "/api/b", "404"), Is.EqualTo(project.At("404")));
    }

    [Test]
    public void ExcludeFromDescription_on_a_group_leaves_its_endpoints_out()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var internalApi = app.MapGroup("/internal");
            internalApi.ExcludeFromDescription();
            internalApi.MapGet("/stats", () => 1);
            app.MapGroup("/internal").MapGet("/stats", () => 2);
            """);

        Assert.That(project.Locate("get", "/internal/stats"), Is.EqualTo(project.At("MapGet", 2)));
    }

    [Test]
    public void The_implicit_200_is_not_placed_on_an_endpoint_whose_group_declares_codes()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGroup("/orders").ProducesProblem(500).MapGet("", () => 1);
            """);

        Assert.That(project.Locate("get", "/orders", "200"), Is.Null);
        Assert.That(project.Locate("get", "/orders", "500"), Is.EqualTo(project.At("500")));
    }
}
