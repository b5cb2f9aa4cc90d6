using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

/// <summary>docs/report.md stays true: its example template renders, and it documents every field of the view model.</summary>
public sealed partial class DocsTests
{
    [Test]
    public void Minimal_template_example_renders_the_report()
    {
        var example = ExampleTemplate().Match(ReadDocs());
        Assert.That(example.Success, Is.True, "docs/report.md should hold the minimal template example");
        var file = TemplateFolder.Create().Write("minimal.scriban", example.Groups[1].Value);

        var html = ReportFixtures.Html(ReportFixtures.Team(), file);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h1>5 errors, 2 warnings, 1 info, 1 file could not be linted</h1>"));
            Assert.That(html, Does.Contain("<tr><th>POST /orders</th><td class=\"cell v-violation sev-error\" title=\"POST /orders · 200: declared; OAL0001 error: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 409, 500\">✕</td>"));
            Assert.That(html, Does.Contain("<li>Error at orders.openapi.yaml:24:9: POST /orders declares 200; orders-team allows POST: 201, 400, 401, 403, 409, 500 <q>Team agreement: a create documents 201 and 400; 409 reports a duplicate order.</q></li>"));
            Assert.That(html, Does.Contain("<p>Not linted: broken.openapi.yaml:3:10 invalid YAML: the YAML is malformed</p>"));
            Assert.That(html, Does.Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;; style-src &#x27;sha256-"));
        });
    }

    [Test]
    public void Every_view_model_field_is_documented()
    {
        var docs = ReadDocs();
        var model = ReportViewModelBuilder.Build(ReportFixtures.Team()) with { Page = new PageView("policy") };
        using var json = JsonDocument.Parse(ReportViewModelJson.Serialize(model));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, names);

        Assert.That(names.Where(name => !docs.Contains($"`{name}`", StringComparison.Ordinal)), Is.Empty, "fields missing from docs/report.md");
    }

    private static void Collect(JsonElement element, ISet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    names.Add(property.Name);
                    Collect(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }

    private static string ReadDocs([CallerFilePath] string thisFile = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "docs", "report.md")).ReplaceLineEndings("\n");

    [GeneratedRegex("<!-- This example is rendered[^\\n]*\\n```scriban-html\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleTemplate();
}
