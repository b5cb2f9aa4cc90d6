using System.Text.Json;
using Json.Schema;
using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests;

/// <summary>
/// Adopting the tool on a legacy API: a document with dozens of findings is baselined once, then only new findings
/// are reported, fixed ones are reported as gone, and edits that do not change what a finding is about (reformatting,
/// reordering, YAML↔JSON) keep matching. A broken baseline is bad input.
/// </summary>
[TestFixture]
public sealed class BaselineTests
{
    private const string Legacy = "adoption/legacy-api.openapi.yaml";
    private const string BaselineFile = "openapi-lint.baseline.json";
    private const int LegacyFindings = 61;

    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    // One line per finding: these tests count and compare findings, not their notes.
    private CliOutcome Lint(params string[] args) => InProcess.Run(_folder.Path, ["lint", "--no-why", .. args]);

    private void WriteBaseline()
    {
        var written = Lint("api", "--write-baseline", BaselineFile);
        Assert.That(written.ExitCode, Is.EqualTo(0), written.ToString());
    }

    [Test]
    public void Legacy_document_is_clean_once_baselined()
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");

        var before = Lint("api");
        var written = Lint("api", "--write-baseline", BaselineFile);
        var after = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(before.ExitCode, Is.EqualTo(1));
            Assert.That(before.OutLines, Has.Length.EqualTo(LegacyFindings + 1));
            Assert.That(before.OutLines[^1], Is.EqualTo("50 errors, 11 warnings, 0 infos in 1 file (ruleset recommended)"));

            Assert.That(written.ExitCode, Is.EqualTo(0), written.ToString());
            Assert.That(written.OutLines, Is.EqualTo(new[]
            {
                $"baseline written to {BaselineFile}: {LegacyFindings} findings",
                $"0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings} known to the baseline",
            }));

            Assert.That(after.ExitCode, Is.EqualTo(0), after.ToString());
            Assert.That(after.OutLines, Is.EqualTo(new[]
            {
                $"baseline {BaselineFile}: {LegacyFindings} known findings matched, 0 new findings, 0 entries no longer found",
                $"0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings} known to the baseline",
            }));
        });
    }

    [Test]
    public void Baseline_file_is_sorted_one_entry_per_line_relative_and_counts_shared_fingerprints()
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");

        WriteBaseline();
        var lines = File.ReadAllLines(_folder[BaselineFile]);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0..4], Is.EqualTo(new[]
            {
                "{",
                "  \"$schema\": \"https://raw.githubusercontent.com/openapilint/openapilint/main/docs/baseline.schema.json\",",
                "  \"version\": 1,",
                "  \"findings\": [",
            }));
            Assert.That(lines[^2..], Is.EqualTo(new[] { "  ]", "}" }));
            // 61 findings, two of which share a fingerprint (two $refs to the same missing schema in one response).
            Assert.That(lines.Length, Is.EqualTo(4 + 60 + 2));
            Assert.That(lines, Does.Contain("    { \"document\": \"api/legacy-api.openapi.yaml\", \"rule\": \"OAL0010\", \"method\": \"get\", \"path\": \"/orders\", \"status\": \"200\", \"subject\": \"#/components/schemas/Missing\", \"count\": 2 },"));
            Assert.That(lines, Does.Contain("    { \"document\": \"api/legacy-api.openapi.yaml\", \"rule\": \"OAL0003\", \"method\": \"post\", \"path\": \"/carts\", \"status\": \"201\", \"subject\": \"Location\" },"));
            Assert.That(lines[4], Does.StartWith("    { \"document\": \"api/legacy-api.openapi.yaml\", \"rule\": \"OAL0005\", \"method\": \"get\", \"path\": \"/carts\", \"status\": \"200\" }"));
        });
    }

    [Test]
    public void Written_baseline_validates_against_its_schema()
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "baseline.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 });
        bool IsValid(string json)
        {
            using var document = JsonDocument.Parse(json);
            return schema.Evaluate(document.RootElement).IsValid;
        }

        Assert.Multiple(() =>
        {
            Assert.That(IsValid(File.ReadAllText(_folder[BaselineFile])), Is.True);
            Assert.That(IsValid(Fixtures.Text("team-ruleset.json")), Is.False, "the schema check can fail");
        });
    }

    [Test]
    public void A_new_bad_operation_is_the_only_finding_reported()
    {
        var document = _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();
        File.WriteAllText(document, File.ReadAllText(document).Replace("components:\n", """
              /refunds:
                post:
                  responses:
                    "201":
                      description: Refunded
                      content: { application/json: { schema: { type: object } } }
            components:

            """, StringComparison.Ordinal));

        var outcome = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
            Assert.That(outcome.OutLines, Is.EqualTo(new[]
            {
                $"baseline {BaselineFile}: {LegacyFindings} known findings matched, 1 new finding, 0 entries no longer found",
                "api/legacy-api.openapi.yaml(436,9): error OAL0003: POST /refunds 201 response does not declare the Location header; recommended requires Location on 201",
                $"1 error, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings} known to the baseline",
            }));
        });
    }

    [Test]
    public void A_fixed_finding_is_reported_as_gone_and_dropped_when_the_baseline_is_written_again()
    {
        var document = _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();
        // DELETE /orders/{id} 204 no longer declares a body.
        var text = File.ReadAllText(document);
        var at = text.IndexOf("description: Deleted\n          content:\n            application/json:\n              schema: { type: object }\n", StringComparison.Ordinal);
        File.WriteAllText(document, text[..at] + "description: Deleted\n" + text[(at + "description: Deleted\n          content:\n            application/json:\n              schema: { type: object }\n".Length)..]);

        var gone = Lint("api", "--baseline", BaselineFile);
        var rewritten = Lint("api", "--baseline", BaselineFile, "--write-baseline", BaselineFile);
        var again = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(gone.ExitCode, Is.EqualTo(0), gone.ToString());
            Assert.That(gone.OutLines, Is.EqualTo(new[]
            {
                $"baseline {BaselineFile}: {LegacyFindings - 1} known findings matched, 0 new findings, 1 entry no longer found (--write-baseline drops them)",
                "api/legacy-api.openapi.yaml: fixed, no longer found: OAL0004 DELETE /orders/{id} 204",
                $"0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings - 1} known to the baseline, 1 no longer found",
            }));
            Assert.That(rewritten.OutLines[0], Is.EqualTo($"baseline written to {BaselineFile}: {LegacyFindings - 1} findings; 1 entry that no longer occur dropped"));
            Assert.That(File.ReadAllText(_folder[BaselineFile]), Does.Not.Contain("\"rule\": \"OAL0004\", \"method\": \"delete\", \"path\": \"/orders/{id}\""));
            Assert.That(again.OutLines[0], Is.EqualTo($"baseline {BaselineFile}: {LegacyFindings - 1} known findings matched, 0 new findings, 0 entries no longer found"));
        });
    }

    [Test]
    public void Findings_sharing_a_fingerprint_are_counted_not_merged()
    {
        var document = _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();
        var third = File.ReadAllText(document).Replace(
            "                  next: { $ref: \"#/components/schemas/Missing\" }\n",
            "                  next: { $ref: \"#/components/schemas/Missing\" }\n                  prev: { $ref: \"#/components/schemas/Missing\" }\n",
            StringComparison.Ordinal);
        File.WriteAllText(document, third);

        var outcome = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.ToString());
            Assert.That(outcome.OutLines[0], Is.EqualTo($"baseline {BaselineFile}: {LegacyFindings} known findings matched, 1 new finding, 0 entries no longer found"));
            Assert.That(outcome.OutLines[1], Does.StartWith("api/legacy-api.openapi.yaml(19,27): error OAL0010: $ref '#/components/schemas/Missing'"));
        });
    }

    [TestCase("adoption/legacy-api.reformatted.yaml", "api/legacy-api.openapi.yaml", TestName = "Reformatted_and_reordered_YAML_stays_clean")]
    [TestCase("adoption/legacy-api.openapi.json", "api/legacy-api.openapi.json", TestName = "Converted_to_reordered_JSON_stays_clean")]
    public void Edits_that_keep_what_findings_are_about_keep_matching(string edited, string target)
    {
        var document = _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();
        File.Delete(document);
        _folder.Copy(edited, target);

        var outcome = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
            Assert.That(outcome.OutLines, Is.EqualTo(new[]
            {
                $"baseline {BaselineFile}: {LegacyFindings} known findings matched, 0 new findings, 0 entries no longer found",
                $"0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings} known to the baseline",
            }));
        });
    }

    [Test]
    public void Baseline_works_from_another_folder_and_on_another_machine()
    {
        _folder.Copy(Legacy, "repo/api/legacy-api.openapi.yaml");
        var written = InProcess.Run(_folder["repo"], "lint", "api", "--write-baseline", "config/baseline.json");
        Assert.That(written.ExitCode, Is.EqualTo(0), written.ToString());
        Directory.Move(_folder["repo"], _folder["moved"]);

        var fromElsewhere = InProcess.Run(_folder.Path, "lint", "moved/api", "--baseline", "moved/config/baseline.json");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(_folder["moved/config/baseline.json"]), Does.Contain("\"document\": \"../api/legacy-api.openapi.yaml\""));
            Assert.That(fromElsewhere.ExitCode, Is.EqualTo(0), fromElsewhere.ToString());
            Assert.That(fromElsewhere.OutLines[^1], Is.EqualTo($"0 errors, 0 warnings, 0 infos in 1 file (ruleset recommended); {LegacyFindings} known to the baseline"));
        });
    }

    [Test]
    public void Entries_of_documents_not_linted_now_are_kept_and_not_reported_gone()
    {
        _folder.Copy(Legacy, "api/v1/legacy-api.openapi.yaml");
        _folder.Copy(Legacy, "api/v2/legacy-api.openapi.yaml");
        var both = Lint("api", "--write-baseline", BaselineFile);

        var one = Lint("api/v1", "--baseline", BaselineFile, "--write-baseline", BaselineFile);
        var entries = File.ReadAllLines(_folder[BaselineFile]);

        Assert.Multiple(() =>
        {
            Assert.That(both.OutLines[0], Is.EqualTo($"baseline written to {BaselineFile}: {2 * LegacyFindings} findings"));
            Assert.That(one.OutLines[0], Is.EqualTo($"baseline written to {BaselineFile}: {2 * LegacyFindings} findings"));
            Assert.That(entries.Count(line => line.Contains("\"api/v2/legacy-api.openapi.yaml\"", StringComparison.Ordinal)), Is.EqualTo(60));
        });
    }

    [Test]
    public void Json_and_sarif_show_baselined_findings_and_states()
    {
        var document = _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        WriteBaseline();
        var text = File.ReadAllText(document)
            .Replace("      operationId: create-orders\n", "      operationId: create-orders\n      x-openapi-lint-ignore: { OAL0003: \"clients follow the body's self link\" }\n", StringComparison.Ordinal)
            .Replace("  /orders/{id}:\n", "  /orders/{id}:\n    put:\n      responses:\n        \"201\": { description: Created }\n", StringComparison.Ordinal);
        // GET /orders/{id} (the first 304 of the document) no longer declares 304.
        var first304 = text.IndexOf("        \"304\":\n          description: Not modified\n", StringComparison.Ordinal);
        File.WriteAllText(document, text.Remove(first304, "        \"304\":\n          description: Not modified\n".Length));

        var json = JObject.Parse(Lint("api", "--baseline", BaselineFile, "--format", "json").Out);
        var sarifOutcome = Lint("api", "--baseline", BaselineFile, "--format", "sarif");
        var sarif = JObject.Parse(sarifOutcome.Out);
        var results = sarif["runs"]![0]!["results"]!.Children<JObject>().ToArray();
        string States(string fingerprint) => string.Join(" ", results
            .Where(result => (string?)result["partialFingerprints"]!["openApiLint/v1"] == fingerprint)
            .Select(result => $"{result["baselineState"]}/{result["suppressions"]?[0]?["kind"]}/{result["suppressions"]?[0]?["justification"]}"));

        Assert.Multiple(() =>
        {
            Assert.That((int)json["summary"]!["errorCount"]!, Is.EqualTo(1), "PUT /orders/{id} 201 lacks Location: the one new finding");
            Assert.That((int)json["summary"]!["baselinedCount"]!, Is.EqualTo(LegacyFindings - 2));
            Assert.That((int)json["summary"]!["suppressedCount"]!, Is.EqualTo(1));
            Assert.That((int)json["baseline"]!["matchedCount"]!, Is.EqualTo(LegacyFindings - 2));
            Assert.That(json["baseline"]!["absent"]!.Select(entry => (string?)entry["fingerprint"]), Is.EqualTo(new[]
            {
                "OAL0003 POST /orders 201 Location",
                "OAL0006 GET /orders/{id} 304 If-None-Match, If-Modified-Since",
            }));
            Assert.That(json["diagnostics"]!.Where(d => d["suppressed"]!.Type != JTokenType.Null).Select(d => (string?)d["suppressed"]!["kind"]).Distinct(), Is.EquivalentTo(new[] { "inSource", "baseline" }));

            Assert.That(States("OAL0003 PUT /orders/{id} 201 Location"), Is.EqualTo("new//"));
            Assert.That(States("OAL0003 POST /orders 201 Location"), Is.EqualTo("new/inSource/clients follow the body's self link absent//"));
            Assert.That(States("OAL0004 DELETE /orders/{id} 204"), Is.EqualTo("unchanged/external/"));
            Assert.That(States("OAL0006 GET /orders/{id} 304 If-None-Match, If-Modified-Since"), Is.EqualTo("absent//"));
            Assert.That(FormatterTests.ValidateSarif(sarifOutcome.Out), Is.Empty);
        });
    }

    [TestCase("{\n  \"version\": 1,\n  \"findings\": [\n    { \"document\": \"a.yaml\", \"rule\": \"OAL0001\" },\n", "(5,1): error OAL9006: invalid JSON", TestName = "Truncated_baseline_is_an_error_at_its_end")]
    [TestCase("{ \"extends\": \"minimal-codes\" }", "(1,1): error OAL9006: not a baseline: expected a JSON object with \"version\" and \"findings\" (write one with --write-baseline)", TestName = "Foreign_json_is_not_a_baseline")]
    [TestCase("{ \"version\": 1, \"findings\": [\n  { \"document\": \"a.yaml\", \"rule\": \"OAL0001\" },\n  { \"document\": \"a.yaml\", \"method\": \"get\" }\n] }", "(3,3): error OAL9006: a baseline entry needs \"rule\"", TestName = "Entry_without_a_rule_is_an_error_at_the_entry")]
    [TestCase("{ \"version\": 1, \"findings\": [\n  { \"document\": \"a.yaml\", \"rule\": \"OAL0001\", \"count\": 0 }\n] }", "(2,46): error OAL9006: \"count\" must be a whole number of at least 1", TestName = "Bad_count_is_an_error_at_the_count")]
    [TestCase("{ \"version\": 7, \"findings\": [] }", "(1,3): error OAL9006: unsupported baseline version 7; this tool reads version 1", TestName = "Other_version_is_refused")]
    [TestCase("", ": error OAL9006: not a baseline: the file is empty", TestName = "Empty_file_is_not_a_baseline")]
    public void Broken_baseline_is_one_error_with_its_position_and_exit_code_2(string content, string expected)
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        _folder.Write(BaselineFile, content);

        var outcome = Lint("api", "--baseline", BaselineFile);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(outcome.ErrorLines[0], Does.StartWith(BaselineFile + expected));
            Assert.That(outcome.Out, Is.Empty);
        });
    }

    [Test]
    public void Missing_baseline_is_an_error()
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");

        var outcome = Lint("api", "--baseline", "nope.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Is.EqualTo(new[] { "nope.json: error OAL9006: baseline file not found" }));
        });
    }

    [Test]
    public void Write_baseline_never_overwrites_a_file_it_cannot_read_nor_leaves_half_a_file()
    {
        _folder.Copy(Legacy, "api/legacy-api.openapi.yaml");
        _folder.Write(BaselineFile, "{ \"not\": \"mine\" }");
        Directory.CreateDirectory(_folder["folder.json"]);

        var overBroken = Lint("api", "--write-baseline", BaselineFile);
        var intoFolder = Lint("api", "--write-baseline", "folder.json");

        Assert.Multiple(() =>
        {
            Assert.That(overBroken.ExitCode, Is.EqualTo(2));
            Assert.That(overBroken.ErrorLines[0], Does.StartWith($"{BaselineFile}(1,1): error OAL9006: not a baseline"));
            Assert.That(File.ReadAllText(_folder[BaselineFile]), Is.EqualTo("{ \"not\": \"mine\" }"));
            Assert.That(intoFolder.ExitCode, Is.EqualTo(2));
            Assert.That(intoFolder.ErrorLines, Is.EqualTo(new[] { "openapi-lint: error: cannot write the baseline to 'folder.json': it is a folder" }));
            Assert.That(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        });
    }

    private static string RepositoryRoot()
    {
        for (var folder = TestContext.CurrentContext.TestDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "docs", "baseline.schema.json")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("the repository root was not found");
    }
}
