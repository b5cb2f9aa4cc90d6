using System.Text;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

public sealed class ViewModelTests
{
    private static ReportViewModel Team() => ReportViewModelBuilder.Build(ReportFixtures.Team());

    private static DocumentView Orders() => Team().Documents[0];

    [Test]
    public void Team_report_view_model_matches_golden_json()
    {
        Golden.AssertMatches(ReportViewModelJson.Serialize(Team()), "team.viewmodel.json");
    }

    [Test]
    public void Summary_counts_the_run_and_states_its_outcome()
    {
        var model = Team();

        Assert.Multiple(() =>
        {
            Assert.That(model.Summary, Is.EqualTo(new SummaryView(3, 2, 8, 8, 5, 2, 1, 1, "failed", "5 errors, 2 warnings, 1 info, 1 file could not be linted") { Suppressed = 1 }));
            Assert.That(model.Severities.Select(severity => $"{severity.Id}:{severity.Label}:{severity.Count}"), Is.EqualTo(new[] { "error:Errors:5", "warning:Warnings:2", "info:Info:1" }));
            Assert.That(model.GeneratedAt, Is.EqualTo("2026-01-02T03:04:05Z"));
            Assert.That(model.GeneratedAtDisplay, Is.EqualTo("2026-01-02 03:04 UTC"));
            Assert.That(model.Tool, Is.EqualTo(new ToolView("openapi-lint", ReportFixtures.ToolVersion)));
        });
    }

    [Test]
    public void Ruleset_shows_what_it_extends_and_its_guideline()
    {
        var ruleset = Team().Rulesets.Single();

        Assert.Multiple(() =>
        {
            Assert.That(ruleset.Name, Is.EqualTo("orders-team"));
            Assert.That(ruleset.Title, Is.EqualTo("Orders team conventions"));
            Assert.That(ruleset.File, Is.EqualTo("team-ruleset.json"));
            Assert.That(ruleset.IsBuiltIn, Is.False);
            Assert.That(ruleset.Extends, Is.EqualTo(new[] { "minimal-codes" }));
            Assert.That(ruleset.Source, Is.EqualTo("“HTTP Status Response Codes”"));
            Assert.That(ruleset.Documents, Is.EqualTo(new[] { "orders.openapi.yaml", "inventory.openapi.json", "broken.openapi.yaml" }));
        });
    }

    [Test]
    public void Matrix_has_a_column_per_code_the_document_uses_and_per_required_code_it_lacks()
    {
        var matrix = Orders().Matrix;

        Assert.Multiple(() =>
        {
            Assert.That(matrix.Codes.Select(code => $"{code.Key}/{code.Family}/{code.Declared}"), Is.EqualTo(new[]
            {
                "200/2xx/4", "201/2xx/1", "204/2xx/1", "302/3xx/1", "400/4xx/0", "401/4xx/1", "404/4xx/2", "409/4xx/1", "default/default/1",
            }));
            Assert.That(matrix.Rows.Select(row => $"{row.Method} {row.Path}"), Is.EqualTo(new[]
            {
                "GET /orders", "POST /orders", "GET /orders/{id}", "DELETE /orders/{id}", "GET /legacy/orders",
            }));
            // minimal-codes's own override for DELETE (200 "can" be returned: info) applies to DELETE /orders/{id}.
            Assert.That(matrix.Rows.Select(row => row.Overridden), Is.EqualTo(new[] { false, false, false, true, true }));
        });
    }

    [TestCase("GET /orders", "200", true, "allowed", "", "allowed")]
    [TestCase("GET /orders", "401", true, "allowed", "", "allowed")]
    [TestCase("GET /orders", "404", false, "absent", "", "not declared")]
    [TestCase("POST /orders", "200", true, "violation", "error", "not allowed")]
    [TestCase("POST /orders", "201", true, "allowed", "", "allowed")]
    [TestCase("POST /orders", "400", false, "missing", "error", "required but missing")]
    [TestCase("POST /orders", "409", true, "allowed", "", "allowed")]
    [TestCase("GET /orders/{id}", "default", true, "violation", "warning", "not allowed")]
    [TestCase("DELETE /orders/{id}", "204", true, "violation", "error", "response breaks the ruleset")]
    [TestCase("DELETE /orders/{id}", "404", true, "violation", "error", "not allowed")]
    [TestCase("GET /legacy/orders", "302", true, "violation", "info", "not allowed")]
    public void Matrix_cell_shows_declaration_and_verdict(string operation, string code, bool declared, string verdict, string severity, string label)
    {
        var row = Orders().Matrix.Rows.Single(row => $"{row.Method} {row.Path}" == operation);
        var cell = row.Cells.Single(cell => cell.Code == code);

        Assert.That((cell.Declared, cell.Verdict, cell.Severity, cell.Label), Is.EqualTo((declared, verdict, severity, label)));
    }

    [Test]
    public void Matrix_cell_detail_explains_the_verdict()
    {
        var post = Orders().Matrix.Rows[1];

        Assert.Multiple(() =>
        {
            Assert.That(post.Cells.Single(cell => cell.Code == "200").Detail, Is.EqualTo(
                "POST /orders · 200: declared; OAL0001 error: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 409, 500"));
            Assert.That(post.Cells.Single(cell => cell.Code == "201").Detail, Is.EqualTo(
                "POST /orders · 201: declared; orders-team allows POST: 201, 400, 401, 403, 409, 500"));
            Assert.That(post.Cells.Single(cell => cell.Code == "400").Detail, Is.EqualTo(
                "POST /orders · 400: not declared; POST /orders does not declare 400; orders-team requires POST: 201, 400"));
        });
    }

    [Test]
    public void Code_against_the_ruleset_but_ignored_by_the_document_is_marked_suppressed()
    {
        // Changed by issue 12: the cells come from the engine's suppressed findings (with their justification), not
        // from rule logic of the report's own; a rule turned off has no findings, so it marks nothing.
        var report = Inline(
            """
            openapi: 3.0.3
            info: { title: Ignored, version: "1" }
            paths:
              /orders:
                post:
                  x-openapi-lint-ignore: { OAL0002: "400 is mapped by the gateway" }
                  responses:
                    "200":
                      description: Legacy success
                      x-openapi-lint-ignore: [OAL0001]
                      content: { application/json: { schema: { type: object } } }
                    "201":
                      description: Created
                      content: { application/json: { schema: { type: object } } }
            """,
            """{ "extends": "minimal-codes", "methods": { "post": { "required": ["400"] } } }""");

        var document = ReportViewModelBuilder.Build(report).Documents.Single();
        var cells = document.Matrix.Rows.Single().Cells;

        Assert.Multiple(() =>
        {
            Assert.That(cells.Select(cell => $"{cell.Code}:{cell.Verdict}"), Is.EqualTo(new[] { "200:suppressed", "201:allowed", "400:suppressed" }));
            Assert.That(cells[0].Detail, Is.EqualTo("POST /orders · 200: declared; OAL0001 error: POST /orders declares 200; team allows POST: 201, 400, 401, 403, 500, ignored in the document"));
            Assert.That(cells[2].Detail, Is.EqualTo("POST /orders · 400: not declared; OAL0002 error: POST /orders does not declare 400; team requires POST: 400, ignored in the document: 400 is mapped by the gateway"));
            Assert.That(cells.Select(cell => cell.Symbol), Is.EqualTo(new[] { "~", "✓", "~" }));
            Assert.That(document.Findings, Is.EqualTo(0));
            Assert.That(document.Suppressed, Is.EqualTo(2));
            Assert.That(document.SuppressedFindings.Select(f => $"{f.RuleId} {f.Suppression}: {f.Justification}"), Is.EqualTo(new[]
            {
                "OAL0002 ignored in the document: 400 is mapped by the gateway",
                "OAL0001 ignored in the document: ",
            }));
        });
    }

    [Test]
    public void Team_report_marks_the_code_the_document_ignores_with_its_justification()
    {
        var inventory = Team().Documents[1];
        var put = inventory.Matrix.Rows.Single(row => row.Method == "PUT");
        var cell = put.Cells.Single(c => c.Code == "409");

        Assert.Multiple(() =>
        {
            Assert.That($"{cell.Verdict} {cell.Symbol}", Is.EqualTo("suppressed ~"));
            Assert.That(cell.Detail, Is.EqualTo("PUT /items · 409: declared; OAL0001 error: PUT /items declares 409; orders-team allows PUT: 200, 204, 400, 401, 403, 404, 500, ignored in the document: kept for v1 clients"));
            Assert.That(put.Findings, Is.EqualTo(0), "a suppressed finding is not counted as a finding of the row");
            Assert.That(inventory.Findings, Is.EqualTo(1));
            Assert.That(inventory.Suppressed, Is.EqualTo(1));
            Assert.That(inventory.SuppressedFindings.Select(f => $"{f.Location} {f.RuleId} {f.Suppression}: {f.Justification}"), Is.EqualTo(new[]
            {
                "inventory.openapi.json:17:54 OAL0001 ignored in the document: kept for v1 clients",
            }));
            Assert.That(Team().Summary.Suppressed, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_rule_turned_off_marks_no_cell()
    {
        var report = Inline(
            """
            openapi: 3.0.3
            info: { title: Off, version: "1" }
            paths:
              /orders:
                post:
                  responses:
                    "201":
                      description: Created
                      content: { application/json: { schema: { type: object } } }
            """,
            """{ "extends": "minimal-codes", "methods": { "post": { "required": ["400"] } }, "rules": { "OAL0002": "off" } }""");

        var cells = ReportViewModelBuilder.Build(report).Documents.Single().Matrix.Rows.Single().Cells;

        Assert.That(cells.Select(cell => $"{cell.Code}:{cell.Verdict}"), Is.EqualTo(new[] { "201:allowed" }));
    }

    [Test]
    public void Findings_are_grouped_by_rule_and_by_operation_with_document_level_findings_first()
    {
        var orders = Orders();

        Assert.Multiple(() =>
        {
            Assert.That(orders.FindingsByRule.Select(group => $"{group.Rule.Id}:{group.Severity}:{group.Count}"), Is.EqualTo(new[]
            {
                "OAL0001:error:3", "OAL0002:error:1", "OAL0004:error:1", "OAL0009:warning:1", "OAL0010:error:1",
            }));
            Assert.That(orders.FindingsByOperation.Select(group => $"{group.Operation}:{group.Count}:{group.Id}"), Is.EqualTo(new[]
            {
                "Document:1:doc-1-document-findings",
                "POST /orders:2:doc-1-op-2-findings",
                "GET /orders/{id}:1:doc-1-op-3-findings",
                "DELETE /orders/{id}:2:doc-1-op-4-findings",
                "GET /legacy/orders:1:doc-1-op-5-findings",
            }));
            Assert.That(orders.Matrix.Rows.Select(row => row.FindingsAnchor), Is.EqualTo(new[]
            {
                null, "doc-1-op-2-findings", "doc-1-op-3-findings", "doc-1-op-4-findings", "doc-1-op-5-findings",
            }));
            Assert.That(orders.FindingsByOperation.SelectMany(group => group.Findings).Select(finding => finding.Id).Order(),
                Is.EqualTo(orders.FindingsByRule.SelectMany(group => group.Findings).Select(finding => finding.Id).Order()), "both groupings show every finding once");
        });
    }

    [Test]
    public void Finding_carries_message_rationale_guideline_and_a_marked_excerpt()
    {
        var finding = Orders().FindingsByRule[0].Findings[0];

        Assert.Multiple(() =>
        {
            Assert.That(finding.Id, Is.EqualTo("doc-1-f-2"));
            Assert.That(finding.Message, Is.EqualTo("POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 409, 500"));
            Assert.That((finding.Severity, finding.SeverityLabel, finding.Operation, finding.StatusCode), Is.EqualTo(("error", "Error", "POST /orders", "200")));
            Assert.That(finding.Location, Is.EqualTo("orders.openapi.yaml:24:9"));
            Assert.That(finding.Pointer, Is.EqualTo("/paths/~1orders/post/responses/200"));
            Assert.That(finding.Rationale, Is.EqualTo("Team agreement: a create documents 201 and 400; 409 reports a duplicate order."));
            // The team file wrote this sentence: it is cited, not the built-in the team file extends.
            Assert.That(finding.Guideline, Is.EqualTo("Orders team conventions"));
            Assert.That(finding.HelpUri, Does.EndWith("/docs/rules/OAL0001.md"));
            Assert.That(finding.Excerpt, Is.EqualTo(new[]
            {
                new ExcerptLineView(22, "      operationId: createOrder", false),
                new ExcerptLineView(23, "      responses:", false),
                new ExcerptLineView(24, "        \"200\":", true),
                new ExcerptLineView(25, "          description: Created (should be 201)", false),
                new ExcerptLineView(26, "          content:", false),
            }));
        });
    }

    [Test]
    public void Finding_on_a_referenced_response_points_at_its_definition_too()
    {
        var finding = Orders().FindingsByRule.Single(group => group.Rule.Id == "OAL0004").Findings.Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Location, Is.EqualTo("orders.openapi.yaml:51:9"));
            Assert.That(finding.Related, Is.EqualTo(new[] { "orders.openapi.yaml:73:5" }));
        });
    }

    [Test]
    public void Broken_ruleset_is_listed_once_though_every_document_needed_it()
    {
        var report = ReportFixtures.Lint("missing-ruleset.json", "orders.openapi.yaml", "inventory.openapi.json");

        var model = ReportViewModelBuilder.Build(report);

        Assert.Multiple(() =>
        {
            Assert.That(model.LoadErrors.Select(error => $"{error.Location} {error.Message}"), Is.EqualTo(new[] { "missing-ruleset.json ruleset file not found" }));
            Assert.That(model.Documents, Is.Empty);
            Assert.That(model.Summary.OutcomeText, Is.EqualTo("2 files could not be linted"));
        });
    }

    [Test]
    public void Paths_outside_the_working_folder_are_named_as_the_text_output_names_them()
    {
        // Issue 10: the report used to show these in full while the text output said ../inventory.openapi.json.
        var folder = ReportFixtures.Folder;
        var report = ReportFixtures.Lint("minimal-codes", "inventory.openapi.json") with { WorkingDirectory = Path.Combine(folder, "elsewhere") };

        var document = ReportViewModelBuilder.Build(report).Documents.Single();
        using var text = new StringWriter();
        new TextFormatter(new ReportOptions()).Write(report, text);

        Assert.Multiple(() =>
        {
            Assert.That(document.File, Is.EqualTo("../inventory.openapi.json"));
            Assert.That(text.ToString(), Does.StartWith("../inventory.openapi.json("));
        });
    }

    [Test]
    public void Clean_document_passes_with_no_findings()
    {
        var report = Inline(
            """
            openapi: 3.0.3
            info: { title: Clean, version: "1" }
            paths:
              /orders:
                post:
                  responses:
                    "201":
                      description: Created
                      content: { application/json: { schema: { type: object } } }
            """,
            """{ "extends": "minimal-codes" }""");

        var model = ReportViewModelBuilder.Build(report);

        Assert.Multiple(() =>
        {
            Assert.That((model.Summary.Outcome, model.Summary.OutcomeText), Is.EqualTo(("passed", "No findings")));
            Assert.That(model.Documents.Single().FindingsByRule, Is.Empty);
            Assert.That(model.Rules, Is.Empty);
        });
    }

    /// <summary>A report of one inline document checked against an inline ruleset named <c>team</c>.</summary>
    private static LintReport Inline(string document, string rulesetJson)
    {
        var load = OpenApiDocumentLoader.Load("/virtual/api.yaml", Encoding.UTF8.GetBytes(document));
        Assert.That(load.Error, Is.Null, "the document should load");
        var rulesetLoad = RulesetLoader.LoadText(rulesetJson, "/virtual/team.json");
        Assert.That(rulesetLoad.Errors, Is.Empty, "the ruleset should load");
        var findings = new Linter().Findings(load.Document!, rulesetLoad.Ruleset!);
        return new LintReport([LintResult.Of("/virtual/api.yaml", load.Document!, rulesetLoad.Ruleset!, findings)], "openapi-lint", ReportFixtures.ToolVersion, "/virtual", ReportFixtures.Timestamp);
    }
}
