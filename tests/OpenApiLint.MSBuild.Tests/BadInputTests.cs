using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>Bad input is one clear build error naming the file, never a crashed task.</summary>
public sealed class BadInputTests
{
    [Test]
    public void Malformed_document_is_one_error_at_the_file_and_position()
    {
        var project = TestProject.ClassLibrary("MalformedDocument");
        project.Write("openapi.json", """
            {
              "openapi": "3.0.3",
              "info": { "title": "Orders", "version": "1" },
              "paths": {
                "/orders": { "get": { "responses": { "200": { "description": "OK" } } } }
            """);

        var build = project.Build();

        AssertNoCrash(build);
        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Has.Count.EqualTo(1), build.ToString);
        Assert.That(build.Findings[0], Does.StartWith($"{project.PathOf("openapi.json")}(5,78): error OAL9001: invalid JSON: "), build.ToString);
    }

    [Test]
    public void File_that_is_not_OpenAPI_is_one_error_at_the_file()
    {
        var project = TestProject.ClassLibrary("NotOpenApi");
        project.Write("swagger.json", """{ "name": "a package manifest, not an API" }""");

        var build = project.Build();

        AssertNoCrash(build);
        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.Finding("swagger.json", 1, 1, "error", "OAL9001", "not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level"),
        }), build.ToString);
    }

    [Test]
    public void Broken_ruleset_file_is_one_error_at_the_ruleset_even_with_several_documents()
    {
        var project = TestProject.ClassLibrary("BrokenRuleset");
        project.Write("swagger.json", Documents.MeetsRecommended);
        project.Write("specs/orders.openapi.json", Documents.MeetsRecommended);
        project.Write(".openapi-lint.json", """
            {
              "extends": "minimal-codes",
              "rules": { "OAL0005" "warning" }
            }
            """);

        var build = project.Build();

        AssertNoCrash(build);
        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Has.Count.EqualTo(1), build.ToString);
        Assert.That(build.Findings[0], Does.StartWith($"{project.PathOf(".openapi-lint.json")}(3,24): error OAL9002: invalid JSON"), build.ToString);
    }

    [Test]
    public void Unknown_ruleset_name_is_one_error_at_the_project()
    {
        var project = TestProject.ClassLibrary("UnknownRuleset", "<OpenApiLintRuleset>no-such-ruleset</OpenApiLintRuleset>");
        project.Write("swagger.json", Documents.MeetsRecommended);

        var build = project.Build();

        AssertNoCrash(build);
        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.ProjectFinding("error", "OAL9002", "unknown ruleset 'no-such-ruleset': not a file, and not a built-in (conditional-requests, http-semantics, minimal-codes, platform-of-trust, recommended)"),
        }), build.ToString);
    }

    [Test]
    public void Missing_document_item_is_one_error_at_the_project()
    {
        var project = TestProject.ClassLibrary("MissingDocument", "<EnableDefaultOpenApiLintDocuments>false</EnableDefaultOpenApiLintDocuments>");
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace(
            "</Project>", "  <ItemGroup><OpenApiLintDocument Include=\"api/missing.yaml\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));

        var build = project.Build();

        AssertNoCrash(build);
        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.ProjectFinding("error", "OAL9001", $"{project.PathOf("api/missing.yaml")}: file not found"),
        }), build.ToString);
    }

    private static void AssertNoCrash(CommandResult build)
    {
        Assert.That(build.Output, Does.Not.Contain("MSB4018").And.Not.Contain("MSB4062").And.Not.Contain("OAL9000").And.Not.Contain("   at "), build.ToString);
    }
}
