using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Report;
using OpenApiLint.Report.Tests.Support;

namespace OpenApiLint.Report.Tests;

public sealed partial class HtmlRenderingTests
{
    private static string TeamHtml() => ReportFixtures.Html(ReportFixtures.Team());

    [Test]
    public void Team_report_html_matches_golden_file()
    {
        // The style and script partials (and so their hashes) change with every visual tweak; they are checked by
        // the Content-Security-Policy test and in the browser. The golden file is about the content.
        var html = InlineStyle().Replace(TeamHtml(), "<style>/* style partial */</style>");
        html = InlineScript().Replace(html, "<script>/* script partial */</script>");
        html = Hash().Replace(html, "sha256-(hash)");

        Golden.AssertMatches(html, "team.report.html");
    }

    [Test]
    public void Page_is_self_contained_with_nothing_to_fetch()
    {
        var html = TeamHtml();

        Assert.Multiple(() =>
        {
            Assert.That(SourceOrHref().Matches(html).Select(match => match.Value), Has.All.Match("^href=\"(data:,|#[a-z0-9-]+|https://[^\"]+/docs/rules/OAL[0-9]{4}\\.md)\"$"),
                "no src at all; links are in-page anchors, rule help pages (followed only when clicked) and the empty data: icon");
            Assert.That(SourceOrHref().Matches(html).Count, Is.EqualTo(15), "1 icon, 2 documents, 1 load-error list, 5 operation finding lists, 6 rule help pages");
            Assert.That(html, Does.Not.Contain("<link rel=\"stylesheet\"").And.Not.Contain("@import").And.Not.Contain("url(").And.Not.Contain("<script src"));
            Assert.That(Regex.Count(html, "<script"), Is.EqualTo(1));
            Assert.That(Regex.Count(html, "<style"), Is.EqualTo(1));
            Assert.That(html, Does.Contain("@media print"));
        });
    }

    [Test]
    public void Content_security_policy_allows_exactly_the_inline_style_and_script()
    {
        var html = TeamHtml();
        var policy = WebUtilityDecode(Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

        Assert.That(policy, Is.EqualTo($"default-src 'none'; style-src 'sha256-{Sha256(style)}'; script-src 'sha256-{Sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'"));
    }

    [Test]
    public void Every_finding_is_rendered_once_in_each_grouping()
    {
        var html = TeamHtml();
        var model = ReportViewModelBuilder.Build(ReportFixtures.Team());
        var ids = model.Documents.SelectMany(document => document.FindingsByRule).SelectMany(group => group.Findings).Select(finding => finding.Id).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Length.EqualTo(8));
            foreach (var id in ids)
            {
                Assert.That(Regex.Count(html, $"data-finding=\"{id}\""), Is.EqualTo(2), id);
            }
        });
    }

    [Test]
    public void Matrix_row_renders_each_cell_with_its_verdict()
    {
        var html = TeamHtml();
        var row = Regex.Match(html, "<tr id=\"doc-1-op-2\".*?</tr>", RegexOptions.Singleline).Value;

        var cells = Regex.Matches(row, "<td class=\"([^\"]*)\" data-code=\"([^\"]*)\" data-verdict=\"([^\"]*)\"").Select(match => $"{match.Groups[2].Value}={match.Groups[3].Value} ({match.Groups[1].Value})");

        Assert.That(cells, Is.EqualTo(new[]
        {
            "200=violation (cell v-violation sev-error)",
            "201=allowed (cell v-allowed)",
            "204=absent (cell v-absent)",
            "302=absent (cell v-absent)",
            "400=missing (cell v-missing sev-error)",
            "401=absent (cell v-absent)",
            "404=absent (cell v-absent)",
            "409=allowed (cell v-allowed)",
            "default=absent (cell v-absent)",
        }));
    }

    [Test]
    public void Filters_are_hidden_until_the_script_runs_so_paper_and_script_less_readers_see_everything()
    {
        var html = TeamHtml();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<nav class=\"toolbar\" id=\"toolbar\" aria-label=\"Filter findings\" hidden>"));
            Assert.That(html, Does.Not.Contain("<div class=\"findings-view\" data-grouping=\"operation\" hidden"));
        });
    }

    [Test]
    public void Report_without_any_linted_document_says_so()
    {
        var html = ReportFixtures.Html(ReportFixtures.Lint("minimal-codes", "broken.openapi.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p>No document could be linted.</p>"));
            Assert.That(html, Does.Contain("<li class=\"load-error\"><code class=\"location\">broken.openapi.yaml:3:10</code> <span class=\"code\">OAL9001</span> <span class=\"message\">invalid YAML: the YAML is malformed</span></li>"));
            Assert.That(html, Does.Contain("<p class=\"outcome outcome-failed\" data-outcome=\"failed\">1 file could not be linted</p>"));
        });
    }

    /// <summary>The built-in templates write no markup of their own through <c>raw</c>: their values are all escaped.</summary>
    [Test]
    public void Built_in_templates_never_ask_for_raw_output()
    {
        foreach (var name in ReportTemplate.BuiltInNames)
        {
            var tags = Regex.Matches(ReportTemplate.GetBuiltInText(name), "\\{\\{.*?\\}\\}", RegexOptions.Singleline).Select(match => match.Value);
            Assert.That(tags.Where(tag => !tag.StartsWith("{{#", StringComparison.Ordinal) && Regex.IsMatch(tag, "\\braw\\b")), Is.Empty, name);
        }
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string WebUtilityDecode(string value) => System.Net.WebUtility.HtmlDecode(value);

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<script>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("sha256-[A-Za-z0-9+/]+(&#x3D;|=)*")]
    private static partial Regex Hash();

    [GeneratedRegex("(?:src|href)=\"[^\"]*\"")]
    private static partial Regex SourceOrHref();
}
