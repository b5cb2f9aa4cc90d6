namespace OpenApiLint.Core.Formatting;

/// <summary>PLACEHOLDER: the github format is being written; see the open issue.</summary>
public sealed class GitHubFormatter : IReportFormatter
{
    public string Name => "github";

    public void Write(LintReport report, TextWriter writer) =>
        throw new NotSupportedException("The github format is not available yet.");
}
