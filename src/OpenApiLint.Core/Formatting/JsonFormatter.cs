namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the json format is being written; see the open issue.</summary>
public sealed class JsonFormatter : IReportFormatter
{
    public string Name => "json";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The json format is not available yet.");
}
