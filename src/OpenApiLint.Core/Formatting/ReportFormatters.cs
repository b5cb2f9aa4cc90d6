namespace OpenApiLint.Core.Formatting;

/// <summary>Options some formats use; each format ignores what it does not need.</summary>
/// <param name="Color">ANSI colors (text format on a terminal only).</param>
/// <param name="TemplatePath">A team's own HTML template file or folder (html format).</param>
/// <param name="IncludeLoadErrors">
/// Whether the text format lists load errors among the findings. The tool turns it off when the report goes to the
/// terminal, because it already writes each load error to stderr.
/// </param>
/// <param name="IncludeSummary">Whether the text format ends with its summary line (off for <c>--quiet</c>).</param>
/// <param name="IncludeRationale">
/// Whether the text format writes, under each finding, the severity that applied and the guideline sentence it comes
/// from (on by default; off with <c>--no-why</c>); JSON, SARIF and the HTML report always carry them.
/// </param>
public sealed record ReportOptions(bool Color = false, string? TemplatePath = null, bool IncludeLoadErrors = true, bool IncludeSummary = true, bool IncludeRationale = true);

/// <summary>The output formats by name: the single place the tool and the MSBuild task pick a formatter from.</summary>
public static class ReportFormatters
{
    /// <summary>Every format name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "junit", "github", "html"];

    /// <summary>The formatter for <paramref name="name"/>; <c>null</c> for an unknown name.</summary>
    public static IReportFormatter? Create(string name, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        return name.ToLowerInvariant() switch
        {
            "text" => new TextFormatter(options),
            "json" => new JsonFormatter(),
            "sarif" => new SarifFormatter(),
            "junit" => new JUnitFormatter(),
            "github" => new GitHubFormatter(),
            "html" => new HtmlFormatter(options),
            _ => null,
        };
    }
}
