using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>Which ruleset a build checks against: the team file, or the one the project names.</summary>
public sealed class RulesetTests
{
    private const string TeamRuleset = """
        {
          "name": "team-codes",
          "extends": "minimal-codes"
        }
        """;

    private const string LenientRuleset = """
        {
          "name": "lenient",
          "extends": "minimal-codes",
          "methods": { "post": { "addAllowed": ["200"] } }
        }
        """;

    [Test]
    public void Team_file_applies_by_default_and_OpenApiLintRuleset_overrides_it()
    {
        var project = TestProject.ClassLibrary("TeamRuleset");
        project.Write("openapi.json", Documents.PostAnswers200);
        project.Write(".openapi-lint.json", TeamRuleset);
        project.Write("rulesets/lenient.json", LenientRuleset);

        var teamFile = project.Build();
        var namedFile = project.Build("-p:OpenApiLintRuleset=rulesets/lenient.json");
        var namedBuiltIn = project.Build("-p:OpenApiLintRuleset=recommended");

        Assert.Multiple(() =>
        {
            Assert.That(teamFile.ExitCode, Is.EqualTo(1), teamFile.ToString);
            Assert.That(teamFile.Findings, Is.EqualTo(new[]
            {
                project.Finding("openapi.json", 8, 11, "error", "OAL0001", "POST /orders declares 200; team-codes allows POST: 201, 400, 401, 403, 500"),
            }), teamFile.ToString);

            Assert.That((namedFile.ExitCode, namedFile.Findings), Is.EqualTo((0, Array.Empty<string>())), namedFile.ToString);
            Assert.That(namedFile.CountLines(project.LintedSummary(1, "lenient", errors: 0, warnings: 0)), Is.EqualTo(1), namedFile.ToString);

            Assert.That((namedBuiltIn.ExitCode, namedBuiltIn.Findings), Is.EqualTo((0, Array.Empty<string>())), namedBuiltIn.ToString);
            Assert.That(namedBuiltIn.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 0)), Is.EqualTo(1), namedBuiltIn.ToString);
        });
    }

    [Test]
    public void Team_file_in_a_folder_above_the_project_applies_to_it_and_its_overrides_for_other_projects_do_not_warn()
    {
        var project = TestProject.ClassLibrary("TeamRulesetAbove", parentFolder: "repository/src");
        project.Write("openapi.json", Documents.PostAnswers200);
        // Shared by the repository's projects: the override is for another project's routes, which this build never sees.
        project.Write("../../.openapi-lint.json", """
            {
              "name": "team-codes",
              "extends": "minimal-codes",
              "overrides": [ { "paths": ["/billing/**"], "ruleset": { "rules": { "OAL0005": "off" } } } ]
            }
            """);

        var build = project.Build();

        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.Finding("openapi.json", 8, 11, "error", "OAL0001", "POST /orders declares 200; team-codes allows POST: 201, 400, 401, 403, 500"),
        }), build.ToString);
    }

    private const string ProductsDocument = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Products", "version": "1" },
          "paths": {
            "/api/Products/{id}": {
              "delete": {
                "responses": { "404": { "description": "Not found" } }
              }
            }
          }
        }
        """;

    [Test]
    public void A_lower_case_override_matches_a_mixed_case_route_and_an_override_that_matches_nothing_warns_at_its_position()
    {
        var project = TestProject.ClassLibrary("OverridePaths");
        project.Write("openapi.json", ProductsDocument);
        project.Write(".openapi-lint.json", """
            {
              "name": "products-team",
              "extends": "minimal-codes",
              "overrides": [
                { "paths": ["/api/products/**"], "ruleset": { "methods": { "delete": { "addAllowed": ["404"] } } } },
                { "paths": ["/api/legacy/**"], "ruleset": { "rules": { "OAL0001": "off" } } }
              ]
            }
            """);

        var build = project.Build();
        var replayed = project.Build();

        var warning = project.Finding(".openapi-lint.json", 6, 5, "warning", "OAL9020", "override { paths: [/api/legacy/**] } of products-team matches no operation of the linted documents");
        Assert.Multiple(() =>
        {
            Assert.That((build.ExitCode, build.Findings), Is.EqualTo((0, new[] { warning })), build.ToString);
            Assert.That(build.CountLines(project.LintedSummary(1, "products-team", errors: 0, warnings: 1)), Is.EqualTo(1), build.ToString);
            Assert.That((replayed.ExitCode, replayed.Findings), Is.EqualTo((0, new[] { warning })), replayed.ToString);
        });
    }
}
