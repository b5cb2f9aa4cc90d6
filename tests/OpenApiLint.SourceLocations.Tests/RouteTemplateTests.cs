namespace OpenApiLint.SourceLocations.Tests;

public sealed class RouteTemplateTests
{
    [TestCase("/orders/{id:int}", "/orders/{id}")]
    [TestCase("orders/{id:int:min(1)}/", "/orders/{id}")]
    [TestCase("/orders/{id?}", "/orders/{id}")]
    [TestCase("/files/{*path}", "/files/{path}")]
    [TestCase("/files/{**path}", "/files/{path}")]
    [TestCase("/files/{name=index}.{ext?}", "/files/{name}.{ext}")]
    [TestCase("~/Orders", "/orders")]
    [TestCase("/codes/{code:regex(^\\d{{3}}$)}", "/codes/{code}")]
    [TestCase("", "/")]
    public void Templates_are_compared_as_the_generators_write_them(string template, string expected)
    {
        Assert.That(RouteTemplates.Normalize(template), Is.EqualTo(expected));
    }

    [TestCase("api/[controller]", "[action]", "api/Orders/List")]
    [TestCase("api/[controller]", "/health", "/health")]
    [TestCase("api/[controller]", "~/health", "/health")]
    [TestCase("api/[Controller]", null, "api/Orders")]
    public void Controller_and_action_templates_combine_as_MVC_does(string controller, string? action, string expected)
    {
        var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["controller"] = "Orders", ["action"] = "List" };
        Assert.That(RouteTemplates.ReplaceTokens(RouteTemplates.Combine(controller, action), tokens), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_token_makes_the_route_unknown()
    {
        Assert.That(RouteTemplates.ReplaceTokens("api/[version]/x", new Dictionary<string, string>()), Is.Null);
    }
}
