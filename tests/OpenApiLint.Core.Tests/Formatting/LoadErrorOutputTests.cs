using System.Text.Json;
using System.Xml.Linq;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Core.Tests.Formatting;

/// <summary>
/// One kind of failure in every output: a document, ruleset or baseline that cannot be used carries its code
/// (<c>OAL9001</c>…) in the text, JSON, SARIF, JUnit and GitHub outputs alike, as the build logs it.
/// </summary>
[TestFixture]
public sealed class LoadErrorOutputTests
{
    private static readonly string Work = Path.Combine(Path.GetTempPath(), "work");

    private static readonly LoadError[] Errors =
    [
        new(Path.Combine(Work, "broken.json"), 8, 1, "invalid JSON: the document ends early"),
        new(Path.Combine(Work, ".openapi-lint.json"), 3, 14, "Value \"fatal\" is not defined in enum at 'rules.OAL0001'") { Code = LoadErrorCodes.RulesetNotLoaded },
        new(Path.Combine(Work, "openapi-lint.baseline.json"), 0, 0, "file not found") { Code = LoadErrorCodes.BaselineNotLoaded },
    ];

    private static string Render(string format)
    {
        var results = Errors.Select(error => new LintResult(error.File, null, null, [], [error])).ToArray();
        var report = new LintReport(results, "openapi-lint", "1.0.0", Work, DateTimeOffset.UnixEpoch);
        using var writer = new StringWriter { NewLine = "\n" };
        ReportFormatters.Create(format, new ReportOptions())!.Write(report, writer);
        return writer.ToString();
    }

    [Test]
    public void Text_prints_each_with_its_code()
    {
        // Sorted by file, as findings are.
        Assert.That(Render("text").Split('\n').Take(3), Is.EqualTo(new[]
        {
            ".openapi-lint.json(3,14): error OAL9002: Value \"fatal\" is not defined in enum at 'rules.OAL0001'",
            "broken.json(8,1): error OAL9001: invalid JSON: the document ends early",
            "openapi-lint.baseline.json: error OAL9006: file not found",
        }));
    }

    [Test]
    public void Json_load_errors_carry_their_code()
    {
        using var json = JsonDocument.Parse(Render("json"));

        Assert.That(json.RootElement.GetProperty("loadErrors").EnumerateArray().Select(error => $"{error.GetProperty("code").GetString()} {error.GetProperty("file").GetString()}"),
            Is.EqualTo(new[] { "OAL9001 broken.json", "OAL9002 .openapi-lint.json", "OAL9006 openapi-lint.baseline.json" }));
    }

    [Test]
    public void Sarif_notifications_name_their_code_and_the_driver_describes_it()
    {
        using var sarif = JsonDocument.Parse(Render("sarif"));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var descriptors = run.GetProperty("tool").GetProperty("driver").GetProperty("notifications").EnumerateArray().ToArray();
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(descriptors.Select(descriptor => descriptor.GetProperty("id").GetString()), Is.EqualTo(new[] { "OAL9001", "OAL9002", "OAL9006" }), "the codes the log uses");
            Assert.That(notifications.Select(notification => notification.GetProperty("descriptor").GetProperty("id").GetString()), Is.EqualTo(new[] { "OAL9001", "OAL9002", "OAL9006" }));
            // The index points at the descriptor of that code.
            Assert.That(notifications.Select(notification => descriptors[notification.GetProperty("descriptor").GetProperty("index").GetInt32()].GetProperty("id").GetString()),
                Is.EqualTo(new[] { "OAL9001", "OAL9002", "OAL9006" }));
            Assert.That(notifications.Select(notification => notification.GetProperty("message").GetProperty("text").GetString()), Is.EqualTo(Errors.Select(error => error.Message)));
        });
    }

    [Test]
    public void JUnit_error_cases_are_typed_by_their_code()
    {
        var xml = XDocument.Parse(Render("junit"));

        Assert.That(xml.Descendants("error").Select(error => (string?)error.Attribute("type")), Is.EquivalentTo(new[] { "OAL9001", "OAL9002", "OAL9006" }));
    }

    [Test]
    public void GitHub_annotations_are_titled_with_their_code()
    {
        var lines = Render("github").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines.Take(3), Is.EqualTo(new[]
        {
            "::error file=broken.json,line=8,col=1,title=openapi-lint OAL9001%3A could not be linted::invalid JSON: the document ends early",
            "::error file=.openapi-lint.json,line=3,col=14,title=openapi-lint OAL9002%3A could not be linted::Value \"fatal\" is not defined in enum at 'rules.OAL0001'",
            "::error file=openapi-lint.baseline.json,title=openapi-lint OAL9006%3A could not be linted::file not found",
        }));
    }
}
