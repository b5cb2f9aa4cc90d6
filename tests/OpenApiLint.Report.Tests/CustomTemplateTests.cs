using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>A team renders the report with its own template file, or a folder of templates and partials.</summary>
public sealed class CustomTemplateTests
{
    [Test]
    public void Template_file_renders_the_view_model()
    {
        var file = TemplateFolder.Create().Write("team.scriban",
            """
            {{ summary.errors }} errors in {{ summary.lintedDocuments }} documents
            {{ for doc in documents ~}}
            {{ doc.index }}. {{ doc.file }} ({{ doc.ruleset }}): {{ for row in doc.matrix.rows }}{{ row.method }} {{ row.path }} {{ end }}
            {{ end ~}}
            {{ for error in loadErrors ~}}
            not linted: {{ error.location }} {{ error.message }}
            {{ end ~}}
            """);

        var html = ReportFixtures.Html(ReportFixtures.Team(), file);

        Assert.That(html.ReplaceLineEndings("\n"), Is.EqualTo(
            """
            5 errors in 2 documents
            1. orders.openapi.yaml (orders-team): GET /orders POST /orders GET /orders/{id} DELETE /orders/{id} GET /legacy/orders 
            2. inventory.openapi.json (orders-team): POST /items PUT /items GET /items/{sku} 
            not linted: broken.openapi.yaml:3:10 invalid YAML: the YAML is malformed

            """));
    }

    /// <summary>
    /// The model's records are read in place, so the sandbox rests on the member filter: a template sees the view
    /// model's properties and no other member of .NET, neither of the records nor of strings and lists.
    /// </summary>
    [Test]
    public void Template_reads_the_view_model_members_and_no_other_member_of_dotnet()
    {
        var file = TemplateFolder.Create().Write("members.scriban",
            """
            {{ doc = documents[0] ~}}
            model: {{ doc.file }} {{ doc.operations }} {{ doc.matrix.rows.size }} {{ doc.matrix.rows[1].cells[0].verdict }} {{ doc.file | string.size }} {{ page.contentSecurityPolicy | string.slice 0 11 }}
            dotnet: [{{ doc.file.length }}|{{ doc.matrix.rows.count }}|{{ doc.equalityContract }}|{{ doc.File }}|{{ doc.getType }}|{{ doc.matrix.rows[0].toString }}|{{ tool.name.chars }}]
            """);

        var html = ReportFixtures.Html(ReportFixtures.Team(), file);

        Assert.That(html.ReplaceLineEndings("\n"), Is.EqualTo(
            """
            model: orders.openapi.yaml 5 5 violation 19 default-src
            dotnet: [||||||]
            """));
    }

    [Test]
    public void Template_folder_uses_its_own_partials_and_the_built_in_ones()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", "<style>{{ include 'style' }}</style>\n{{ for doc in documents }}{{ for group in doc.findingsByRule }}{{ include 'rule' }}{{ end }}{{ end }}");
        folder.Write("rule.scriban", "<h2>{{ group.rule.id }} ×{{ group.count }}</h2>\n");

        var html = ReportFixtures.Html(ReportFixtures.Team(), folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<style>" + ReportTemplate.GetBuiltInText("style") + "</style>\n"));
            Assert.That(html[html.IndexOf("<h2>", StringComparison.Ordinal)..], Is.EqualTo(
                "<h2>OAL0001 ×3</h2>\n<h2>OAL0002 ×1</h2>\n<h2>OAL0004 ×1</h2>\n<h2>OAL0009 ×1</h2>\n<h2>OAL0010 ×1</h2>\n<h2>OAL0005 ×1</h2>\n"));
        });
    }

    [Test]
    public void Folder_partial_replaces_the_built_in_partial_of_the_same_name()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", ReportTemplate.GetBuiltInText("report"));
        folder.Write("finding.scriban", "<article class=\"team-finding\" data-rule=\"{{ finding.ruleId }}\">{{ finding.location }}: {{ finding.message }}</article>\n");

        var html = ReportFixtures.Html(ReportFixtures.Team(), folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<article class=\"team-finding\" data-rule=\"OAL0004\">orders.openapi.yaml:51:9: DELETE /orders/{id} 204 response declares a body (application/json); orders-team forbids a body on 204</article>"));
            Assert.That(html, Does.Not.Contain("class=\"finding "), "the built-in finding partial is replaced");
            Assert.That(html, Does.Contain("<table class=\"matrix\">"), "the other built-in partials still render");
        });
    }

    [Test]
    public void Built_in_template_texts_are_available_to_start_from()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportTemplate.BuiltInNames, Is.EqualTo(new[] { "document", "filters", "finding", "findings", "header", "legend", "load-errors", "matrix", "report", "script", "style" }));
            Assert.That(ReportTemplate.GetBuiltInText("report"), Does.StartWith("{{##"));
            Assert.That(() => ReportTemplate.GetBuiltInText("nope"), Throws.ArgumentException);
        });
    }

    /// <summary>A folder that overrides one partial only (no report of its own would need a main template, so it copies the built-in one).</summary>
    [Test]
    public void Folder_overriding_only_the_legend_keeps_every_other_built_in_partial()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", ReportTemplate.GetBuiltInText("report"));
        folder.Write("legend.scriban", "<p class=\"team-legend\">{{ legend.size }} verdicts</p>\n");

        var html = ReportFixtures.Html(ReportFixtures.Team(), folder.Path);
        var builtIn = ReportFixtures.Html(ReportFixtures.Team());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p class=\"team-legend\">5 verdicts</p>"));
            Assert.That(html, Does.Not.Contain("<ul class=\"legend\""));
            Assert.That(System.Text.RegularExpressions.Regex.Replace(html, "<p class=\"team-legend\">5 verdicts</p>\n", ""), Is.EqualTo(System.Text.RegularExpressions.Regex.Replace(builtIn, "<ul class=\"legend\".*?</ul>\n", "", System.Text.RegularExpressions.RegexOptions.Singleline)));
        });
    }

    [Test]
    public void Same_template_loaded_twice_renders_the_same_page()
    {
        var report = ReportFixtures.Team();
        var first = ReportFixtures.Html(report);

        var second = ReportFixtures.Html(report);

        Assert.That(second, Is.EqualTo(first));
    }
}
