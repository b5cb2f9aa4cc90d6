namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the sarif format is being written; see the open issue.</summary>
public sealed class SarifFormatter : IReportFormatter
{
    public string Name => "sarif";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The sarif format is not available yet.");
}
