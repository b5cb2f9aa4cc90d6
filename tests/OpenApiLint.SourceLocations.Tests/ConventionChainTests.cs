namespace OpenApiLint.SourceLocations.Tests;

/// <summary>
/// Conventions chained after other calls that return the same builder: API versioning's <c>MapToApiVersion</c>,
/// naming, the project's own extensions. On an endpoint every call returns its builder; on a group the calls that map
/// (<c>MapGet</c>, <c>MapGroup</c>, <c>MapHealthChecks</c>…) start another one.
/// </summary>
public sealed class ConventionChainTests
{
    [Test]
    public void Conventions_after_MapToApiVersion_and_other_calls_on_an_endpoint_are_its_own()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var orders = app.MapGroup("/orders");
            orders.MapGet("/{id}", (int id) => id)
                .MapToApiVersion(1.0)
                .WithName("GetOrder")
                .Produces(404)
                .WithStandardErrors()
                .ProducesProblem(StatusCodes.Status409Conflict);
            app.Run();

            static class Conventions
            {
                public static RouteHandlerBuilder WithStandardErrors(this RouteHandlerBuilder builder) => builder;
            }
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "404"), Is.EqualTo(project.At("404")));
        Assert.That(project.Locate("get", "/orders/{id}", "409"), Is.EqualTo(project.At("StatusCodes.Status409Conflict")));
        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("MapGet")));
        Assert.That(project.Sources.Compiled, Is.False);
    }

    [Test]
    public void Conventions_after_MapToApiVersion_on_the_local_holding_an_endpoint_are_its_own()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var get = app.MapGet("/orders", () => "all").MapToApiVersion(2.0);
            get.MapToApiVersion(3.0).ProducesProblem(503);
            """);

        Assert.That(project.Locate("get", "/orders", "503"), Is.EqualTo(project.At("503")));
    }

    [Test]
    public void Conventions_after_MapToApiVersion_on_a_group_apply_to_its_endpoints()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var v1 = app.MapGroup("/v1").MapToApiVersion(1.0).ProducesProblem(401);
            v1.MapToApiVersion(1.1).WithTags("Orders").ProducesProblem(500);
            v1.MapGet("/orders", () => "all");
            """);

        Assert.That(project.Locate("get", "/v1/orders", "401"), Is.EqualTo(project.At("401")));
        Assert.That(project.Locate("get", "/v1/orders", "500"), Is.EqualTo(project.At("500")));
        Assert.That(project.Locate("get", "/v1/orders"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void Conventions_after_a_mapping_call_on_a_group_are_not_the_groups()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            api.MapHealthChecks("/health").ProducesProblem(503);
            api.MapGet("/orders/{id}", (int id) => id).ProducesProblem(418);
            api.MapGet("/orders", () => "all");
            """);

        Assert.That(project.Locate("get", "/api/orders", "503"), Is.Null, "the health checks' convention");
        Assert.That(project.Locate("get", "/api/orders", "418"), Is.Null, "another endpoint's convention");
        Assert.That(project.Locate("get", "/api/orders/{id}", "418"), Is.EqualTo(project.At("418")));
    }

    [Test]
    public void A_code_declared_again_after_MapToApiVersion_is_ambiguous_and_keeps_the_document_position()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders/{id}", (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.NotFound())
                .MapToApiVersion(1.0)
                .Produces(404)
                .Produces(statusCode: Codes.Unknown());
            static class Codes { public static int Unknown() => 429; }
            """);

        Assert.That(project.Locate("get", "/orders/{id}", "404"), Is.Null, "declared by the handler and by Produces");
        Assert.That(project.Locate("get", "/orders/{id}", "429"), Is.Null, "a code only known at run time may be any");
        Assert.That(project.Locate("get", "/orders/{id}"), Is.EqualTo(project.At("MapGet")));
    }

    [Test]
    public void The_same_route_mapped_for_two_versions_is_not_located()
    {
        var project = Project.Single("""
            var app = WebApplication.Create(args);
            var orders = app.MapGroup("/orders");
            orders.MapGet("", () => "v1").MapToApiVersion(1.0).Produces(200);
            orders.MapGet("", () => "v2").MapToApiVersion(2.0).Produces(200);
            """);

        Assert.That(project.Locate("get", "/orders"), Is.Null);
        Assert.That(project.Locate("get", "/orders", "200"), Is.Null);
    }
}
