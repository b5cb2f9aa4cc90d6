using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Suppressions;

/// <summary>
/// <c>x-openapi-lint-ignore</c> suppresses, it does not delete: the engine keeps the finding, marked with how it was
/// suppressed and the justification given, and only unsuppressed findings are reported.
/// </summary>
[TestFixture]
public sealed class KeptSuppressionTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            post:
              x-openapi-lint-ignore: { OAL0002: "400 is mapped by the gateway", OAL0005: "" }
              responses:
                '200':
                  description: OK
                  x-openapi-lint-ignore: { OAL0001: "kept for v1 clients" }
                '409':
                  description: Conflict
                  x-openapi-lint-ignore: [OAL0001]
                '201':
                  description: Created
        """;

    private const string RulesetJson = """
        { "extends": "minimal-codes", "methods": { "post": { "required": ["400"] } }, "codes": { "201": { "responseHeaders": ["Location"], "body": "any" } } }
        """;

    private static IReadOnlyList<Diagnostic> Findings(string document) =>
        new Linter().Findings(Lint.Load(document), Lint.Ruleset(RulesetJson));

    [Test]
    public void Suppressed_findings_are_kept_with_their_kind_and_justification()
    {
        var findings = Findings(Document);

        Assert.That(findings.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Fingerprint} | {d.Suppression?.Kind} {d.Suppression?.Justification}"), Is.EqualTo(new[]
        {
            "7:7 OAL0002 POST /orders 400 | InSource 400 is mapped by the gateway",
            "8:9 OAL0001 POST /orders 200 | InSource kept for v1 clients",
            "8:9 OAL0005 POST /orders 200 | InSource ",
            "11:9 OAL0001 POST /orders 409 | InSource ",
            "14:9 OAL0003 POST /orders 201 Location |  ",
        }));
    }

    [Test]
    public void Lint_reports_only_what_is_not_suppressed()
    {
        var reported = new Linter().Lint(Lint.Load(Document), Lint.Ruleset(RulesetJson));

        Assert.That(reported.Select(d => d.Fingerprint.ToString()), Is.EqualTo(new[] { "OAL0003 POST /orders 201 Location" }));
    }

    [Test]
    public void The_response_ignore_wins_over_the_operation_ignore()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  x-openapi-lint-ignore: { OAL0001: "operation reason" }
                  responses:
                    '200': { description: OK, x-openapi-lint-ignore: { OAL0001: "response reason" } }
                    '302': { description: Found }
            """;

        var findings = Findings(document).Where(d => d.RuleId == "OAL0001");

        Assert.That(findings.Select(d => $"{d.StatusCode} {d.Suppression?.Justification}"), Is.EqualTo(new[] { "200 response reason", "302 operation reason" }));
    }

    [Test]
    public void The_object_form_works_in_JSON_and_rule_ids_are_case_insensitive()
    {
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "paths": { "/orders": { "post": { "responses": {
                "200": { "description": "OK", "x-openapi-lint-ignore": { "oal0001": "kept for v1 clients" } }
              } } } }
            }
            """;

        var finding = new Linter().Findings(Lint.Load(document, "openapi.json"), Lint.BuiltIn("minimal-codes")).Single(d => d.RuleId == "OAL0001");

        Assert.That(finding.Suppression, Is.EqualTo(new Suppression(SuppressionKind.InSource, "kept for v1 clients")));
    }

    [Test]
    public void Runner_splits_reported_and_suppressed_and_counts_only_the_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Document);
        var ruleset = folder.Write("team.json", RulesetJson);

        var result = new LintRunner(new RulesetResolver(ruleset)).LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.RuleId), Is.EqualTo(new[] { "OAL0003" }));
            Assert.That(result.Suppressed.Select(d => d.RuleId), Is.EqualTo(new[] { "OAL0002", "OAL0001", "OAL0005", "OAL0001" }));
            Assert.That(result.Count(Severity.Error), Is.EqualTo(1));
            Assert.That(result.CountSuppressed(SuppressionKind.InSource), Is.EqualTo(4));
            Assert.That(result.AllFindings, Has.Count.EqualTo(5));
        });
    }
}
