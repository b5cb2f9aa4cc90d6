using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>Excerpts are a bounded window around the finding, so a minified document of megabytes gives a small report.</summary>
public sealed class ExcerptWindowTests
{
    [TestCase(10, 1, "short line")]
    public void Short_line_is_shown_whole(int unused, int column, string line)
    {
        Assert.That(ReportViewModelBuilder.Window(line, column), Is.EqualTo(line));
    }

    [Test]
    public void Long_line_is_cut_around_the_column_with_marks()
    {
        var line = string.Concat(Enumerable.Range(0, 1000).Select(index => (char)('a' + (index % 26))));

        Assert.Multiple(() =>
        {
            Assert.That(ReportViewModelBuilder.Window(line, 1), Is.EqualTo(line[..160] + "…"), "at the start: cut after only");
            Assert.That(ReportViewModelBuilder.Window(line, 501), Is.EqualTo("…" + line[447..607] + "…"), "a third of the window before the column");
            Assert.That(ReportViewModelBuilder.Window(line, 1000), Is.EqualTo("…" + line[840..]), "at the end: cut before only");
            Assert.That(ReportViewModelBuilder.Window(line, 0), Is.EqualTo(line[..160] + "…"), "unknown column: from the start");
        });
    }

    [Test]
    public void Surrogate_pairs_are_never_cut_in_half()
    {
        var line = string.Concat(Enumerable.Repeat("😀", 300));

        var window = ReportViewModelBuilder.Window(line, 201);

        Assert.That(window.Trim('…').All(character => char.IsSurrogate(character)) && window.Trim('…').Length % 2 == 0 && char.IsHighSurrogate(window.Trim('…')[0]), Is.True, window);
    }

    [Test]
    public void Minified_document_of_megabytes_gives_excerpts_of_bounded_width()
    {
        var path = LargeDocument.Write(TemplateFolder.Create().Path, operations: 3_000);
        var report = LargeDocument.Lint(path);

        var model = ReportViewModelBuilder.Build(report);
        var findings = model.Documents[0].FindingsByRule.SelectMany(group => group.Findings).ToArray();
        var html = ReportFixtures.Html(report);

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(path).Length, Is.GreaterThan(2_500_000), "one line of megabytes");
            Assert.That(findings, Has.Length.EqualTo(6_000), "every POST declares 200, which minimal-codes refuses and wants a body on");
            Assert.That(findings.SelectMany(finding => finding.Excerpt), Has.All.Matches<ExcerptLineView>(line => line.Number == 1 && line.Text.Length <= 162 && line.Marked));
            Assert.That(findings[1_234 * 2].Excerpt.Single().Text, Does.Contain("\"responses\":{\"200\":{\"description\":\"created\"}}").And.StartWith("…").And.EndWith("…"));
            Assert.That(html.Length, Is.LessThan(40_000_000), "the report grows with findings and operations, not with the document's bytes");
        });
    }
}
