using System.Text.Json;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Guidelines;

/// <summary>
/// Every sentence is cited by the ruleset file that wrote it, through <c>extends</c> and overrides (a team file with
/// its own title does not take the built-in's sentences for its own), and a severity a team file sets without a
/// sentence is said with where it was set, never with an inherited sentence that states another severity.
/// </summary>
[TestFixture]
public sealed class SentenceAttributionTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /pets:
            get:
              responses:
                '200': { description: OK, content: { application/json: { schema: { type: object } } } }
                '418': { description: Teapot }
            post:
              responses:
                '201': { description: Created, content: { application/json: { schema: { type: object } } } }
                '418': { description: Teapot }
          /legacy:
            delete:
              responses:
                '204': { description: Gone }
                '418': { description: Teapot }
        """;

    /// <summary>Extends minimal-codes, sets its own title, and writes its own sentence for GET only.</summary>
    private const string TitledTeam = """
        {
          "title": "Team API rules",
          "extends": ["minimal-codes"],
          "methods": { "get": { "rationale": "Team: GET keeps the guideline's table." } },
          "overrides": [ { "paths": ["/legacy"], "ruleset": { "methods": { "delete": { "rationale": "Team: legacy DELETE keeps the table too." } } } } ]
        }
        """;

    /// <summary>Lowers OAL0001 with no sentence of its own.</summary>
    private const string LoweringTeam = """
        { "title": "Team API rules", "extends": ["minimal-codes"], "rules": { "OAL0001": "info" } }
        """;

    private static LintReport Report(string team)
    {
        var document = Lint.Load(Document);
        var ruleset = Lint.Ruleset(team);
        var result = LintResult.Of(document.FilePath, document, ruleset, new Linter().Findings(document, ruleset).Where(d => d.RuleId == "OAL0001").ToArray());
        return new LintReport([result], "openapi-lint", "1.0.0-test", "/work", DateTimeOffset.UnixEpoch);
    }

    private static string Render(string team, string format)
    {
        using var writer = new StringWriter();
        ReportFormatters.Create(format)!.Write(Report(team), writer);
        return writer.ToString();
    }

    private static string Sentence(string method) => Lint.BuiltIn("minimal-codes").ForMethod(method)!.Rationale!;

    private static string[] Notes(string text) =>
        text.Split('\n').Where(line => line.StartsWith("    = note: ", StringComparison.Ordinal)).Select(line => line.TrimEnd('\r')).ToArray();

    [Test]
    public void Text_notes_cite_the_file_that_wrote_each_sentence()
    {
        var rule = Lint.BuiltIn("minimal-codes").Rules["OAL0001"].Rationale;

        Assert.That(Notes(Render(TitledTeam, "text")), Is.EqualTo(new[]
        {
            "    = note: error (rules.OAL0001) from “Team API rules”: Team: GET keeps the guideline's table.",
            $"    = note: rules.OAL0001 from “HTTP Status Response Codes”: {rule}",
            $"    = note: error (rules.OAL0001) from “HTTP Status Response Codes”: {Sentence("post")}",
            $"    = note: rules.OAL0001: {rule}",
            "    = note: error (rules.OAL0001) from “Team API rules”: Team: legacy DELETE keeps the table too.",
            $"    = note: rules.OAL0001 from “HTTP Status Response Codes”: {rule}",
        }));
    }

    [Test]
    public void Json_guideline_is_the_sentence_s_file_not_the_ruleset_s_title()
    {
        using var json = JsonDocument.Parse(Render(TitledTeam, "json"));

        var rows = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("method").GetString()} {d.GetProperty("guideline").GetString()} | {(d.TryGetProperty("guidelineSource", out var source) ? source.GetString() : "-")}")
            .ToArray();

        Assert.That(rows, Is.EqualTo(new[]
        {
            "get Team API rules | -",
            "post HTTP Status Response Codes | “HTTP Status Response Codes”",
            "delete Team API rules | -",
        }));
    }

    [Test]
    public void Sarif_and_report_cite_the_sentence_s_file()
    {
        using var sarif = JsonDocument.Parse(Render(TitledTeam, "sarif"));
        var sarifRows = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("properties").GetProperty("method").GetString()} {r.GetProperty("properties").GetProperty("guideline").GetString()}")
            .ToArray();
        var reportRows = ReportViewModelBuilder.Build(Report(TitledTeam)).Documents
            .SelectMany(document => document.FindingsByRule).SelectMany(group => group.Findings)
            .Select(f => $"{f.Operation!.Split(' ')[0]} {f.Guideline}")
            .ToArray();

        Assert.That(sarifRows, Is.EqualTo(new[] { "get Team API rules", "post HTTP Status Response Codes", "delete Team API rules" }));
        // The report cites the file's source where it has one (as the document header shows a ruleset's), else its title.
        Assert.That(reportRows, Is.EquivalentTo(new[] { "GET Team API rules", "POST “HTTP Status Response Codes”", "DELETE Team API rules" }));
    }

    [Test]
    public void Sentences_remember_their_file_through_extends_and_overrides()
    {
        var team = Lint.Ruleset(TitledTeam);
        var legacy = team.ForOperation("/legacy", "delete");

        Assert.That(team.OriginOf(team.ForMethod("get")!.Rationale), Is.EqualTo(new GuidelineOrigin("Team API rules", null)));
        Assert.That(team.OriginOf(team.ForMethod("post")!.Rationale), Is.EqualTo(new GuidelineOrigin("HTTP Status Response Codes", "“HTTP Status Response Codes”")));
        Assert.That(legacy.OriginOf(legacy.ForMethod("delete")!.Rationale), Is.EqualTo(new GuidelineOrigin("Team API rules", null)));
        Assert.That(team.OriginOf(team.ForMethod("delete")!.Rationale), Is.EqualTo(new GuidelineOrigin("HTTP Status Response Codes", "“HTTP Status Response Codes”")), "outside the override, the built-in's");
    }

    [Test]
    public void A_severity_lowered_without_a_sentence_names_its_file_and_quotes_no_other_severity()
    {
        Assert.That(Notes(Render(LoweringTeam, "text")), Is.EqualTo(new[]
        {
            $"    = note: info (rules.OAL0001 in “Team API rules”) from “HTTP Status Response Codes”: {Sentence("get")}",
            $"    = note: info (rules.OAL0001 in “Team API rules”) from “HTTP Status Response Codes”: {Sentence("post")}",
            $"    = note: info (rules.OAL0001 in “Team API rules”) from “HTTP Status Response Codes”: {Sentence("delete")}",
        }));
        Assert.That(Render(LoweringTeam, "text"), Does.Not.Contain("fails the build"));
    }

    [Test]
    public void Json_of_a_lowered_severity_has_where_it_was_set_and_no_inherited_severity_sentence()
    {
        using var json = JsonDocument.Parse(Render(LoweringTeam, "json"));

        var first = json.RootElement.GetProperty("diagnostics")[0];

        Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("info"));
        Assert.That(first.GetProperty("severityFrom").GetString(), Is.EqualTo("rules.OAL0001 in “Team API rules”"));
        Assert.That(first.GetProperty("rationale").GetString(), Is.EqualTo(Sentence("get")));
        Assert.That(first.GetProperty("guideline").GetString(), Is.EqualTo("HTTP Status Response Codes"));
        Assert.That(first.TryGetProperty("severityRationale", out _), Is.False, "the built-in's sentence for its error is not quoted");
    }

    [Test]
    public void A_lowered_severity_with_the_team_s_own_sentence_quotes_that_sentence()
    {
        const string team = """
            { "title": "Team API rules", "extends": ["minimal-codes"], "rules": { "OAL0001": { "severity": "warning", "rationale": "Team: legacy codes are tolerated for now." } } }
            """;

        Assert.That(Notes(Render(team, "text"))[..2], Is.EqualTo(new[]
        {
            $"    = note: warning (rules.OAL0001) from “HTTP Status Response Codes”: {Sentence("get")}",
            "    = note: rules.OAL0001 from “Team API rules”: Team: legacy codes are tolerated for now.",
        }));
    }

    [Test]
    public void A_rule_without_a_requirement_sentence_lowered_by_a_team_says_only_where_it_was_set()
    {
        // OAL0002 (required code missing) quotes the method policy; a file with no method sentences and a rule
        // sentence inherited from the built-in shows the severity's file alone.
        var ruleset = Lint.Ruleset("""
            { "title": "Base", "methods": { "delete": { "required": ["200"] } }, "rules": { "OAL0002": { "severity": "error", "rationale": "Base: a missing 200 fails the build (error)." } } }
            """, "/virtual/base.json");
        var document = Lint.Load(Document);
        var lowered = ruleset.Apply(new RulesetPatch { Title = "Team API rules", Rules = new Dictionary<string, RuleSettingPatch> { ["OAL0002"] = new(Diagnostics.Severity.Info, null) } });

        var diagnostics = new Linter().Lint(document, lowered).Where(d => d.RuleId == "OAL0002").ToArray();

        Assert.That(diagnostics.Select(d => $"{d.Severity} {d.SeverityFrom} {d.Rationale ?? "-"} {d.SeverityRationale ?? "-"}"), Is.EqualTo(new[] { "Info rules.OAL0002 in “Team API rules” - -" }));
    }

    [Test]
    public void A_code_severity_set_without_a_sentence_names_its_file_and_quotes_no_other_severity()
    {
        // minimal-codes: a PUT 200 without content is a warning, its sentence says so ("‘should’: warning").
        var document = Lint.Load("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /pets:
                put:
                  responses:
                    '200': { description: OK }
            """);
        string[] NotesWith(string team)
        {
            var ruleset = Lint.Ruleset(team);
            var result = LintResult.Of(document.FilePath, document, ruleset, new Linter().Findings(document, ruleset).Where(d => d.RuleId == "OAL0005").ToArray());
            using var writer = new StringWriter();
            ReportFormatters.Create("text")!.Write(new LintReport([result], "openapi-lint", "1.0.0-test", "/work", DateTimeOffset.UnixEpoch), writer);
            return Notes(writer.ToString());
        }

        var inherited = Lint.BuiltIn("minimal-codes").ForCode("200")!.Rationale;

        Assert.That(NotesWith("""{ "title": "Team API rules", "extends": ["minimal-codes"], "codes": { "200": { "severity": "info" } } }"""), Is.EqualTo(new[]
        {
            "    = note: info (codes.200 in “Team API rules”)",
        }));
        Assert.That(NotesWith("""{ "title": "Team API rules", "extends": ["minimal-codes"], "codes": { "200": { "severity": "info", "rationale": "Team: content is optional here." } } }"""), Is.EqualTo(new[]
        {
            "    = note: info from “Team API rules”: Team: content is optional here.",
        }));
        Assert.That(NotesWith("""{ "title": "Team API rules", "extends": ["minimal-codes"] }"""), Is.EqualTo(new[]
        {
            $"    = note: warning from “HTTP Status Response Codes”: {inherited}",
        }));
    }

    private static string[] NotesOf(string documentText, string ruleId, string team)
    {
        var document = Lint.Load(documentText);
        var ruleset = Lint.Ruleset(team);
        var result = LintResult.Of(document.FilePath, document, ruleset, new Linter().Findings(document, ruleset).Where(d => d.RuleId == ruleId).ToArray());
        using var writer = new StringWriter();
        ReportFormatters.Create("text")!.Write(new LintReport([result], "openapi-lint", "1.0.0-test", "/work", DateTimeOffset.UnixEpoch), writer);
        return Notes(writer.ToString());
    }

    [Test]
    public void A_header_severity_set_without_a_sentence_names_its_entry_and_file_and_quotes_no_other_severity()
    {
        // conditional-requests: a POST 201 without Location is an error, its sentence says so ("‘will’: error").
        const string post = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /pets:
                post:
                  responses:
                    '201': { description: Created }
            """;
        var inherited = Lint.BuiltIn("conditional-requests").ForCode("201")!.OfResponseHeader("Location").Rationale;

        Assert.That(NotesOf(post, "OAL0003", """{ "title": "Team API rules", "extends": ["conditional-requests"], "codes": { "201": { "responseHeaders": [{ "name": "Location", "severity": "info" }] } } }"""), Is.EqualTo(new[]
        {
            "    = note: info (codes.201.responseHeaders.Location in “Team API rules”)",
        }));
        Assert.That(NotesOf(post, "OAL0003", """{ "title": "Team API rules", "extends": ["conditional-requests"], "codes": { "201": { "responseHeaders": [{ "name": "Location", "severity": "info", "rationale": "Team: Location is optional here." }] } } }"""), Is.EqualTo(new[]
        {
            "    = note: info from “Team API rules”: Team: Location is optional here.",
        }));
        Assert.That(NotesOf(post, "OAL0003", """{ "title": "Team API rules", "extends": ["conditional-requests"] }"""), Is.EqualTo(new[]
        {
            $"    = note: error from “{Lint.BuiltIn("conditional-requests").Title}”: {inherited}",
        }));
    }

    [Test]
    public void A_body_severity_set_without_a_sentence_names_its_entry_and_file_and_quotes_no_other_severity()
    {
        // minimal-codes: a PUT 200 without content is a warning, its sentence says so ("‘should’: warning").
        const string put = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /pets:
                put:
                  responses:
                    '200': { description: OK }
            """;

        Assert.That(NotesOf(put, "OAL0005", """{ "title": "Team API rules", "extends": ["minimal-codes"], "codes": { "200": { "body": { "requirement": "expected", "severity": "info" } } } }"""), Is.EqualTo(new[]
        {
            "    = note: info (codes.200.body in “Team API rules”)",
        }));
        Assert.That(NotesOf(put, "OAL0005", """{ "title": "Team API rules", "extends": ["minimal-codes"], "codes": { "200": { "body": { "requirement": "expected", "severity": "info", "rationale": "Team: content is optional here." } } } }"""), Is.EqualTo(new[]
        {
            "    = note: info from “Team API rules”: Team: content is optional here.",
        }));
    }
}
