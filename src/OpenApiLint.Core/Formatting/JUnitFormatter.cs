namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the junit format is being written; see the open issue.</summary>
public sealed class JUnitFormatter : IReportFormatter
{
    public string Name => "junit";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The junit format is not available yet.");
}
