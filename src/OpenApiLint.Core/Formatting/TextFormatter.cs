namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the text format is being written; see the open issue.</summary>
public sealed class TextFormatter(ReportOptions options) : IReportFormatter
{
    public ReportOptions Options { get; } = options;

    public string Name => "text";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The text format is not available yet.");
}
