namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the html format is being written; see the open issue.</summary>
public sealed class HtmlFormatter(ReportOptions options) : IReportFormatter
{
    public ReportOptions Options { get; } = options;

    public string Name => "html";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The html format is not available yet.");
}
