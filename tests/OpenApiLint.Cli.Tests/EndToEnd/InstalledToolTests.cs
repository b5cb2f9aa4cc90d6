using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests.EndToEnd;

/// <summary>The packed and installed <c>dotnet-openapi-lint</c>, run as a process on fixture documents.</summary>
[TestFixture]
public sealed class InstalledToolTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Version_IsThePackedVersion()
    {
        var outcome = InstalledTool.Run(_folder.Path, "--version");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(0, InstalledTool.Version + "\n", "")));
    }

    [Test]
    public void Help_ShowsTheCommandsAndExamples()
    {
        var outcome = InstalledTool.Run(_folder.Path, "lint", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.Out, Does.Contain("dotnet-openapi-lint lint [<paths>...] [options]"));
            Assert.That(outcome.Out, Does.Contain("Examples:\n  dotnet openapi-lint lint openapi.yaml\n"));
        });
    }

    [Test]
    public void Lint_Sample_PrintsExactLinesWithPositionsAndExitsOne()
    {
        _folder.Copy("petstore.openapi.yaml", "specs/petstore.openapi.yaml");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "specs/petstore.openapi.yaml", "--ruleset", "minimal-codes");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
            // Each finding, then its notes: the severity that applied and the guideline sentence it came from.
            Assert.That(outcome.OutLines, Is.EqualTo(new[]
            {
                "specs/petstore.openapi.yaml(22,9): error OAL0001: POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500",
                "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The POST column has X at 201, 400, 401, 403 and 500 (not 200, not 404). POST: \"201 should be returned if the resource was created.\" and \"400 should be returned if the request is invalid, i.e. the resource already exists or contains invalid fields.\"",
                "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
                "specs/petstore.openapi.yaml(42,9): error OAL0001: GET /orders/{id} declares 304; minimal-codes allows GET: 200, 401, 403, 404, 500",
                "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The GET column has X at 200, 401, 403, 404 and 500. GET: \"200 should be returned on success. If a collection asked for is empty, 200 is still to be returned.\" and \"404 should be returned when a resource asked for is not found.\"",
                "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
                "specs/petstore.openapi.yaml(51,11): error OAL0004: DELETE /orders/{id} 204 response declares a body (application/json); minimal-codes forbids a body on 204",
                "    = note: error from “HTTP Status Response Codes”: The table gives 204 the meaning \"No Content\", and \"204 should be returned after a successful execution, as usually there is no need for content in the response.\" (200 is the code \"when there is a need for content in the response\"). Reading taken: ‘No Content’ says what a 204 is, so a 204 with a body is an error; the ‘should’ is about choosing 204, not about its body.",
                "specs/petstore.openapi.yaml(54,9): error OAL0001: DELETE /orders/{id} declares 404; minimal-codes allows DELETE: 200, 204, 401, 403, 500",
                "    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The DELETE column has X at 200, 204, 401, 403 and 500 (not 400, not 404). DELETE: \"200 can be returned after a successful execution, when there is a need for a content in the response.\" and \"204 should be returned after a successful execution\", also for a resource already deleted: \"204 should be returned, not 404, because clients usually do not care if a resource was previously deleted.\"",
                "    = note: rules.OAL0001: \"For each HTTP method, you should try to use only status codes marked with X in the following table.\" The table is this guideline's whole point, so a code outside it fails the build (error, the rule's default, as in every built-in); a team that must keep a legacy code adds it with methods.<method>.addAllowed or an override.",
                "4 errors, 0 warnings, 0 infos in 1 file (ruleset minimal-codes)",
            }));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void Lint_CleanDocument_ExitsZero()
    {
        _folder.Copy("clean.openapi.json");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "clean.openapi.json");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(0, "0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended)\n", "")));
    }

    [Test]
    public void Json_CarriesToolFilesSummaryAndDiagnosticFields()
    {
        _folder.Copy("petstore.openapi.yaml");
        _folder.Copy("warning.openapi.yaml");

        var outcome = InstalledTool.Run(_folder.Path, "lint", ".", "-r", "minimal-codes", "-f", "json");
        var json = JObject.Parse(outcome.Out);
        var first = json["diagnostics"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That((string?)json["tool"]!["version"], Is.EqualTo(InstalledTool.Version));
            Assert.That((string?)json["ruleset"]!["name"], Is.EqualTo("minimal-codes"));
            Assert.That(json["files"]!.Select(file => (string?)file["file"]), Is.EqualTo(new[] { "petstore.openapi.yaml", "warning.openapi.yaml" }));
            Assert.That((int)json["summary"]!["errorCount"]!, Is.EqualTo(4));
            Assert.That((int)json["summary"]!["warningCount"]!, Is.EqualTo(1));
            Assert.That(
                new[] { (string?)first["ruleId"], (string?)first["severity"], (string?)first["file"], (string?)first["pointer"], (string?)first["path"], (string?)first["method"], (string?)first["statusCode"] },
                Is.EqualTo(new[] { "OAL0001", "error", "petstore.openapi.yaml", "/paths/~1orders/post/responses/200", "/orders", "post", "200" }));
            Assert.That(new[] { (int)first["line"]!, (int)first["column"]!, (int)first["endLine"]!, (int)first["endColumn"]! }, Is.EqualTo(new[] { 22, 9, 22, 14 }));
        });
    }

    [Test]
    public void Sarif_WrittenToAFile_IsValidAgainstTheOfficialSchema()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-f", "sarif", "-o", "out/sarif/lint.sarif");
        var sarif = File.ReadAllText(_folder["out/sarif/lint.sarif"]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(outcome.OutLines, Is.EqualTo(new[] { "4 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); sarif report written to out/sarif/lint.sarif" }));
            Assert.That(FormatterTests.ValidateSarif(sarif), Is.Empty);
            Assert.That(JObject.Parse(sarif)["runs"]![0]!["results"]!.Count(), Is.EqualTo(4));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "out/sarif/lint.sarif", "petstore.openapi.yaml" }));
        });
    }

    [Test]
    public void JUnit_IsParseable()
    {
        _folder.Copy("petstore.openapi.yaml");
        _folder.Copy("clean.openapi.json");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "petstore.openapi.yaml", "clean.openapi.json", "-f", "junit");
        var xml = XDocument.Parse(outcome.Out);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(xml.Root!.Elements("testsuite").Select(suite => (string?)suite.Attribute("name")), Is.EqualTo(new[] { "clean.openapi.json", "petstore.openapi.yaml" }));
            Assert.That((int)xml.Root.Attribute("failures")!, Is.EqualTo(4));
            Assert.That((int)xml.Root.Attribute("tests")!, Is.EqualTo(5));
        });
    }

    [Test]
    public void GitHub_WritesWorkflowCommands()
    {
        _folder.Copy("warning.openapi.yaml");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "warning.openapi.yaml", "-f", "github", "--fail-on", "warning");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(
            1,
            "::warning file=warning.openapi.yaml,line=7,col=9,endLine=7,endColumn=14,title=OAL0005 response-body-missing::GET /ping 200 response declares no body; recommended expects a body on 200\n",
            "")));
    }

    [Test]
    public void Html_IsTheReportTheInProcessToolRenders()
    {
        // The native tool has no reflection-based serialization: the report's view model goes through generated metadata.
        _folder.Copy("petstore.openapi.yaml");

        var installed = InstalledTool.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-f", "html", "-o", "installed.html");
        var inProcess = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml", "-f", "html", "-o", "in-process.html");
        var html = WithoutRunDetails(File.ReadAllText(_folder["installed.html"]).Replace(InstalledTool.Version, CliApplication.Version, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(installed, Is.EqualTo(new CliOutcome(1, "4 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); html report written to installed.html\n", "")));
            Assert.That(inProcess.ExitCode, Is.EqualTo(1), inProcess.ToString());
            Assert.That(html, Does.StartWith("<!DOCTYPE html>").IgnoreCase.And.Contain("POST /orders 201 response does not declare the Location header"));
            Assert.That(html, Is.EqualTo(WithoutRunDetails(File.ReadAllText(_folder["in-process.html"]))));
        });
    }

    [Test]
    public void Package_OnLinuxX64_IsNativeCode()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("only the linux-x64 package is native; this platform installs a ReadyToRun or portable one");
        }

        // A pack that silently fell back to ReadyToRun (no linker, a property set in the environment) ships the managed
        // assembly and its runtime configuration beside a small launcher.
        var files = InstalledTool.PlatformPackageFiles();
        var executable = files.SingleOrDefault(file => Path.GetFileName(file) == "dotnet-openapi-lint");

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(Path.GetFileName), Has.None.EndsWith(".dll").And.None.EndsWith(".runtimeconfig.json"), string.Join("\n", files));
            Assert.That(executable, Is.Not.Null, string.Join("\n", files));
            Assert.That(executable is null ? [] : FirstBytes(executable, 4), Is.EqualTo("\u007fELF"u8.ToArray()), "the executable is not an ELF binary");
            Assert.That(Path.GetDirectoryName(executable), Does.EndWith(Path.DirectorySeparatorChar + "linux-x64"));
        });
    }

    [Test]
    public void Html_TeamTemplate_IsWhatTheInProcessToolRenders()
    {
        // A team's template reaches more of Scriban than the built-in one: functions imported by reflection, the
        // model's members enumerated, its lists sorted by member. The native tool must offer exactly the same.
        _folder.Copy("petstore.openapi.yaml");
        _folder.Copy("warning.openapi.yaml");
        _folder.Copy("malformed.json");
        _folder.Write("team/report.scriban", TeamTemplate);
        _folder.Write("team/team-document.scriban", TeamDocumentPartial);
        string[] args = ["lint", "petstore.openapi.yaml", "warning.openapi.yaml", "malformed.json", "-q", "-f", "html", "--template", "team"];

        var installed = InstalledTool.Run(_folder.Path, [.. args, "-o", "installed.html"]);
        var inProcess = InProcess.Run(_folder.Path, [.. args, "-o", "in-process.html"]);
        var expected = File.ReadAllText(_folder["in-process.html"]);

        Assert.Multiple(() =>
        {
            Assert.That(installed, Is.EqualTo(inProcess with { Out = inProcess.Out.Replace(CliApplication.Version, InstalledTool.Version, StringComparison.Ordinal) }));
            Assert.That(installed.ExitCode, Is.EqualTo(2), installed.ToString());
            Assert.That(expected, Does.Contain("<h1>OPENAPI-LINT Failed: 5 findings</h1>\n"));
            Assert.That(expected, Does.Contain("\nstring.index_of string.slice object.has_key date.parse timespan.zero: 2 tsto true 2026/01/02 00:00:00\n"));
            Assert.That(expected, Does.Contain("\n  OAL0003 response-header-missing error x2: 17:9 401 5 lines from 15; 27:9 201 5 lines from 25; \n"));
            Assert.That(File.ReadAllText(_folder["installed.html"]), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Html_TeamTemplateError_IsReportedAsInProcess()
    {
        // Scriban converts a function's arguments by their .NET types; its message must survive the native build.
        _folder.Copy("petstore.openapi.yaml");
        _folder.Write("team.scriban", "{{ for doc in documents }}{{ doc.file | string.slice \"one\" }}{{ end }}");
        string[] args = ["lint", "petstore.openapi.yaml", "-f", "html", "--template", "team.scriban", "-o", "report.html"];

        var installed = InstalledTool.Run(_folder.Path, args);
        var inProcess = InProcess.Run(_folder.Path, args);

        Assert.Multiple(() =>
        {
            Assert.That(installed, Is.EqualTo(new CliOutcome(2, "", "team.scriban(1,54): error OAL9005: Unable to convert type `string` to int\n")));
            Assert.That(inProcess, Is.EqualTo(installed));
            Assert.That(_folder.Files(), Is.EqualTo(new[] { "petstore.openapi.yaml", "team.scriban" }));
        });
    }

    [Test]
    public void Project_WithACodeOnlyTheCompilerComputes_IsLocatedInTheCSharp()
    {
        // (int)HttpStatusCode.NotFound needs the semantic model over the shared framework's assemblies, which a native tool
        // finds in the installed .NET rather than beside itself.
        _folder.Write("OrdersApi/OrdersApi.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        _folder.Write("OrdersApi/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapDelete("/orders/{id:int}", (int id) => TypedResults.NoContent()).Produces((int)System.Net.HttpStatusCode.NotFound);
            app.Run();
            """);
        _folder.Write("OrdersApi/obj/OrdersApi.json", """
            { "openapi": "3.0.1", "info": { "title": "OrdersApi", "version": "1.0" },
              "paths": { "/orders/{id}": { "delete": { "responses": { "204": { "description": "No Content" }, "404": { "description": "Not Found" } } } } } }
            """);

        var outcome = InstalledTool.Run(_folder.Path, "lint", "-p", "OrdersApi/OrdersApi.csproj", "-r", "minimal-codes", "--no-why");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(
            1,
            "OrdersApi/Program.cs(2,82): error OAL0001: DELETE /orders/{id} declares 404; minimal-codes allows DELETE: 200, 204, 401, 403, 500 (OrdersApi/obj/OrdersApi.json(2,99))\n"
            + "1 error, 0 warnings, 0 infos in 1 file (ruleset minimal-codes)\n",
            "")));
    }

    [Test]
    public void InitInfer_ThenLint_TheSameDocumentExitsZero()
    {
        _folder.Copy("legacy.openapi.yaml");

        var before = InstalledTool.Run(_folder.Path, "lint", "legacy.openapi.yaml", "-r", "minimal-codes");
        var init = InstalledTool.Run(_folder.Path, "init", "--extends", "minimal-codes", "--infer", "legacy.openapi.yaml", "--name", "legacy-team");
        var after = InstalledTool.Run(_folder.Path, "lint", "legacy.openapi.yaml");
        var again = InstalledTool.Run(_folder.Path, "init", "--extends", "minimal-codes");

        Assert.Multiple(() =>
        {
            Assert.That(before.ExitCode, Is.EqualTo(1));
            Assert.That(init.ExitCode, Is.EqualTo(0), init.ToString());
            Assert.That(after, Is.EqualTo(new CliOutcome(0, "0 errors, 0 warnings, 0 infos in 1 file (ruleset legacy-team)\n", "")));
            Assert.That(again, Is.EqualTo(new CliOutcome(2, "", "openapi-lint: error: .openapi-lint.json already exists; use --force to replace it\n")));
        });
    }

    [TestCase("missing.yaml", null, null, "missing.yaml: error OAL9001: file not found")]
    [TestCase("malformed.json", "malformed.json", null, "malformed.json(8,1): error OAL9001: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    [TestCase("package.json", "package.json", null, "package.json(1,1): error OAL9001: not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level")]
    [TestCase("petstore.openapi.yaml", "petstore.openapi.yaml", "broken-ruleset.json", "broken-ruleset.json(6,14): error OAL9002: Value \"fatal\" is not defined in enum at 'rules.OAL0001'")]
    public void BadInput_ExitsTwoWithOneLineAndNoStackTrace(string argument, string? fixture, string? ruleset, string expected)
    {
        if (fixture is not null)
        {
            _folder.Copy(fixture);
        }

        string[] args = ruleset is null ? ["lint", argument] : ["lint", argument, "--ruleset", _folder.Copy(ruleset)];
        var outcome = InstalledTool.Run(_folder.Path, args);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { expected }));
            Assert.That(outcome.Error + outcome.Out, Does.Not.Contain("   at ").And.Not.Contains("Exception"));
        });
    }

    [Test]
    public void OneBadFileAmongGoodOnes_LintsTheOthersAndExitsTwo()
    {
        _folder.Copy("petstore.openapi.yaml", "specs/a.yaml");
        _folder.Copy("malformed.json", "specs/b.json");
        _folder.Copy("warning.openapi.yaml", "specs/c.yaml");

        var outcome = InstalledTool.Run(_folder.Path, "lint", "specs", "--fail-on", "warning");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1).And.Some.StartsWith("specs/b.json(8,1): error OAL9001: invalid JSON"));
            Assert.That(outcome.OutLines.Count(line => line.StartsWith("specs/a.yaml(", StringComparison.Ordinal)), Is.EqualTo(4));
            Assert.That(outcome.OutLines, Has.Some.StartsWith("specs/c.yaml(7,9): warning OAL0005"));
            Assert.That(outcome.OutLines[^1], Is.EqualTo("4 errors, 1 warning, 0 infos in 3 files (ruleset recommended); 1 file could not be linted"));
        });
    }

    [Test]
    public void UsageError_ExitsTwoWithOneLine()
    {
        var outcome = InstalledTool.Run(_folder.Path, "lint", "a.yaml", "--format", "xml");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "openapi-lint: error: unknown format 'xml': use text, json, sarif, junit, github, html (see 'dotnet openapi-lint lint --help')\n")));
    }

    private const string TeamTemplate = """
        {{ func plural(n, word) }}{{ n }} {{ word }}{{ if n != 1 }}s{{ end }}{{ end ~}}
        <h1>{{ tool.name | string.upcase }} {{ summary.outcome | string.capitalize }}: {{ plural summary.findings "finding" }}</h1>
        {{ for severity in severities ~}}
        {{ severity.label | string.pad_right 9 }}|{{ severity.count | math.format "000" }}|{{ for.index }}{{ if for.last }} last{{ end }}
        {{ end ~}}
        array: {{ object.keys array | array.join "," }}
        date: {{ object.keys date | array.join "," }}
        html: {{ object.keys html | array.join "," }}
        math: {{ object.keys math | array.join "," }}
        object: {{ object.keys object | array.join "," }}
        regex: {{ object.keys regex | array.join "," }}
        string: {{ object.keys string | array.join "," }}
        timespan: {{ object.keys timespan | array.join "," }}
        string.index_of string.slice object.has_key date.parse timespan.zero: {{ "petstore" | string.index_of "t" }} {{ "petstore" | string.slice 2 4 }} {{ object.has_key { built_in: rulesets[0].isBuiltIn } "built_in" }} {{ date.parse "2026-01-02" | date.to_string "%Y/%m/%d" }} {{ timespan.zero }}
        rulesets: {{ rulesets | array.map "name" | array.join ", " }}; extends {{ rulesets[0].extends.size }}: {{ rulesets[0].extends | array.join "+" }}
        summary keys: {{ object.keys summary | array.sort | array.join "," }}
        types: {{ object.typeof summary }} {{ object.typeof documents }} {{ object.typeof summary.errors }} {{ object.typeof rulesets[0].isBuiltIn }} {{ object.typeof rulesets[0].file }}
        {{ for doc in (documents | array.sort "file") reversed ~}}
        {{ include 'team-document' }}
        {{ end ~}}
        {{ for error in loadErrors ~}}
        not linted: {{ error.code }} {{ error.location }} {{ error.message | string.truncate 30 }}
        {{ end ~}}
        {{ capture rows }}{{ for row in documents[0].matrix.rows limit:2 offset:1 }}[{{ row.method | string.downcase }} {{ row.path | string.replace "/" "\\" }}]{{ end }}{{ end ~}}
        rows: {{ rows }} {{ rows | string.size }} {{ (documents[0].matrix.rows | array.size) * 1.5 | math.round 1 }}
        codes: {{ documents[0].matrix.codes | array.map "key" | array.uniq | array.sort | array.join " " }}
        first cells: {{ for cell in documents[0].matrix.rows[0].cells }}{{ cell.code }}={{ cell.verdict }}{{ if cell.declared }}*{{ end }} {{ end }}
        matrix data: {{ matrix_data documents[0] | string.size > 10 }}
        regex: {{ documents[0].file | regex.replace "[aeiou]" "_" }} split: {{ (documents[0].file | string.split ".") | array.last }}
        numbers: {{ 3.14159 | math.format "0.00" }} {{ 1234567 | object.format "N0" }}
        not of the model: [{{ documents[0].file.length }}|{{ documents.count }}|{{ summary.getType }}]
        {{ raw "<hr>" }}{{ "<b>" }} {{ "javascript:alert(1)" }}
        """;

    private const string TeamDocumentPartial = """
        <section id="{{ doc.id }}">{{ doc.index }}. {{ doc.file }} {{ doc.specVersion }} {{ doc.format }} ({{ doc.title ?? "untitled" }}): {{ doc.errors }}E {{ doc.warnings }}W
        {{ for group in doc.findingsByRule ~}}
          {{ group.rule.id }} {{ group.rule.name }} {{ group.severity }} x{{ group.count }}: {{ for finding in group.findings }}{{ finding.line }}:{{ finding.column }} {{ finding.statusCode ?? "-" }} {{ finding.excerpt.size }} lines from {{ (finding.excerpt | array.first).number }}; {{ end }}
        {{ end ~}}
        {{ for group in doc.findingsByOperation }}{{ group.operation }}{{ if group.isDocument }} (doc){{ end }}; {{ end }}
        </section>
        """;

    private static byte[] FirstBytes(string file, int count)
    {
        using var stream = File.OpenRead(file);
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The run's time stamps, which differ between two runs.</summary>
    private static string WithoutRunDetails(string html) =>
        Regex.Replace(html, @"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d+)?Z| \d\d:\d\d UTC)", "(time)");
}
