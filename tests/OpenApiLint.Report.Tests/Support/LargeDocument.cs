using System.Globalization;
using System.Text;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Report.Tests.Support;

/// <summary>
/// A large synthetic document written minified on one line, as published documents often are: many operations, each
/// POST declaring 200 (which minimal-codes refuses), with long descriptions so the one line is megabytes long.
/// </summary>
internal static class LargeDocument
{
    /// <summary>
    /// Writes the document with <paramref name="operations"/> paths (a GET and a POST each); every GET also declares
    /// <paramref name="moreGetCodes"/>, which widens the status-code matrix.
    /// </summary>
    public static string Write(string folder, int operations, params string[] moreGetCodes)
    {
        var more = string.Concat(moreGetCodes.Select(code => $",\"{code}\":{{\"description\":\"also\"}}"));
        var text = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Large minified API\",\"version\":\"1\"},\"paths\":{");
        var padding = new string('x', 400);
        for (var index = 0; index < operations; index++)
        {
            text.Append(index == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $"\"/items/{index}\":{{\"get\":{{\"description\":\"{padding}\",\"responses\":{{\"200\":{{\"description\":\"ok\",\"content\":{{\"application/json\":{{\"schema\":{{\"type\":\"object\"}}}}}}}}{more}}}}},")
                .Append(CultureInfo.InvariantCulture, $"\"post\":{{\"operationId\":\"create{index}\",\"description\":\"{padding}\",\"responses\":{{\"200\":{{\"description\":\"created\"}}}}}}}}");
        }

        text.Append("}}");
        var path = Path.Combine(folder, "large.openapi.json");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static LintReport Lint(string path)
    {
        var runner = new LintRunner(new RulesetResolver("minimal-codes", Path.GetDirectoryName(path)!));
        var results = runner.LintFiles([path], maxParallelism: 1);
        return new LintReport(results, "openapi-lint", ReportFixtures.ToolVersion, Path.GetDirectoryName(path)!, ReportFixtures.Timestamp);
    }
}
