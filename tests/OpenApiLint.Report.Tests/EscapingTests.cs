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

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("description: &quot;{{page.contentSecurityPolicy}} {{{tool.name}}} &lt;b onmouseover&#x3D;\\&quot;window.__pwned&#x3D;&#x27;bold&#x27;\\&quot;&gt;bold&lt;/b&gt;&quot;"));
            // Scriban code in a path, a summary and a description stays text: no include, raw or eval ran.
            Assert.That(html, Does.Contain("<span class=\"path\">/y/{{ tool.name }}/{% raw %}</span>"));
            Assert.That(html, Does.Contain("unsafe:javascript:window.__pwned&#x3D;&#x27;url&#x27; {{ raw &#x27;&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;&#x27; }}"));
            Assert.That(html, Does.Contain("description: &quot;{{ include &#x27;script&#x27; }} }}{{&quot;"));
            // Media types and header names, in messages and excerpts.
            Assert.That(html, Does.Contain("declares a body (text/html&quot;&gt;&lt;script&gt;window.__pwned&#x3D;&#x27;media-type&#x27;&lt;/script&gt;)"));
            Assert.That(html, Does.Contain("headers: { &quot;&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;&#x27;header&#x27;&gt;&quot;: { schema: { type: string } } }"));
            Assert.That(html, Does.Not.Contain("href=\"javascript:").IgnoreCase);
        });
    }

    /// <summary>
    /// A team template that writes every string of the model the plain way, with no thought of escaping: the template
    /// context escapes it all, and document text holding Scriban code stays text.
    /// </summary>
    [Test]
    public void Team_template_written_without_escaping_still_escapes_every_document_string()
    {
        var file = TemplateFolder.Create().Write("naive.scriban", """
            <h1>{{ summary.outcomeText }}</h1>
            {{ for doc in documents ~}}
            <h2 title="{{ doc.title }}">{{ doc.title }}</h2>
            {{ for row in doc.matrix.rows ~}}
            <a href="{{ row.path }}" id={{ row.operationId }}>{{ row.method }} {{ row.path }} {{ row.summary }} {{ row.operationId }}</a>
            <a href="{{ row.summary }}">{{ row.summary }}</a>
            {{ for cell in row.cells }}<td data-code={{ cell.code }} title={{ cell.detail }}>{{ cell.code }}</td>{{ end }}
            {{ end ~}}
            {{ for group in doc.findingsByRule }}{{ for finding in group.findings ~}}
            <p title="{{ finding.message }}">{{ finding.message }} {{ finding.operation }} {{ finding.statusCode }} {{ finding.pointer }}</p>
            {{ for line in finding.excerpt }}<pre>{{ line.text }}</pre>{{ end }}
            {{ end }}{{ end }}
            {{ end ~}}
            """);

        var html = HostileHtml(file);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase, "no script element at all");
            Assert.That(html, Does.Not.Match("<(img|svg|b)[\\s>/]").IgnoreCase);
            Assert.That(html, Does.Not.Match("<[^>]*\\son(error|load|mouseover)=").IgnoreCase, "no event handler attribute from a document");
            Assert.That(html, Does.Not.Match("\\son\\w+="), "even an unquoted attribute gets no handler: = is escaped");
            Assert.That(html, Does.Not.Match("href=\"\\s*javascript:").IgnoreCase, "a script URL from a document never becomes a link");
            Assert.That(html, Does.Contain("<a href=\"unsafe:javascript:window.__pwned&#x3D;&#x27;url&#x27; {{ raw &#x27;&lt;script&gt;"));
            Assert.That(html, Does.Not.Contain("openapi-lint/"), "{{ tool.name }} in a path was not evaluated");
            Assert.That(html, Does.Contain("<h2 title=\"&lt;script&gt;window.__pwned &#x3D; &#x27;title&#x27;&lt;/script&gt;Hostile API\">"));
            Assert.That(html, Does.Contain("{{ object.eval &#x27;window&#x27; }}&lt;script&gt;window.__pwned&#x3D;&#x27;operation-id-2&#x27;&lt;/script&gt;"));
            Assert.That(html, Does.Contain("DELETE /y/{{ tool.name }}/{% raw %}"));
        });
    }

    [Test]
    public void Team_template_cannot_write_document_text_raw()
    {
        var file = TemplateFolder.Create().Write("raw.scriban", "{{ raw \"<hr>\" }}{{ for doc in documents }}{{ raw doc.title }}{{ end }}");

        var error = Assert.Throws<OpenApiLint.Core.Report.ReportTemplateException>(() => HostileHtml(file));

        Assert.That(error.Reason, Is.EqualTo("raw takes a string written in the template, as in raw \"<br>\"; values of the report (document text) are always escaped"));
    }

    [Test]
    public void Raw_writes_a_literal_of_the_template_as_it_is()
    {
        var file = TemplateFolder.Create().Write("raw.scriban", "{{ raw \"<hr class='x'>\" }}{{ \"<hr>\" }}");

        Assert.That(HostileHtml(file), Is.EqualTo("<hr class='x'>&lt;hr&gt;"));
    }
}
