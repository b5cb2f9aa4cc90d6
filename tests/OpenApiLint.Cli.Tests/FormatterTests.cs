using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Tests.Support;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Cli.Tests;

/// <summary>
/// Each format rendered from one real run: the bundled sample and a warning-only document linted against a team
/// ruleset that turns one rule down to info (so errors, warnings and infos all appear), plus a malformed document and a
/// missing one. Compared with golden files; the working folder and the timestamp are fixed or normalized.
/// </summary>
[TestFixture]
public sealed class FormatterTests
{
    private const string WorkingFolderUri = "file:///WORKDIR/";
    private static readonly DateTimeOffset Timestamp = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TempFolder _folder = null!;
    private LintReport _report = null!;

    [OneTimeSetUp]
    public void LintFixtures()
    {
        _folder = new TempFolder();
        var files = new[]
        {
            _folder.Copy("petstore.openapi.yaml", "specs/petstore.openapi.yaml"),
            _folder.Copy("warning.openapi.yaml", "specs/warning.openapi.yaml"),
            _folder.Copy("malformed.json", "specs/malformed.json"),
            _folder["specs/missing.yaml"],
        };
        var ruleset = _folder.Copy("team-ruleset.json");
        var results = new LintRunner(new RulesetResolver(ruleset, _folder.Path)).LintFiles(files);
        _report = new LintReport(results, "openapi-lint", "1.0.0-test", _folder.Path, Timestamp);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _folder.Dispose();

    [TestCase("text", "report.txt")]
    [TestCase("json", "report.json")]
    [TestCase("sarif", "report.sarif")]
    [TestCase("junit", "report.junit.xml")]
    [TestCase("github", "report.github.txt")]
    public void Format_MatchesGoldenFile(string format, string goldenFile)
    {
        Golden.AssertMatches(goldenFile, Render(format));
    }

    [Test]
    public void Text_ListsFindingsAndLoadErrorsInCanonicalFormSortedByFileAndPosition()
    {
        var lines = Render("text", new ReportOptions(IncludeRationale: false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "specs/malformed.json(8,1): error OAL9001: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed",
            "specs/missing.yaml: error OAL9001: file not found",
            "specs/petstore.openapi.yaml(22,9): error OAL0001: POST /orders declares 200; team-ruleset allows POST: 201, 400, 401, 403, 500",
            "specs/petstore.openapi.yaml(42,9): error OAL0001: GET /orders/{id} declares 304; team-ruleset allows GET: 200, 401, 403, 404, 500",
            "specs/petstore.openapi.yaml(51,11): info OAL0004: DELETE /orders/{id} 204 response declares a body (application/json); team-ruleset forbids a body on 204",
            "specs/petstore.openapi.yaml(54,9): error OAL0001: DELETE /orders/{id} declares 404; team-ruleset allows DELETE: 200, 204, 401, 403, 500",
            "specs/warning.openapi.yaml(7,9): warning OAL0005: GET /ping 200 response declares no body; team-ruleset expects a body on 200",
            "3 errors, 1 warning, 1 info in 4 files (ruleset team-ruleset); 2 files could not be linted",
        }));
    }

    [Test]
    public void Text_WithoutLoadErrorsOrSummary_PrintsOnlyFindings()
    {
        var text = Render("text", new ReportOptions(IncludeLoadErrors: false, IncludeSummary: false, IncludeRationale: false));

        Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5).And.All.Contains(" OAL00"));
    }

    [Test]
    public void Text_Color_PaintsSeveritiesAndSummaryOnlyWhenAsked()
    {
        var colored = Render("text", new ReportOptions(Color: true));
        var plain = Render("text");

        Assert.Multiple(() =>
        {
            Assert.That(colored, Does.Contain("specs/petstore.openapi.yaml(22,9): \u001b[1;31merror OAL0001\u001b[0m: POST /orders declares 200"));
            Assert.That(colored, Does.Contain("\u001b[33mwarning OAL0005\u001b[0m:"));
            Assert.That(colored, Does.Contain("\u001b[36minfo OAL0004\u001b[0m:"));
            Assert.That(plain, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void Json_CarriesTheDocumentedFields()
    {
        var json = JObject.Parse(Render("json"));
        var first = (JObject)json["diagnostics"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That((int)json["schemaVersion"]!, Is.EqualTo(1));
            Assert.That((string?)json["tool"]!["name"], Is.EqualTo("openapi-lint"));
            Assert.That((string?)json["tool"]!["version"], Is.EqualTo("1.0.0-test"));
            Assert.That((string?)json["ruleset"]!["name"], Is.EqualTo("team-ruleset"));
            Assert.That((string?)json["ruleset"]!["file"], Is.EqualTo("team-ruleset.json"));
            Assert.That(json["ruleset"]!["extends"]!.Values<string>(), Is.EqualTo(new[] { "minimal-codes" }));
            Assert.That(json["files"]!.Select(file => (string?)file["file"]), Is.EqualTo(new[]
            {
                "specs/malformed.json", "specs/missing.yaml", "specs/petstore.openapi.yaml", "specs/warning.openapi.yaml",
            }));
            Assert.That(json["files"]!.Select(file => (bool)file["linted"]!), Is.EqualTo(new[] { false, false, true, true }));
            Assert.That((int)json["summary"]!["errorCount"]!, Is.EqualTo(3));
            Assert.That((int)json["summary"]!["warningCount"]!, Is.EqualTo(1));
            Assert.That((int)json["summary"]!["infoCount"]!, Is.EqualTo(1));
            Assert.That((int)json["summary"]!["fileCount"]!, Is.EqualTo(4));
            Assert.That((int)json["summary"]!["loadErrorCount"]!, Is.EqualTo(2));
            Assert.That((string?)first["ruleId"], Is.EqualTo("OAL0001"));
            Assert.That((string?)first["severity"], Is.EqualTo("error"));
            Assert.That((string?)first["file"], Is.EqualTo("specs/petstore.openapi.yaml"));
            Assert.That((int)first["line"]!, Is.EqualTo(22));
            Assert.That((int)first["column"]!, Is.EqualTo(9));
            Assert.That((int)first["endLine"]!, Is.EqualTo(22));
            Assert.That((int)first["endColumn"]!, Is.GreaterThan(9));
            Assert.That((string?)first["pointer"], Is.EqualTo("/paths/~1orders/post/responses/200"));
            Assert.That((string?)first["path"], Is.EqualTo("/orders"));
            Assert.That((string?)first["method"], Is.EqualTo("post"));
            Assert.That((string?)first["statusCode"], Is.EqualTo("200"));
            Assert.That((string?)first["helpUri"], Does.EndWith("/docs/rules/OAL0001.md"));
            Assert.That((string?)json["loadErrors"]![1]!["file"], Is.EqualTo("specs/missing.yaml"));
            Assert.That((string?)json["loadErrors"]![1]!["code"], Is.EqualTo("OAL9001"));
            Assert.That(json["loadErrors"]![1]!["line"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [Test]
    public void Sarif_IsValidAgainstTheOfficialSchema()
    {
        var errors = ValidateSarif(Render("sarif"));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Sarif_SchemaCheckCatchesABrokenLog()
    {
        // The check above must be able to fail: the same log with a region starting at line 0 is not SARIF.
        var sarif = JObject.Parse(Render("sarif"));
        sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;

        Assert.That(ValidateSarif(sarif.ToString()), Is.Not.Empty);
    }

    [Test]
    public void Sarif_ResultsCarryRuleRegionAndRelativeUri()
    {
        var run = JObject.Parse(Render("sarif"))["runs"]![0]!;
        var result = run["results"]![0]!;
        var location = result["locations"]![0]!["physicalLocation"]!;
        var rules = run["tool"]!["driver"]!["rules"]!;

        Assert.Multiple(() =>
        {
            // The driver lists the rules the results refer to, in id order.
            Assert.That(rules.Select(rule => (string?)rule["id"]), Is.EqualTo(run["results"]!.Select(r => (string?)r["ruleId"]).Distinct().Order(StringComparer.Ordinal)));
            Assert.That(rules.All(rule => ((string?)rule["helpUri"])?.StartsWith("https://", StringComparison.Ordinal) == true && rule["help"]?["text"] is not null), Is.True);
            Assert.That((string?)result["ruleId"], Is.EqualTo("OAL0001"));
            Assert.That((string?)rules[(int)result["ruleIndex"]!]!["id"], Is.EqualTo("OAL0001"));
            Assert.That((string?)result["level"], Is.EqualTo("error"));
            Assert.That((string?)location["artifactLocation"]!["uri"], Is.EqualTo("specs/petstore.openapi.yaml"));
            Assert.That((string?)location["artifactLocation"]!["uriBaseId"], Is.EqualTo("%SRCROOT%"));
            Assert.That((int)location["region"]!["startLine"]!, Is.EqualTo(22));
            Assert.That((int)location["region"]!["startColumn"]!, Is.EqualTo(9));
            Assert.That((string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"], Is.EqualTo(WorkingFolderUri));
            Assert.That(run["results"]!.Select(r => (string?)r["level"]).Distinct(), Is.EquivalentTo(new[] { "error", "note", "warning" }));
            Assert.That((bool)run["invocations"]![0]!["executionSuccessful"]!, Is.False);
            Assert.That(run["invocations"]![0]!["toolExecutionNotifications"]!.Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void JUnit_IsWellFormedWithOneSuitePerFileAndFailuresForErrorsAndWarnings()
    {
        var xml = XDocument.Parse(Render("junit"));
        var suites = xml.Root!.Elements("testsuite").ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(xml.Root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(suites.Select(suite => (string?)suite.Attribute("name")), Is.EqualTo(new[]
            {
                "specs/malformed.json", "specs/missing.yaml", "specs/petstore.openapi.yaml", "specs/warning.openapi.yaml",
            }));
            Assert.That((int)xml.Root.Attribute("tests")!, Is.EqualTo(7));
            Assert.That((int)xml.Root.Attribute("failures")!, Is.EqualTo(4));
            Assert.That((int)xml.Root.Attribute("errors")!, Is.EqualTo(2));
            Assert.That(suites[2].Elements("testcase").Count(), Is.EqualTo(4));
            Assert.That(suites[2].Elements("testcase").Count(testCase => testCase.Element("failure") is not null), Is.EqualTo(3));
            Assert.That(suites[0].Element("testcase")!.Element("error")!.Value, Does.StartWith("specs/malformed.json(8,1): error OAL9001: invalid JSON"));
        });
    }

    [Test]
    public void GitHub_WritesOneWorkflowCommandPerFindingAndLoadError()
    {
        var lines = Render("github").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(7));
            Assert.That(lines, Has.Some.EqualTo("::error file=specs/missing.yaml,title=openapi-lint OAL9001%3A could not be linted::file not found"));
            Assert.That(lines, Has.Some.StartsWith("::error file=specs/petstore.openapi.yaml,line=22,col=9,endLine=22,endColumn="));
            Assert.That(lines, Has.Some.StartsWith("::warning file=specs/warning.openapi.yaml,line=7,col=9,"));
            Assert.That(lines, Has.Some.StartsWith("::notice file=specs/petstore.openapi.yaml,line=51,col=11,"));
        });
    }

    [TestCase("50% done\nnext", "50%25 done%0Anext")]
    [TestCase("a\r\nb", "a%0D%0Ab")]
    public void GitHub_EscapesMessages(string message, string escaped) =>
        Assert.That(GitHubFormatter.EscapeData(message), Is.EqualTo(escaped));

    [TestCase("a:b,c", "a%3Ab%2Cc")]
    [TestCase("specs/x y.yaml", "specs/x y.yaml")]
    public void GitHub_EscapesPropertyValues(string value, string escaped) =>
        Assert.That(GitHubFormatter.EscapeProperty(value), Is.EqualTo(escaped));

    [Test]
    public void Formats_AreDeterministic()
    {
        foreach (var format in new[] { "text", "json", "sarif", "junit", "github" })
        {
            var first = Render(format);
            var second = Render(format);
            Assert.That(second, Is.EqualTo(first), format);
        }
    }

    private string Render(string format, ReportOptions? options = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        ReportFormatters.Create(format, options)!.Write(_report, writer);
        var text = writer.ToString();
        return format == "sarif" ? text.Replace(FilePaths.FolderUri(_folder.Path), WorkingFolderUri, StringComparison.Ordinal) : text;
    }

    /// <summary>
    /// Validates against the official SARIF 2.1.0 schema (shipped in Schemas/), formats included. The schema is
    /// draft-04, which JsonSchema.Net reads as draft-07: it uses no keyword whose meaning changed between the two.
    /// </summary>
    internal static IList<string> ValidateSarif(string sarif)
    {
        var text = File.ReadAllText(Fixtures.SarifSchemaPath).Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 });
        using var document = JsonDocument.Parse(sarif);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : (results.Details ?? [results]).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
                .ToList();
    }
}
