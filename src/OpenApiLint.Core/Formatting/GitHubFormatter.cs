using System.Globalization;
using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// GitHub Actions workflow commands: <c>::error file=…,line=…,col=…::message</c> per finding (<c>warning</c>, and
/// <c>notice</c> for infos), which the runner turns into annotations on the pull request's diff. Paths are relative to
/// the working folder, which in a workflow is the checkout.
/// </summary>
public sealed class GitHubFormatter : IReportFormatter
{
    public string Name => "github";

    public void Write(LintReport report, TextWriter writer)
    {
        var directory = report.WorkingDirectory;
        foreach (var error in report.Errors)
        {
            var properties = new List<(string, string)> { ("file", FilePaths.Relative(error.File, directory)) };
            if (error.Line > 0)
            {
                properties.Add(("line", Number(error.Line)));
                properties.Add(("col", Number(Math.Max(error.Column, 1))));
            }

            properties.Add(("title", $"{report.ToolName} {error.Code}: could not be linted"));
            writer.WriteLine(Command("error", properties, error.Message));
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            var (location, message) = Declarations.Reported(diagnostic, file => FilePaths.Relative(file, directory));
            var properties = new List<(string, string)> { ("file", FilePaths.Relative(location.File, directory)) };
            if (location.HasPosition)
            {
                properties.Add(("line", Number(location.Line)));
                properties.Add(("col", Number(location.Column)));
                if (location.EndLine >= location.Line)
                {
                    properties.Add(("endLine", Number(location.EndLine)));
                    if (location.EndLine == location.Line && location.EndColumn > location.Column)
                    {
                        // GitHub takes endColumn only on a single-line annotation.
                        properties.Add(("endColumn", Number(location.EndColumn)));
                    }
                }
            }

            var title = report.RuleOf(diagnostic.RuleId) is { } rule ? $"{diagnostic.RuleId} {rule.Descriptor.Name}" : diagnostic.RuleId;
            properties.Add(("title", title));
            writer.WriteLine(Command(CommandName(diagnostic.Severity), properties, message));
        }
    }

    private static string CommandName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string Command(string name, IEnumerable<(string Key, string Value)> properties, string message)
    {
        var line = new StringBuilder("::").Append(name).Append(' ');
        line.AppendJoin(',', properties.Select(property => $"{property.Key}={EscapeProperty(property.Value)}"));
        return line.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>The runner's escaping for a command's message.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The runner's escaping for a property value, which also may not hold <c>:</c> or <c>,</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
