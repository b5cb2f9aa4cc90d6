using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace OpenApiLint.MSBuild;

/// <summary>How many findings went out as what: the numbers of the summary line.</summary>
internal sealed class Tally
{
    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Messages { get; private set; }

    public int Suppressed { get; private set; }

    public void Add(LoggedAs loggedAs)
    {
        switch (loggedAs)
        {
            case LoggedAs.Error: Errors++; break;
            case LoggedAs.Warning: Warnings++; break;
            case LoggedAs.Message: Messages++; break;
            default: Suppressed++; break;
        }
    }

    public override string ToString()
    {
        var text = $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(Messages, "message")}";
        return Suppressed > 0 ? $"{text} ({Suppressed} suppressed by NoWarn)" : text;
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

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

/// <summary>Full paths, as the compiler prints them, unless the project sets GenerateFullPaths to false.</summary>
internal sealed class PathDisplay(bool fullPaths, string projectDirectory)
{
    public string Show(string fullPath)
    {
        if (fullPaths)
        {
            return fullPath;
        }

        var relative = Path.GetRelativePath(projectDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
