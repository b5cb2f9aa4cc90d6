using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace OpenApiLint.MSBuild;

/// <summary>
/// Logs findings as real MSBuild errors, warnings and messages: code, file, line, column (end line and column on
/// request), help keyword and link, so IDEs and CI make them clickable and NoWarn-style settings can name them.
/// Without end positions MSBuild prints the canonical <c>file(line,col): error OAL0001: message</c>.
/// </summary>
internal sealed class FindingLogger(TaskLoggingHelper log, WarningPolicy policy, PathDisplay paths, bool endPositions)
{
    public Tally Tally { get; } = new();

    public void Log(BuildFinding finding)
    {
        var loggedAs = policy.Apply(finding.Code, finding.Severity);
        Tally.Add(loggedAs);
        var file = finding.File is null ? null : paths.Show(finding.File);
        var (line, column) = (finding.Line, finding.Column);
        var (endLine, endColumn) = endPositions ? (finding.EndLine, finding.EndColumn) : (0, 0);

        // No subcategory: MSBuild would print it between the position and "error", breaking the canonical
        // `file(line,col): error CODE: message` form that IDEs and CI problem matchers read.
        // The message goes in as an argument, never as the format: path templates hold braces ({id}).
        switch (loggedAs)
        {
            case LoggedAs.Error:
                log.LogError(null, finding.Code, finding.Code, finding.HelpLink, file, line, column, endLine, endColumn, "{0}", finding.Message);
                break;
            case LoggedAs.Warning:
                log.LogWarning(null, finding.Code, finding.Code, finding.HelpLink, file, line, column, endLine, endColumn, "{0}", finding.Message);
                break;
            case LoggedAs.Message:
                log.LogMessage(null, finding.Code, finding.Code, file, line, column, endLine, endColumn, MessageImportance.Normal, "{0}", finding.Message);
                break;
            default:
                log.LogMessage(null, finding.Code, finding.Code, file, line, column, endLine, endColumn, MessageImportance.Low, "{0} (warning suppressed by NoWarn)", finding.Message);
                break;
        }
    }
}
