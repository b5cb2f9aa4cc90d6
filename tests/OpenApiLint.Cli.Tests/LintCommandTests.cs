using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Commands;
using OpenApiLint.Cli.Tests.Support;
using OpenApiLint.Core.Formatting;

namespace OpenApiLint.Cli.Tests;

/// <summary>The <c>lint</c> command run in-process: arguments, exit codes, exact output, bad input, report files.</summary>
[TestFixture]
public sealed class LintCommandTests
{
    // Each finding, then its notes: the severity that applied and the guideline sentence it came from.
    private static readonly string[] SampleUnderMinimalCodes =
    [
        "petstore.openapi.yaml(22,9): error OAL0001: POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500",
        "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The POST column has X at 201, 400, 401, 403 and 500 (not 200, not 404). POST: \"201 should be returned if the resource was created.\" and \"400 should be returned if the request is invalid, i.e. the resource already exists or contains invalid fields.\"",
        "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
        "petstore.openapi.yaml(42,9): error OAL0001: GET /orders/{id} declares 304; minimal-codes allows GET: 200, 401, 403, 404, 500",
        "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The GET column has X at 200, 401, 403, 404 and 500. GET: \"200 should be returned on success. If a collection asked for is empty, 200 is still to be returned.\" and \"404 should be returned when a resource asked for is not found.\"",
        "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
        "petstore.openapi.yaml(51,11): error OAL0004: DELETE /orders/{id} 204 response declares a body (application/json); minimal-codes forbids a body on 204",
        "    = note: error from “HTTP Status Response Codes”: The table gives 204 the meaning \"No Content\", and \"204 should be returned after a successful execution, as usually there is no need for content in the response.\" (200 is the code \"when there is a need for content in the response\"). Reading taken: ‘No Content’ says what a 204 is, so a 204 with a body is an error; the ‘should’ is about choosing 204, not about its body.",
        "petstore.openapi.yaml(54,9): error OAL0001: DELETE /orders/{id} declares 404; minimal-codes allows DELETE: 200, 204, 401, 403, 500",
        "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The DELETE column has X at 200, 204, 401, 403 and 500 (not 400, not 404). DELETE: \"200 can be returned after a successful execution, when there is a need for a content in the response.\" and \"204 should be returned after a successful execution\", also for a resource already deleted: \"204 should be returned, not 404, because clients usually do not care if a resource was previously deleted.\"",
        "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
        "4 errors, 0 warnings, 0 infos in 1 file (ruleset minimal-codes)",
    ];

    /// <summary>The same with <c>--no-why</c>: one line per finding.</summary>
    private static readonly string[] SampleUnderMinimalCodesNoWhy = [.. SampleUnderMinimalCodes.Where(line => !line.StartsWith("    = note: ", StringComparison.Ordinal))];

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Sample_WithRuleset_PrintsEachFindingAtItsPositionAndExitsOne()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "--ruleset", "minimal-codes");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
            Assert.That(outcome.OutLines, Is.EqualTo(SampleUnderMinimalCodes));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void Sample_WithoutRuleset_UsesRecommended()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(outcome.OutLines[0], Is.EqualTo("petstore.openapi.yaml(17,9): error OAL0003: GET /orders 401 response does not declare the WWW-Authenticate header; recommended requires WWW-Authenticate on 401"));
            Assert.That(outcome.OutLines[^1], Is.EqualTo("4 errors, 0 warnings, 0 infos in 1 file (ruleset recommended)"));
        });
    }

    [Test]
    public void ReferenceCycle_IsAnErrorAndExitsOne()
    {
        _folder.Write("cycle.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Cycle, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { $ref: '#/components/responses/A' }
            components:
              responses:
                A: { $ref: '#/components/responses/B' }
                B: { $ref: '#/components/responses/A' }
            """);

        var outcome = InProcess.Run(_folder.Path, "lint", "cycle.openapi.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
            Assert.That(outcome.OutLines, Is.EqualTo(new[]
            {
                "cycle.openapi.yaml(11,10): error OAL0010: $ref '#/components/responses/A' cannot be resolved: it closes a cycle of references: #/components/responses/A → #/components/responses/B → #/components/responses/A",
                "1 error, 0 warnings, 0 infos in 1 file (ruleset recommended)",
            }));
        });
    }

    [Test]
    public void TeamFile_AboveTheDocument_IsUsedWhenNoRulesetIsNamed()
    {
        _folder.Copy("team-ruleset.json", RulesetTeamFile);
        _folder.Copy("petstore.openapi.yaml", "api/v1/petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "api");

        Assert.That(outcome.OutLines, Has.Some.EqualTo("api/v1/petstore.openapi.yaml(51,11): info OAL0004: DELETE /orders/{id} 204 response declares a body (application/json); .openapi-lint.json forbids a body on 204"));
    }

    [Test]
    public void CleanDocument_ExitsZero()
    {
        _folder.Copy("clean.openapi.json");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-r", "minimal-codes");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(0, "0 errors, 0 warnings, 0 infos in 1 file (ruleset minimal-codes)\n", "")));
    }

    [TestCase(new string[0], 0)]
    [TestCase(new[] { "--fail-on", "error" }, 0)]
    [TestCase(new[] { "--fail-on", "warning" }, 1)]
    [TestCase(new[] { "--fail-on", "info" }, 1)]
    [TestCase(new[] { "--fail-on", "WARNING" }, 1)]
    public void FailOn_DecidesWhetherAWarningFails(string[] options, int exitCode)
    {
        _folder.Copy("warning.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, ["lint", "warning.openapi.yaml", .. options]);

        Assert.That(outcome.ExitCode, Is.EqualTo(exitCode), outcome.ToString());
    }

    [Test]
    public void FailOn_Never_ExitsZeroDespiteErrors()
    {
        _folder.Copy("petstore.openapi.yaml");

        Assert.That(InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "--fail-on", "never").ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void Quiet_PrintsOnlyTheFindings()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-r", "minimal-codes", "--quiet");

        Assert.That(outcome.OutLines, Is.EqualTo(SampleUnderMinimalCodes[..^1]));
    }

    [TestCase("lint", "--format", "xml", "a.yaml", ExpectedResult = "openapi-lint: error: unknown format 'xml': use text, json, sarif, junit, github, html (see 'dotnet openapi-lint lint --help')")]
    [TestCase("lint", "", ExpectedResult = "openapi-lint: error: an empty path was given; name a file, a folder or a glob")]
    [TestCase("lint", "a.yaml", "--fail-on", "fatal", ExpectedResult = "openapi-lint: error: unknown severity 'fatal': use error, warning, info, never (see 'dotnet openapi-lint lint --help')")]
    [TestCase("lint", ExpectedResult = "openapi-lint: error: name at least one document, folder or glob, or a project with --project")]
    [TestCase("lint", "a.yaml", "--frmat", "json", ExpectedResult = "openapi-lint: error: unknown option '--frmat' (see 'dotnet openapi-lint lint --help')")]
    [TestCase(ExpectedResult = "openapi-lint: error: no command given: use lint, rulesets, rules, explain or init (see 'dotnet openapi-lint --help')")]
    [TestCase("check", ExpectedResult = "openapi-lint: error: Unrecognized command or argument 'check'. (see 'dotnet openapi-lint --help')")]
    [TestCase("explain", "OAL9999", ExpectedResult = "openapi-lint: error: unknown rule 'OAL9999': see 'dotnet openapi-lint rules'")]
    public string UsageErrors_ExitTwoWithOneLineOnStderr(params string[] args)
    {
        var outcome = InProcess.Run(_folder.Path, args);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Out, Is.Empty);
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1));
        });
        return outcome.ErrorLines[0];
    }

    [TestCase("missing.yaml", null, "missing.yaml: error OAL9001: file not found")]
    [TestCase("malformed.json", "malformed.json", "malformed.json(8,1): error OAL9001: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    [TestCase("package.json", "package.json", "package.json(1,1): error OAL9001: not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level")]
    public void BadDocument_ExitsTwoWithOneLineNamingFileAndPosition(string argument, string? fixture, string expected)
    {
        if (fixture is not null)
        {
            _folder.Copy(fixture);
        }

        var outcome = InProcess.Run(_folder.Path, "lint", argument);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { expected }));
            Assert.That(outcome.OutLines, Is.EqualTo(new[] { "0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); 1 file could not be linted" }));
        });
    }

    [Test]
    public void BrokenRuleset_IsReportedOnceWithPositionEvenForManyDocuments()
    {
        _folder.Copy("broken-ruleset.json");
        _folder.Copy("petstore.openapi.yaml");
        _folder.Copy("clean.openapi.json");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "clean.openapi.json", "--ruleset", "broken-ruleset.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "broken-ruleset.json(6,14): error OAL9002: Value \"fatal\" is not defined in enum at 'rules.OAL0001'" }));
        });
    }

    [Test]
    public void UnknownRulesetName_ExitsTwo()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-r", "strictest");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "strictest: error OAL9002: unknown ruleset 'strictest': not a file, and not a built-in (conditional-requests, http-semantics, minimal-codes, platform-of-trust, recommended)" }));
        });
    }

    [Test]
    public void OneBadFileAmongGoodOnes_LintsTheOthersAndExitsTwo()
    {
        _folder.Copy("petstore.openapi.yaml");
        _folder.Copy("malformed.json");
        _folder.Copy("warning.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "malformed.json", "warning.openapi.yaml", "-r", "minimal-codes", "--no-why");
        string[] expected =
        [
            .. SampleUnderMinimalCodesNoWhy[..^1],
            "warning.openapi.yaml(7,9): warning OAL0005: GET /ping 200 response declares no body; minimal-codes expects a body on 200",
            "4 errors, 1 warning, 0 infos in 3 files (ruleset minimal-codes); 1 file could not be linted",
        ];

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1).And.Some.StartWith("malformed.json(8,1): error OAL9001: invalid JSON"));
            Assert.That(outcome.OutLines, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Folder_LintsEveryOpenApiDocumentBelowIt_SkippingBuildOutputDependenciesAndOtherJson()
    {
        _folder.Copy("petstore.openapi.yaml", "api/orders/petstore.openapi.yaml");
        _folder.Copy("warning.openapi.yaml", "api/ping.yml");
        _folder.Copy("package.json", "api/package.json");
        _folder.Copy("legacy.openapi.yaml", "api/bin/Debug/legacy.openapi.yaml");
        _folder.Copy("legacy.openapi.yaml", "api/obj/legacy.json");
        _folder.Copy("legacy.openapi.yaml", "api/node_modules/lib/openapi.yaml");
        _folder.Write("api/.github/workflows/ci.yml", "on: push\njobs: {}\n");
        _folder.Write("api/readme.md", "openapi: 3.0.0\n");

        var outcome = InProcess.Run(_folder.Path, "lint", "api", "-r", "minimal-codes", "--format", "json");
        var files = JObject.Parse(outcome.Out)["files"]!.Select(file => (string?)file["file"]);

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EqualTo(new[] { "api/orders/petstore.openapi.yaml", "api/ping.yml" }));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void Folder_KeepsABrokenDocumentThatLooksLikeOpenApi()
    {
        _folder.Copy("malformed.json", "api/malformed.json");

        var outcome = InProcess.Run(_folder.Path, "lint", "api");

        Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "api/malformed.json(8,1): error OAL9001: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed" }));
    }

    [Test]
    public void Folder_WithoutDocuments_ExitsTwo()
    {
        _folder.Copy("package.json", "web/package.json");

        var outcome = InProcess.Run(_folder.Path, "lint", "web");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "web: error OAL9001: no OpenAPI document (JSON or YAML) in this folder" }));
        });
    }

    [Test]
    public void Globs_MatchAcrossFoldersAndSkipNonOpenApiFiles()
    {
        _folder.Copy("petstore.openapi.yaml", "specs/a/petstore.openapi.yaml");
        _folder.Copy("warning.openapi.yaml", "specs/b/c/warning.yaml");
        _folder.Copy("clean.openapi.json", "specs/clean.json");
        _folder.Write("specs/b/docker-compose.yaml", "services: {}\n");

        var outcome = InProcess.Run(_folder.Path, "lint", "specs/**/*.yaml", "specs/*.json", "-f", "json");
        var files = JObject.Parse(outcome.Out)["files"]!.Select(file => (string?)file["file"]);

        Assert.That(files, Is.EqualTo(new[] { "specs/a/petstore.openapi.yaml", "specs/b/c/warning.yaml", "specs/clean.json" }));
    }

    [Test]
    public void Glob_MatchingNothing_ExitsTwo()
    {
        var outcome = InProcess.Run(_folder.Path, "lint", "specs/*.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "specs/*.yaml: error OAL9001: no file matches this pattern" }));
        });
    }

    [Test]
    public void SameFileNamedTwice_IsLintedOnce()
    {
        _folder.Copy("petstore.openapi.yaml", "specs/petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "specs", "specs/petstore.openapi.yaml", "./specs/*.yaml", "-r", "minimal-codes");

        Assert.That(outcome.OutLines[^1], Is.EqualTo("4 errors, 0 warnings, 0 infos in 1 file (ruleset minimal-codes)"));
    }

    [Test]
    public void ManyDocuments_AreLintedInParallelWithDeterministicSortedOutput()
    {
        for (var i = 0; i < 30; i++)
        {
            _folder.Copy(i % 2 == 0 ? "petstore.openapi.yaml" : "legacy.openapi.yaml", $"specs/{i:D2}.yaml");
        }

        var first = InProcess.Run(_folder.Path, "lint", "specs", "-r", "minimal-codes", "--no-why");
        var second = InProcess.Run(_folder.Path, "lint", "specs", "-r", "minimal-codes", "--no-why");
        var files = first.OutLines[..^1].Select(line => line[..line.IndexOf('(', StringComparison.Ordinal)]).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(first.Out, Is.EqualTo(second.Out));
            Assert.That(files, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(first.OutLines[^1], Is.EqualTo("105 errors, 0 warnings, 0 infos in 30 files (ruleset minimal-codes)"));
        });
    }

    [Test]
    public void Progress_AppearsOnATerminalForManyFilesOnly()
    {
        for (var i = 0; i < LintCommand.ProgressThreshold; i++)
        {
            _folder.Copy("clean.openapi.json", $"specs/{i:D2}.json");
        }

        var onTerminal = InProcess.Run(_folder.Path, new Dictionary<string, string>(), terminal: true, "lint", "specs");
        var redirected = InProcess.Run(_folder.Path, "lint", "specs");
        var quiet = InProcess.Run(_folder.Path, new Dictionary<string, string>(), terminal: true, "lint", "specs", "-q");

        Assert.Multiple(() =>
        {
            Assert.That(onTerminal.Error, Does.Contain($"Linting {LintCommand.ProgressThreshold}/{LintCommand.ProgressThreshold} files"));
            Assert.That(onTerminal.Error, Does.EndWith("\r"), "the progress line is erased");
            Assert.That(redirected.Error, Is.Empty);
            Assert.That(quiet.Error, Is.Empty);
        });
    }

    [Test]
    public void Colors_OnlyOnATerminal_AndNeverWithNoColor()
    {
        _folder.Copy("petstore.openapi.yaml");
        var none = new Dictionary<string, string>();

        var terminal = InProcess.Run(_folder.Path, none, terminal: true, "lint", "petstore.openapi.yaml");
        var noColorEnvironment = InProcess.Run(_folder.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, terminal: true, "lint", "petstore.openapi.yaml");
        var noColorOption = InProcess.Run(_folder.Path, none, terminal: true, "lint", "petstore.openapi.yaml", "--no-color");
        var redirected = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(terminal.Out, Does.Contain("\u001b[1;31merror OAL0003\u001b[0m"));
            Assert.That(noColorEnvironment.Out, Does.Not.Contain("\u001b"));
            Assert.That(noColorOption.Out, Does.Not.Contain("\u001b"));
            Assert.That(redirected.Out, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void Output_WritesTheWholeReportCreatingParentFolders()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-r", "minimal-codes", "-o", "reports/lint/result.txt");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(File.ReadAllLines(_folder["reports/lint/result.txt"]), Is.EqualTo(SampleUnderMinimalCodes));
            Assert.That(outcome.OutLines, Is.EqualTo(new[] { "4 errors, 0 warnings, 0 infos in 1 file (ruleset minimal-codes); text report written to reports/lint/result.txt" }));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "petstore.openapi.yaml", "reports/lint/result.txt" }), "no temporary file is left");
        });
    }

    [Test]
    public void Output_ReplacesAnOlderReport()
    {
        _folder.Copy("clean.openapi.json");
        _folder.Write("report.json", "old");

        InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-f", "json", "-o", "report.json");

        Assert.That((int)JObject.Parse(File.ReadAllText(_folder["report.json"]))["summary"]!["fileCount"]!, Is.EqualTo(1));
    }

    [Test]
    public void Output_ToAFolder_FailsWithoutTouchingAnything()
    {
        _folder.Copy("clean.openapi.json");
        Directory.CreateDirectory(_folder["reports"]);

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-o", "reports");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "openapi-lint: error: cannot write the report to 'reports': it is a folder" }));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "clean.openapi.json" }));
        });
    }

    [Test]
    public void Output_WhenTheFolderCannotBeCreated_FailsWithOneLineAndChangesNothing()
    {
        _folder.Copy("clean.openapi.json");
        _folder.Write("notes.txt", "the user's own file");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-o", "notes.txt/report.txt");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1).And.Some.StartsWith("openapi-lint: error: cannot write the report to 'notes.txt/report.txt': "));
            Assert.That(File.ReadAllText(_folder["notes.txt"]), Is.EqualTo("the user's own file"));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "clean.openapi.json", "notes.txt" }));
        });
    }

    [Test]
    public void Output_WhenTheTemplateIsBroken_KeepsTheUsersFileAndLeavesNothingBehind()
    {
        _folder.Copy("clean.openapi.json");
        _folder.Write("out/report.html", "the user's own file");
        _folder.Write("team.scriban", "<ul>\n{{ for doc in documents }}\n<li>{{ doc.file }}</li>\n");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-f", "html", "--template", "team.scriban", "-o", "out/report.html");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "team.scriban(3,19): error OAL9005: Error while parsing for statement: The <end> statement was not found in: for <variable> in <expression> ... end\n")));
            Assert.That(File.ReadAllText(_folder["out/report.html"]), Is.EqualTo("the user's own file"));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "clean.openapi.json", "out/report.html", "team.scriban" }));
        });
    }

    [Test]
    public void Html_WritesOneSelfContainedPage()
    {
        _folder.Copy("clean.openapi.json");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "--format", "html");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
            Assert.That(outcome.Out, Does.StartWith("<!DOCTYPE html>").IgnoreCase);
            Assert.That(outcome.Out, Does.Contain("clean.openapi.json"));
            Assert.That(outcome.Out, Does.Not.Match("(src|href)=\"(https?:)?//"), "a self-contained page fetches nothing");
        });
    }

    [Test]
    public void Html_WithATeamTemplate_RendersThatTemplate()
    {
        _folder.Copy("clean.openapi.json");
        _folder.Write("team.scriban", "<p>{{ for doc in documents }}{{ doc.file }} {{ end }}</p>");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "--format", "html", "--template", "team.scriban");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(0, "<p>clean.openapi.json </p>", "")));
    }

    [Test]
    public void Html_WithATemplateThatFailsInALoop_ExitsWith2AndWritesNothing()
    {
        _folder.Copy("clean.openapi.json");
        _folder.Write("team.scriban", "<ul>\n{{ for doc in documents }}\n  <li>{{ doc.file | string.shout }}</li>\n{{ end }}</ul>");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-f", "html", "--template", "team.scriban", "-o", "report.html");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "team.scriban(3,21): error OAL9005: The function `string.shout` was not found\n")));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "clean.openapi.json", "team.scriban" }));
        });
    }

    [Test]
    public void Html_WithATemplateThatFailsAfterMegabytes_KeepsTheLastGoodReportAndLeavesNothingBehind()
    {
        // The report streams into a temporary file as it renders: megabytes are on their way to disk when this fails.
        _folder.Copy("clean.openapi.json");
        _folder.Write("out/report.html", "the last good report");
        _folder.Write("team.scriban", "{{ for i in 1..100000 }}<p>{{ tool.name }} {{ i }}</p>\n{{ end }}\n{{ tool.name | string.shout }}");

        var outcome = InProcess.Run(_folder.Path, "lint", "clean.openapi.json", "-f", "html", "--template", "team.scriban", "-o", "out/report.html");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "team.scriban(3,16): error OAL9005: The function `string.shout` was not found\n")));
            Assert.That(File.ReadAllText(_folder["out/report.html"]), Is.EqualTo("the last good report"));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "clean.openapi.json", "out/report.html", "team.scriban" }));
        });
    }

    [Test]
    public void Template_IsPassedToTheReportAsAFullPath()
    {
        var request = new LintRequest(["a.yaml"], null, "html", null, "error", Quiet: false, NoColor: false, Template: "templates/report");
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, _folder.Path, true, true, _ => null);

        var options = LintCommand.ReportOptionsFor(request, console);

        Assert.That(options.TemplatePath, Is.EqualTo(_folder["templates/report"]));
    }

    private const string RulesetTeamFile = ".openapi-lint.json";

    private const string ProductsDocument = """
        openapi: 3.0.3
        info: { title: Products, version: '1' }
        paths:
          /api/Products/{id}:
            delete:
              responses:
                '404': { description: Not found }
        """;

    [Test]
    public void Override_PathsMatchRoutesWhateverTheirCase_AndAnOverrideThatMatchesNothingIsAWarningAtItsPosition()
    {
        _folder.Write("products.openapi.yaml", ProductsDocument);
        _folder.Write(".openapi-lint.json", """
            {
              "name": "products-team",
              "extends": "minimal-codes",
              "overrides": [
                { "paths": ["/api/products/**"], "ruleset": { "methods": { "delete": { "addAllowed": ["404"] } } } },
                { "paths": ["/api/legacy/**"], "methods": ["get"], "ruleset": { "rules": { "OAL0001": "off" } } }
              ]
            }
            """);

        var outcome = InProcess.Run(_folder.Path, "lint", "products.openapi.yaml");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(
            0,
            "0 errors, 0 warnings, 0 infos in 1 file (ruleset products-team)\n",
            ".openapi-lint.json(6,5): warning: override { paths: [/api/legacy/**], methods: [get] } of products-team matches no operation of the linted documents\n")));
    }

    [Test]
    public void Each_finding_has_a_note_with_the_severity_and_the_sentence_of_its_own_requirement()
    {
        // 303 and 401 are requirements of one rule (OAL0003) at different severities ('may': info, 'must': error).
        _folder.Write("api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /old:
                get:
                  responses:
                    '303': { description: See other }
                    '401': { description: Unauthorized }
            """);

        var outcome = InProcess.Run(_folder.Path, "lint", "api.yaml", "-r", "http-semantics", "--quiet");
        var withWhy = InProcess.Run(_folder.Path, "lint", "api.yaml", "-r", "http-semantics", "--quiet", "--why");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.OutLines, Is.EqualTo(new[]
            {
                "api.yaml(7,9): info OAL0003: GET /old 303 response does not declare the Location header; http-semantics requires Location on 303",
                "    = note: info from “REST specific HTTP status codes”: \"Instead, the client may send a get request to the value of the location header.\" (‘may’: info) The 303 body is not forbidden: the guideline only says the response is sent \"instead of sending a potentially unwanted response body\".",
                "api.yaml(8,9): error OAL0003: GET /old 401 response does not declare the WWW-Authenticate header; http-semantics requires WWW-Authenticate on 401",
                "    = note: error from “REST specific HTTP status codes”: \"The response must include a www-authenticate header field containing a challenge applicable to the requested resource.\" (‘must’: error)",
            }));
            Assert.That(withWhy.OutLines, Is.EqualTo(outcome.OutLines), "--why, which asked for the note before, still works");
        });
    }

    [Test]
    public void A_method_the_ruleset_does_not_list_quotes_the_every_other_method_sentence()
    {
        _folder.Write("api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                patch:
                  responses:
                    '201': { description: Created }
            """);

        var outcome = InProcess.Run(_folder.Path, "lint", "api.yaml", "-r", "platform-of-trust", "--quiet");

        Assert.That(outcome.OutLines, Is.EqualTo(new[]
        {
            "api.yaml(7,9): error OAL0001: PATCH /orders declares 201; platform-of-trust allows PATCH: 204, 400, 401, 403, 404, 500, 503",
            "    = note: error from “Platform of Trust: Response codes used”: \"Platform of Trust APIs use the following HTTP codes in responses.\" The list is 200, 201, 204, 304, 400, 401, 403, 404, 500, 503; only 200 (\"successful response for GET, PUT and POST.\") and 201 (\"a new resource instance was successfully created with POST method.\") are tied to methods. The list is about every response of the API, so PATCH, OPTIONS and TRACE, which the guideline never names, are bound by it too. Reading taken: they get what is tied to no method, as DELETE does: 204 (\"the request was successfully processed, but no content was returned.\") and the error codes; 400, 401, 403, 404 (\"These status codes represent that the client has raised a faulty request.\") and 500, 503 (\"Possibly needed in some special case. Should never happen.\") are tied to no method, so every method may declare them. 201 stays POST-only (\"a new resource instance was successfully created with POST method.\"), 200 is named for GET, PUT and POST only, and 304 is about a cached response, which only a retrieval (GET, HEAD) has.",
        }));
    }

    [Test]
    public void No_why_prints_one_line_per_finding()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-r", "minimal-codes", "--no-why");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.OutLines, Is.EqualTo(SampleUnderMinimalCodesNoWhy));
            Assert.That(outcome.OutLines, Has.Length.EqualTo(5), "four findings and the summary");
        });
    }
}
