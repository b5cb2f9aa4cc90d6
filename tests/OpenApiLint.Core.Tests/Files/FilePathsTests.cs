using System.Text;
using OpenApiLint.Core.Baselines;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Files;

/// <summary>One way to name and compare files, shared by every output and by both edges (the tool and the build).</summary>
[TestFixture]
public sealed class FilePathsTests
{
    private static readonly string Work = Path.Combine(Path.GetTempPath(), "work");

    [Test]
    public void Relative_uses_forward_slashes_and_keeps_climbing_out()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FilePaths.Relative(Path.Combine(Work, "specs", "orders.yaml"), Work), Is.EqualTo("specs/orders.yaml"));
            Assert.That(FilePaths.Relative(Path.Combine(Path.GetTempPath(), "api.json"), Work), Is.EqualTo("../api.json"));
            Assert.That(FilePaths.Relative("specs/orders.yaml", Work), Is.EqualTo("specs/orders.yaml"), "a relative path is taken against the base");
            Assert.That(FilePaths.Relative("", Work), Is.Empty);
        });
    }

    [Test]
    public void Relative_inside_names_a_file_outside_by_its_full_path()
    {
        var outside = Path.Combine(Path.GetTempPath(), "api.json");

        Assert.Multiple(() =>
        {
            Assert.That(FilePaths.RelativeInside(Path.Combine(Work, "obj", "Api.json"), Work), Is.EqualTo(Path.Combine("obj", "Api.json")));
            Assert.That(FilePaths.RelativeInside(outside, Work), Is.EqualTo(outside));
        });
    }

    [Test]
    public void Inside_is_about_the_folder_not_a_name_starting_with_dots()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FilePaths.IsInside(Path.Combine(Work, "..notes.yaml"), Work), Is.True);
            Assert.That(FilePaths.IsInside(Path.Combine(Work, "a", "b.yaml"), Work), Is.True);
            Assert.That(FilePaths.IsInside(Path.Combine(Path.GetTempPath(), "b.yaml"), Work), Is.False);
            Assert.That(FilePaths.IsInside(Work, Work), Is.True);
        });
    }

    [Test]
    public void Paths_compare_as_the_file_system_does_on_each_os()
    {
        var upper = Path.Combine(Work, "Specs", "Orders.yaml");
        var lower = Path.Combine(Work, "specs", "orders.yaml");

        Assert.Multiple(() =>
        {
            // Windows and macOS ignore case (their default file systems do); Linux does not.
            Assert.That(FilePaths.IgnoreCase, Is.EqualTo(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()));
            Assert.That(FilePaths.Comparer.Equals(upper, lower), Is.EqualTo(FilePaths.IgnoreCase));
            Assert.That(FilePaths.Same(upper, lower, Work), Is.EqualTo(FilePaths.IgnoreCase));
            Assert.That(FilePaths.Same("specs/../specs/orders.yaml", lower, Work), Is.True);
            Assert.That(string.Equals(upper, lower, FilePaths.Comparison), Is.EqualTo(FilePaths.IgnoreCase));
        });
    }

    [Test]
    public void Uris_are_absolute_file_uris_and_relative_references_are_escaped()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FilePaths.FolderUri(Work), Does.StartWith("file:///").And.EndWith("/work/"));
            Assert.That(FilePaths.FileUri("a b.yaml", Work), Does.EndWith("/work/a%20b.yaml"));
            Assert.That(FilePaths.RelativeUri("specs/a b#1.yaml"), Is.EqualTo("specs/a%20b%231.yaml"));
        });
    }

    [Test]
    public void The_html_report_and_the_text_output_name_a_file_the_same_way()
    {
        using var folder = new TempFolder();
        var document = folder.Write("shared/orders.yaml", """
            openapi: 3.0.3
            info: { title: Orders, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '200': { description: OK }
            """);
        var working = folder.Folder("work");
        var results = new LintRunner(new RulesetResolver("minimal-codes", working)).LintFiles([document]);
        var report = new LintReport(results, "openapi-lint", "1.0.0", working, DateTimeOffset.UnixEpoch);

        var html = ReportViewModelBuilder.Build(report).Documents.Single().File;
        using var text = new StringWriter();
        new TextFormatter(new ReportOptions()).Write(report, text);

        Assert.Multiple(() =>
        {
            Assert.That(html, Is.EqualTo("../shared/orders.yaml"));
            Assert.That(text.ToString(), Does.StartWith("../shared/orders.yaml(7,9): error OAL0001: "));
        });
    }

    [Test]
    public void A_baseline_matches_documents_as_the_file_system_compares_paths()
    {
        using var folder = new TempFolder();
        const string text = """
            openapi: 3.0.3
            info: { title: Orders, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '200': { description: OK }
            """;
        var recorded = folder.Write("Specs/Orders.yaml", text);
        var resolver = new RulesetResolver("minimal-codes", folder.Path);
        var baseline = Baseline.Record(Path.Combine(folder.Path, "openapi-lint.baseline.json"), new LintRunner(resolver).LintFiles([recorded]));
        Assert.That(baseline.Entries, Is.Not.Empty);

        // The same document, named in another case (a checkout on a case-insensitive disk, a renamed folder).
        File.Delete(recorded);
        Directory.Delete(Path.GetDirectoryName(recorded)!);
        var renamed = folder.Write("specs/orders.yaml", text);
        var comparison = baseline.Apply(new LintRunner(resolver).LintFiles([renamed]));

        Assert.That(comparison.Matched, Is.EqualTo(FilePaths.IgnoreCase ? baseline.Entries.Sum(entry => entry.Count) : 0));
    }
}
