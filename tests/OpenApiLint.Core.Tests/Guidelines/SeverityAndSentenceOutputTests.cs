using System.Text.Json;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Guidelines;

/// <summary>
/// Every output carries, for every finding, the severity that applied and the sentence it came from: per-requirement
/// severities of one rule (http-semantics' 303 Location ‘may’ at info, 401 WWW-Authenticate ‘must’ at error) and the
/// <c>"*"</c> policy of a method the ruleset does not list (platform-of-trust's PATCH).
/// </summary>
[TestFixture]
public sealed class SeverityAndSentenceOutputTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /old:
            get:
              responses:
                '303': { description: See other }
                '401': { description: Unauthorized }
            patch:
              responses:
                '201': { description: Created }
        """;

    private static LintReport Report()
    {
        var document = Lint.Load(Document);
        var results = new[] { "http-semantics", "platform-of-trust" }
            .Select(name => LintResult.Of(document.FilePath, document, Lint.BuiltIn(name), new Linter().Findings(document, Lint.BuiltIn(name))))
            .ToArray();
        return new LintReport(results, "openapi-lint", "1.0.0-test", "/work", DateTimeOffset.UnixEpoch);
    }

    private static string Render(string format)
    {
        using var writer = new StringWriter();
        ReportFormatters.Create(format)!.Write(Report(), writer);
        return writer.ToString();
    }

    /// <summary>"rule METHOD status severity | guideline | the sentence's first 40 … last 25 characters" per finding.</summary>
    private static string Row(string rule, string? method, string? status, string severity, string? guideline, string? rationale) =>
        $"{rule} {method?.ToUpperInvariant()} {status} {severity} | {guideline} | {rationale?[..40]} … {rationale?[^25..]}";

    private static readonly string[] Expected =
    [
        "OAL0001 GET 303 error | Platform of Trust: Response codes used | \"Platform of Trust APIs use the followin … e them. 201 is POST-only.",
        "OAL0001 PATCH 201 error | Platform of Trust: Response codes used | \"Platform of Trust APIs use the followin … etrieval (GET, HEAD) has.",
        "OAL0003 GET 303 info | REST specific HTTP status codes | \"Instead, the client may send a get requ …  unwanted response body\".",
        "OAL0003 GET 401 error | REST specific HTTP status codes | \"The response must include a www-authent … esource.\" (‘must’: error)",
        "OAL0003 PATCH 201 info | REST specific HTTP status codes | \"The newly created resource can be refer … , so no body is required.",
        "OAL0005 GET 401 error | Platform of Trust: Response codes used | \"The reason of failure must also be spec …  they never carry a body.",
    ];

    [Test]
    public void Json_has_severity_rationale_and_guideline_for_every_finding()
    {
        using var json = JsonDocument.Parse(Render("json"));

        var rows = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => Row(
                d.GetProperty("ruleId").GetString()!,
                d.GetProperty("method").GetString(),
                d.GetProperty("statusCode").GetString(),
                d.GetProperty("severity").GetString()!,
                d.GetProperty("guideline").GetString(),
                d.GetProperty("rationale").GetString()))
            .ToArray();

        Assert.That(rows, Is.EquivalentTo(Expected));
    }

    [Test]
    public void Sarif_has_level_rationale_and_guideline_for_every_result()
    {
        using var sarif = JsonDocument.Parse(Render("sarif"));

        var rows = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => Row(
                r.GetProperty("ruleId").GetString()!,
                r.GetProperty("properties").GetProperty("method").GetString(),
                r.GetProperty("properties").GetProperty("statusCode").GetString(),
                r.GetProperty("level").GetString() switch { "note" => "info", var level => level! },
                r.GetProperty("properties").GetProperty("guideline").GetString(),
                r.GetProperty("properties").GetProperty("rationale").GetString()))
            .ToArray();

        Assert.That(rows, Is.EquivalentTo(Expected));
    }

    [Test]
    public void Report_view_model_has_severity_and_rationale_for_every_finding()
    {
        var model = ReportViewModelBuilder.Build(Report());

        // The report attributes the quote to the ruleset's source, as it shows it in the document's header.
        var rows = model.Documents.SelectMany(document => document.FindingsByRule).SelectMany(group => group.Findings)
            .Select(f => Row(f.RuleId, f.Operation?.Split(' ')[0], f.StatusCode, f.Severity, f.Guideline, f.Rationale))
            .ToArray();

        Assert.That(rows, Is.EquivalentTo(Expected.Select(row => row
            .Replace("REST specific HTTP status codes", "“Rest specific http status codes”", StringComparison.Ordinal)
            .Replace("Platform of Trust: Response codes used", "Platform of Trust, “Response codes used”", StringComparison.Ordinal))));
    }

    [Test]
    public void Text_notes_name_the_severity_the_guideline_and_the_sentence()
    {
        var lines = Render("text").Split('\n');

        // "file(l,c): severity RULE: METHOD /path status …" then "    = note: severity from “guideline”: sentence".
        var rows = lines.Zip(lines.Skip(1))
            .Where(pair => pair.Second.StartsWith("    = note: ", StringComparison.Ordinal) && !pair.First.StartsWith(' '))
            .Select(pair =>
            {
                var words = pair.First.Split(' ');
                var status = words.Skip(5).Select(word => word.TrimEnd(';')).First(word => word.Length == 3 && word.All(char.IsAsciiDigit));
                var note = pair.Second;
                var sentence = note[(note.IndexOf("”: ", StringComparison.Ordinal) + 3)..];
                return Row(words[2].TrimEnd(':'), words[3], status, note.Split(' ')[6], note[(note.IndexOf('“') + 1)..note.IndexOf('”')], sentence);
            })
            .ToArray();

        Assert.That(rows, Is.EquivalentTo(Expected));
    }
}
