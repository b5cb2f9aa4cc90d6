using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>A broken team template is one clear error with its file, line and column: never a crash, never half a report.</summary>
public sealed class BrokenTemplateTests
{
    private const string BuiltInPartials = "document, filters, finding, findings, header, legend, load-errors, matrix, script, style";

    [TestCase("<ul>\n{{#each documents}}\n<li>{{file}}</li>\n", 2, 1, "the block '{{#each documents}}' opened here is never closed: expected '{{/each}}'")]
    [TestCase("{{#if summary.errors}}\n  <p>bad</p>\n{{/each}}", 3, 1, "'{{/each}}' closes '{{#if summary.errors}}' opened at line 1: expected '{{/if}}'")]
    [TestCase("<p>\n</p>{{/if}}", 2, 5, "'{{/if}}' closes a block that was never opened")]
    [TestCase("<h1>\n  {{tool.name}}}</h1>", 2, 3, "the tag opened here with '{{' is closed with '}}}': expected '}}'")]
    [TestCase("<h1>{{{tool.name}}</h1>", 1, 5, "the tag opened here with '{{{' is closed with '}}': expected '}}}'")]
    [TestCase("<p>ok</p>\n<p>{{ tool.name </p>", 2, 4, "the tag opened here is never closed: expected '}}'")]
    [TestCase("<p>{{tool.name</p>\n{{tool.version}}", 1, 4, "the tag opened here is never closed: expected '}}'")]
    [TestCase("x\n{{!-- a note\n", 2, 1, "the comment opened here is never closed: expected '--}}'")]
    [TestCase("<p>{{lookup . \"name}}</p>\n<p>x</p>", 1, 4, "the tag opened here is never closed: its string has no closing '\"'")]
    [TestCase("<p>{{}}</p>", 1, 4, "the tag is empty: expected a name between the braces")]
    [TestCase("{{#if}}x{{/if}}", 1, 1, "'{{#if}}' needs a value, as in '{{#if items}}'")]
    [TestCase("{{#if summary.errors}}a{{else}}b{{else}}c{{/if}}", 1, 33, "'{{else}}' follows another '{{else}}' of the block '{{#if summary.errors}}' opened at line 1")]
    [TestCase("a {{else}} b", 1, 3, "'{{else}}' is outside any block")]
    [TestCase("<main>\n{{> sumary}}\n</main>", 2, 1, "'{{> sumary}}' names the partial 'sumary', which does not exist; partials: " + BuiltInPartials)]
    [TestCase("<p>{{shout tool.name}}</p>", 1, 4, "'{{shout tool.name}}' calls the helper 'shout', which does not exist; the report knows only if, unless, each, with, lookup, log")]
    [TestCase("{{#repeat 3}}x{{/repeat}}", 1, 1, "'{{#repeat 3}}' calls the block helper 'repeat', which does not exist; the report knows only if, unless, each, with")]
    [TestCase("<p>\n{{lookup . bad=}}</p>", 2, 1, "the template does not compile: Unexpected token '}}', expected an expression")]
    [TestCase("<ul>\n  {{#each documents as |doc}}<li>{{doc.file}}</li>{{/each}}\n</ul>", 2, 3, "the template does not compile: Token '' could not be converted to an expression")]
    [TestCase("<p>{{> }}</p>", 1, 4, "the template does not compile: A partial must have a name")]
    public void Broken_template_file_is_reported_at_its_line(string template, int line, int column, string reason)
    {
        var file = TemplateFolder.Create().Write("team.hbs", template);

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(file));

        Assert.Multiple(() =>
        {
            Assert.That(error.File, Is.EqualTo(file));
            Assert.That((error.Line, error.Column), Is.EqualTo((line, column)));
            Assert.That(error.Reason, Is.EqualTo(reason));
            Assert.That(error.Message, Is.EqualTo($"{file}({line},{column}): error: {reason}"));
            Assert.That(error.ToLoadError().ToString(), Is.EqualTo(error.Message));
        });
    }

    [Test]
    public void Helper_called_in_a_subexpression_fails_at_render_time_at_its_tag()
    {
        var file = TemplateFolder.Create().Write("team.hbs", "<ul>\n{{#each (sorted documents)}}<li>{{file}}</li>{{/each}}\n</ul>");
        var template = ReportTemplate.Load(file);

        var error = Assert.Throws<ReportTemplateException>(() => template.Render(ReportViewModelBuilder.Build(ReportFixtures.Team())));

        Assert.That(error.Message, Is.EqualTo($"{file}(2,1): error: '{{{{#each (sorted documents)}}}}' calls the helper 'sorted', which does not exist"));
    }

    [Test]
    public void Broken_partial_in_a_template_folder_is_reported_in_the_partial_file()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.hbs", "<main>{{#each documents}}{{> row}}{{/each}}</main>");
        var partial = folder.Write("row.hbs", "<p>{{file}}</p>\n<p>{{#if title}}{{title}}</p>\n");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(folder.Path));

        Assert.That(error.Message, Is.EqualTo($"{Path.Combine(folder.Path, "row.hbs")}(2,4): error: the block '{{{{#if title}}}}' opened here is never closed: expected '{{{{/if}}}}'"));
        Assert.That(error.File, Is.EqualTo(partial));
    }

    [Test]
    public void Missing_template_path_is_reported_by_name()
    {
        var missing = Path.Combine(TemplateFolder.Create().Path, "nope.hbs");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(missing));

        Assert.That(error.Message, Is.EqualTo($"{missing}: error: the report template was not found: no such file or folder"));
    }

    [Test]
    public void Template_folder_without_a_main_template_is_reported()
    {
        var folder = TemplateFolder.Create();
        folder.Write("finding.hbs", "<p>{{message}}</p>");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(folder.Path));

        Assert.That(error.Message, Is.EqualTo($"{folder.Path}: error: the template folder has no report.hbs, the main template"));
    }

    [Test]
    public void Html_formatter_with_a_broken_template_throws_before_writing_anything()
    {
        var file = TemplateFolder.Create().Write("team.hbs", "<p>{{#each documents}}</p>");
        var formatter = ReportFormatters.Create("html", new ReportOptions(TemplatePath: file))!;
        using var writer = new StringWriter();

        var error = Assert.Throws<ReportTemplateException>(() => formatter.Write(ReportFixtures.Team(), writer));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"{file}(1,4): error: the block '{{{{#each documents}}}}' opened here is never closed: expected '{{{{/each}}}}'"));
            Assert.That(writer.ToString(), Is.Empty);
        });
    }
}
