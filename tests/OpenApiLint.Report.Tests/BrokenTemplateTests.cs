using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>
/// A broken team template is one clear error with its file, line and column, taken from Scriban's own spans: never
/// a crash, never a hang, never half a report.
/// </summary>
public sealed class BrokenTemplateTests
{
    private const string BuiltInPartials = "document, filters, finding, findings, header, legend, load-errors, matrix, script, style";

    /// <summary>Syntax errors: found when the template loads, before any document is linted.</summary>
    [TestCase("<ul>\n{{ for doc in documents }}\n<li>{{ doc.file }}</li>\n", 3, 19, "Error while parsing for statement: The <end> statement was not found in: for <variable> in <expression> ... end")]
    [TestCase("<p>ok</p>\n<p>{{ tool.name </p>", 2, 18, "Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `/` in: <expression> operator <expression>")]
    [TestCase("<p>\n  {{ 1 + }}</p>", 2, 10, "Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `}}` in: <expression> operator <expression>")]
    [TestCase("<p>\n</p>{{ end }}", 2, 10, "Error while parsing ScriptPage: Found <end> statement without a corresponding beginning of a block")]
    [TestCase("{{ if }}x{{ end }}", 1, 7, "Error while parsing if statement: Expecting <expression> instead of `}}` in: if <expression> ... end|else|else if")]
    public void Syntax_error_is_reported_at_its_line_and_column(string template, int line, int column, string reason)
    {
        var file = TemplateFolder.Create().Write("team.scriban", template);

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(file));

        Assert.Multiple(() =>
        {
            Assert.That(error.File, Is.EqualTo(file));
            Assert.That((error.Line, error.Column, error.Reason), Is.EqualTo((line, column, reason)));
            Assert.That(error.Message, Is.EqualTo($"{file}({line},{column}): error OAL9005: {reason}"));
            Assert.That(error.ToLoadError().ToString(), Is.EqualTo(error.Message));
        });
    }

    /// <summary>Errors only running can find: unknown names, errors inside loops, sandbox refusals, limits.</summary>
    [TestCase("<p>\n  {{ shout tool.name }}</p>", 2, 6, "The variable or function `shout` was not found")]
    [TestCase("<ul>\n{{ for doc in documents }}\n<li>{{ doc.file | string.shout }}</li>\n{{ end }}</ul>", 3, 19, "The function `string.shout` was not found")]
    [TestCase("{{ for doc in documents }}{{ for row in doc.matrix.rows }}\n {{ row.path * row.path }}{{ end }}{{ end }}", 2, 5, "Expecting an integer. The operator `*` is not supported for the expression. Only working on string x int or int x string")]
    [TestCase("<main>\n{{ include 'sumary' }}\n</main>", 2, 4, "include 'sumary': there is no such partial; partials: " + BuiltInPartials)]
    [TestCase("{{ include '../../secret' }}", 1, 4, "include '../../secret': a partial is named by its file name in the template's folder, not by a path; partials: " + BuiltInPartials)]
    [TestCase("{{ include '/etc/passwd' }}", 1, 4, "include '/etc/passwd': a partial is named by its file name in the template's folder, not by a path; partials: " + BuiltInPartials)]
    [TestCase("{{ for doc in documents }}{{ raw doc.title }}{{ end }}", 1, 30, "raw takes a string written in the template, as in raw \"<br>\"; values of the report (document text) are always escaped")]
    [TestCase("{{ object.eval '1 + 1' }}", 1, 4, "The function `object.eval` was not found")]
    [TestCase("x\n{{ while true }}y{{ end }}", 2, 4, "Exceeding number of iteration limit `1000000` for loop statement")]
    [TestCase("{{ func loop(n) }}{{ loop n + 1 }}{{ end }}\n{{ loop 1 }}", 1, 22, "Exceeding number of recursive depth limit `64` for node: `loop n+1`")]
    public void Runtime_error_is_reported_at_its_line_and_column_and_the_old_report_is_kept(string template, int line, int column, string reason)
    {
        var folder = TemplateFolder.Create();
        var file = folder.Write("team.scriban", template);
        var report = folder.Write("report.html", "the last good report");
        var formatter = ReportFormatters.Create("html", new ReportOptions(TemplatePath: file))!;

        // As the tool writes a report: streamed into the file, which is replaced only once the whole page is written.
        var error = Assert.Throws<ReportTemplateException>(() => AtomicFile.Write(report, writer => formatter.Write(ReportFixtures.Team(), writer)));

        Assert.Multiple(() =>
        {
            Assert.That((error.File, error.Line, error.Column, error.Reason), Is.EqualTo((file, line, column, reason)));
            Assert.That(error.Message, Is.EqualTo($"{file}({line},{column}): error OAL9005: {reason}"));
            Assert.That(File.ReadAllText(report), Is.EqualTo("the last good report"));
            Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "report.html", "team.scriban" }), "no temporary file is left");
        });
    }

    [Test]
    public void Partial_that_includes_itself_stops_at_the_recursion_limit()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", "<main>{{ include 'row' }}</main>");
        var row = folder.Write("row.scriban", "<p>{{ tool.name }}</p>\n{{ include 'row' }}");

        var error = Assert.Throws<ReportTemplateException>(() => ReportFixtures.Html(ReportFixtures.Team(), folder.Path));

        Assert.That(error.Message, Is.EqualTo($"{Path.Combine(folder.Path, "row.scriban")}(2,4): error OAL9005: Exceeding number of recursive depth limit `64` for node: `include 'row'`"));
        Assert.That(error.File, Is.EqualTo(Path.Combine(folder.Path, "row.scriban")).And.EqualTo(row));
    }

    [Test]
    public void Broken_partial_in_a_template_folder_is_reported_in_the_partial_file()
    {
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", "<main>{{ for doc in documents }}{{ include 'row' }}{{ end }}</main>");
        var partial = folder.Write("row.scriban", "<p>{{ doc.file }}</p>\n<p>{{ if doc.title }}{{ doc.title }}</p>\n");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(folder.Path));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"{Path.Combine(folder.Path, "row.scriban")}(2,37): error OAL9005: Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if"));
            Assert.That(error.File, Is.EqualTo(partial));
        });
    }

    [Test]
    public void Partial_that_is_a_link_out_of_the_folder_is_refused()
    {
        var outside = TemplateFolder.Create().Write("secret.txt", "secret");
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", "{{ include 'row' }}");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "row.scriban"), outside);

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(folder.Path));

        Assert.That(error.Message, Is.EqualTo($"{Path.Combine(folder.Path, "row.scriban")}: error OAL9005: the template is a link to a file outside the template folder; a template reads only its own folder"));
    }

    [Test]
    public void Missing_template_path_is_reported_by_name()
    {
        var missing = Path.Combine(TemplateFolder.Create().Path, "nope.scriban");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(missing));

        Assert.That(error.Message, Is.EqualTo($"{missing}: error OAL9005: the report template was not found: no such file or folder"));
    }

    [Test]
    public void Template_folder_without_a_main_template_is_reported()
    {
        var folder = TemplateFolder.Create();
        folder.Write("finding.scriban", "<p>{{ finding.message }}</p>");

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplate.Load(folder.Path));

        Assert.That(error.Message, Is.EqualTo($"{folder.Path}: error OAL9005: the template folder has no report.scriban, the main template"));
    }
}
