using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>A class library with a checked-in document: what `dotnet build` prints and how it ends.</summary>
public sealed class ClassLibraryBuildTests
{
    [Test]
    public void Document_that_breaks_the_ruleset_fails_the_build_with_one_line_per_finding_and_passes_once_fixed()
    {
        var project = TestProject.ClassLibrary("BrokenThenFixed");
        var document = project.Write("swagger.json", Documents.BreaksRecommended);

        var broken = project.Build();

        Assert.That(broken.ExitCode, Is.EqualTo(1), broken.ToString);
        Assert.That(broken.Findings, Is.EqualTo(new[]
        {
            project.Finding("swagger.json", 8, 11, "error", "OAL0003", "POST /orders 201 response does not declare the Location header; recommended requires Location on 201"),
            project.Finding("swagger.json", 17, 13, "error", "OAL0004", "DELETE /orders/{id} 204 response declares a body (application/json); recommended forbids a body on 204"),
        }), broken.ToString);
        Assert.That(broken.CountLines(project.LintedSummary(1, "recommended", errors: 2, warnings: 0)), Is.EqualTo(1), broken.ToString);
        Assert.That(File.Exists(project.StampFile), Is.False, "a document with errors is never stamped");

        File.WriteAllText(document, Documents.MeetsRecommended);
        var fixedBuild = project.Build();

        Assert.That(fixedBuild.ExitCode, Is.Zero, fixedBuild.ToString);
        Assert.That(fixedBuild.Findings, Is.Empty, fixedBuild.ToString);
        Assert.That(fixedBuild.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 0)), Is.EqualTo(1), fixedBuild.ToString);
        Assert.That(File.Exists(project.StampFile), Is.True, "a clean lint is stamped");
    }

    [Test]
    public void Warnings_do_not_fail_the_build_and_follow_NoWarn_WarningsAsErrors_and_TreatWarningsAsErrors()
    {
        var project = TestProject.ClassLibrary("Warnings");
        project.Write("openapi.yaml", Documents.WarnsUnderRecommended);
        const string message = "GET /orders/{id} 200 response declares no body; recommended expects a body on 200";
        var warning = project.Finding("openapi.yaml", 9, 9, "warning", "OAL0005", message);
        var error = project.Finding("openapi.yaml", 9, 9, "error", "OAL0005", message);

        // First a lint that runs (an error leaves no stamp), then one that runs and passes, then replays of its cache.
        var treatWarningsAsErrors = project.Build("-p:TreatWarningsAsErrors=true");
        Assert.That((treatWarningsAsErrors.ExitCode, treatWarningsAsErrors.Findings), Is.EqualTo((1, new[] { error })), treatWarningsAsErrors.ToString);

        var plain = project.Build();
        Assert.That((plain.ExitCode, plain.Findings), Is.EqualTo((0, new[] { warning })), plain.ToString);

        var noWarn = project.Build("-p:NoWarn=OAL0005");
        Assert.That((noWarn.ExitCode, noWarn.Findings), Is.EqualTo((0, Array.Empty<string>())), noWarn.ToString);

        var warningsAsErrors = project.Build("-p:WarningsAsErrors=OAL0005");
        Assert.That((warningsAsErrors.ExitCode, warningsAsErrors.Findings), Is.EqualTo((1, new[] { error })), warningsAsErrors.ToString);

        var exempted = project.Build("-p:TreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=OAL0005");
        Assert.That((exempted.ExitCode, exempted.Findings), Is.EqualTo((0, new[] { warning })), exempted.ToString);
    }

    [Test]
    public void Paths_are_full_unless_GenerateFullPaths_is_false_and_end_positions_are_given_on_request()
    {
        var project = TestProject.ClassLibrary("Positions");
        project.Write("specs/openapi.yaml", Documents.WarnsUnderRecommended);
        const string message = "GET /orders/{id} 200 response declares no body; recommended expects a body on 200";

        var full = project.Build();
        var relative = project.Build("-p:GenerateFullPaths=false");
        var endPositions = project.Build("-p:OpenApiLintEndPositions=true");

        Assert.Multiple(() =>
        {
            Assert.That(full.Findings, Is.EqualTo(new[] { $"{project.PathOf("specs/openapi.yaml")}(9,9): warning OAL0005: {message} [{project.ProjectFile}]" }), full.ToString);
            Assert.That(relative.Findings, Is.EqualTo(new[] { $"specs/openapi.yaml(9,9): warning OAL0005: {message} [{project.ProjectFile}]" }), relative.ToString);
            Assert.That(endPositions.Findings, Is.EqualTo(new[] { $"{project.PathOf("specs/openapi.yaml")}(9,9,9,14): warning OAL0005: {message} [{project.ProjectFile}]" }), endPositions.ToString);
        });
    }

    [Test]
    public void Default_documents_skip_bin_obj_package_and_hidden_folders()
    {
        var project = TestProject.ClassLibrary("DefaultGlobs");
        project.Write("swagger.json", Documents.MeetsRecommended);
        project.Write("specs/orders.openapi.yaml", Documents.WarnsUnderRecommended);
        foreach (var ignored in new[] { "bin/swagger.json", "obj/openapi.json", "packages/legacy/openapi.json", "node_modules/api/openapi.json", ".vscode/swagger.json", "bin/Debug/net10.0/DefaultGlobs.openapi.json" })
        {
            project.Write(ignored, Documents.BreaksRecommended);
        }

        project.Write("DefaultGlobs.deps.json", "{ not a document }");

        var build = project.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.Finding("specs/orders.openapi.yaml", 9, 9, "warning", "OAL0005", "GET /orders/{id} 200 response declares no body; recommended expects a body on 200"),
        }), build.ToString);
        Assert.That(build.CountLines(project.LintedSummary(2, "recommended", errors: 0, warnings: 1)), Is.EqualTo(1), build.ToString);
    }

    [Test]
    public void OpenApiLintEnabled_false_and_design_time_builds_do_not_lint()
    {
        var project = TestProject.ClassLibrary("NotLinted");
        project.Write("swagger.json", Documents.BreaksRecommended);

        var disabled = project.Build("-p:OpenApiLintEnabled=false");
        var designTime = project.Build("-p:DesignTimeBuild=true");

        Assert.Multiple(() =>
        {
            Assert.That((disabled.ExitCode, disabled.Findings, disabled.CountLines("OpenApiLint (")), Is.EqualTo((0, Array.Empty<string>(), 0)), disabled.ToString);
            Assert.That((designTime.ExitCode, designTime.Findings, designTime.CountLines("OpenApiLint (")), Is.EqualTo((0, Array.Empty<string>(), 0)), designTime.ToString);
        });
    }

    [Test]
    public void Multi_targeting_project_is_linted_once_after_all_its_frameworks()
    {
        var project = TestProject.ClassLibrary("MultiTargeting", targetFrameworks: "net10.0;net9.0");
        project.Write("openapi.yaml", Documents.WarnsUnderRecommended);

        var build = project.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            project.Finding("openapi.yaml", 9, 9, "warning", "OAL0005", "GET /orders/{id} 200 response declares no body; recommended expects a body on 200"),
        }), build.ToString);
        Assert.That(build.CountLines("OpenApiLint (MultiTargeting): "), Is.EqualTo(1), build.ToString);
        Assert.That(build.CountLines(project.LintedSummary(1, "recommended", errors: 0, warnings: 1)), Is.EqualTo(1), build.ToString);
    }
}
