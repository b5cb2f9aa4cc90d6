using System.Text.RegularExpressions;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>Every string from a document is HTML-escaped: markup in titles, paths, summaries, keys and descriptions is text.</summary>
public sealed class EscapingTests
{
    private static string HostileHtml(string? template = null) => ReportFixtures.Html(ReportFixtures.Hostile(), template);

    [Test]
    public void Hostile_document_yields_no_markup_of_its_own()
    {
        var html = HostileHtml();

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "<script", RegexOptions.IgnoreCase), Is.EqualTo(1), "only the report's own script");
            Assert.That(html, Does.Not.Match("<(img|svg|b)[\\s>/]").IgnoreCase);
            Assert.That(html, Does.Not.Match("<[^>]*\\son(error|load|mouseover)=").IgnoreCase, "no event handler attribute");
            Assert.That(html, Does.Not.Contain("</code></pre><script>"));
        });
    }

    [Test]
    public void Hostile_strings_are_shown_as_text_wherever_they_appear()
    {
        var html = HostileHtml();

        Assert.Multiple(() =>
        {
            // title (page title, list of documents, document heading)
            Assert.That(Regex.Count(html, "&lt;script&gt;window.__pwned &#x3D; &#x27;title&#x27;&lt;/script&gt;Hostile API"), Is.EqualTo(3));
            // path (matrix, finding groups, messages, cell details)
            Assert.That(html, Does.Contain("<span class=\"path\">/x/&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;&#x27;path&#x27;&gt;</span>"));
            // summary
            Assert.That(html, Does.Contain("<span class=\"op-summary\">&lt;script&gt;window.__pwned&#x3D;&#x27;summary&#x27;&lt;/script&gt;</span>"));
            // status key (matrix column and cell attribute)
            Assert.That(html, Does.Contain(">&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;&#x27;status-key&#x27;&gt;</th>"));
            Assert.That(html, Does.Contain("data-code=\"&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;&#x27;status-key&#x27;&gt;\""));
            // description, in a source excerpt
            Assert.That(html, Does.Contain("<span class=\"src\">          description: &quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;window.__pwned&#x3D;&#x27;excerpt&#x27;&lt;/script&gt;&quot;</span>"));
        });
    }

    [Test]
    public void Template_syntax_in_a_document_is_not_evaluated()
    {
        var html = HostileHtml();

        Assert.That(html, Does.Contain("description: &quot;{{page.contentSecurityPolicy}} {{{tool.name}}} &lt;b onmouseover&#x3D;\\&quot;window.__pwned&#x3D;&#x27;bold&#x27;\\&quot;&gt;bold&lt;/b&gt;&quot;"));
    }

    [Test]
    public void Team_template_with_indented_partials_still_escapes_document_strings()
    {
        // Handlebars.Net 2.4.3 skips escaping inside an indented standalone partial; the report removes that indentation.
        var folder = TemplateFolder.Create();
        folder.Write("report.hbs", "<main>\n  {{#each documents}}\n    {{> heading}}\n  {{/each}}\n</main>\n");
        folder.Write("heading.hbs", "<h1>{{title}}</h1>\n  {{#each matrix.rows}}\n    {{> row}}\n  {{/each}}\n");
        folder.Write("row.hbs", "<p>{{path}} {{summary}}</p>\n");

        var html = HostileHtml(folder.Path);

        Assert.That(html.ReplaceLineEndings("\n"), Is.EqualTo(
            "<main>\n" +
            "<h1>&lt;script&gt;window.__pwned &#x3D; &#x27;title&#x27;&lt;/script&gt;Hostile API</h1>\n" +
            "<p>/x/&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;&#x27;path&#x27;&gt; &lt;script&gt;window.__pwned&#x3D;&#x27;summary&#x27;&lt;/script&gt;</p>\n" +
            "</main>\n"));
    }
}
