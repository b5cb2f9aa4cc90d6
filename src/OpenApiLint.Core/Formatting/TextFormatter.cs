using System.Globalization;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// The terminal and log format: one line per finding in the canonical MSBuild form
/// <c>path(line,col): error OAL0001: message</c>, which IDEs and CI logs turn into links, under it (unless
/// <see cref="ReportOptions.IncludeRationale"/> is off) an indented <c>= note: severity from “guideline”: sentence</c>
/// line saying which severity applied and the guideline sentence it came from, then a summary line.
/// A finding located in the project's C# is reported there, the document position appended to the message.
/// Load errors read <c>path(line,col): error OAL9001: message</c>, with their load-error code. Colors only when <see cref="ReportOptions.Color"/> asks.
/// </summary>
public sealed class TextFormatter(ReportOptions options) : IReportFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Green = "\u001b[32m";

    public ReportOptions Options { get; } = options;

    public string Name => "text";

    public void Write(LintReport report, TextWriter writer)
    {
        string Show(string file) => FilePaths.Relative(file, report.WorkingDirectory);
        var lines = report.Diagnostics
            .Select(diagnostic => (Diagnostic: diagnostic, Reported: Declarations.Reported(diagnostic, Show)))
            .Select(pair => new Line(
                Show(pair.Reported.Location.File),
                pair.Reported.Location.Line,
                pair.Reported.Location.Column,
                pair.Diagnostic.RuleId,
                pair.Diagnostic.Severity,
                pair.Reported.Message)
            {
                Rationale = pair.Diagnostic.Rationale,
                Guideline = pair.Diagnostic.Guideline,
                SeverityFrom = pair.Diagnostic.SeverityFrom,
                SeverityRationale = pair.Diagnostic.SeverityRationale,
                SeveritySetIn = pair.Diagnostic.SeveritySetIn,
                SeverityGuideline = pair.Diagnostic.SeverityGuideline,
            })
            .ToList();
        if (Options.IncludeLoadErrors)
        {
            lines.AddRange(report.Errors.Select(error => new Line(
                FilePaths.Relative(error.File, report.WorkingDirectory), error.Line, error.Column, error.Code, Severity.Error, error.Message)));
        }

        lines.Sort(Line.Order);
        foreach (var line in lines)
        {
            writer.WriteLine(Format(line));

            // Indented, so a log parser that reads "file(line,col): severity ID: message" lines skips it, as it skips a
            // compiler's "= note:" lines.
            // A severity a team set without a sentence is still said, with where it was set, when no sentence is quoted.
            if (Options.IncludeRationale && (line.Rationale is not null || line.SeveritySetIn is not null))
            {
                var setBy = line.SeverityFrom is { } setting ? $" ({setting})" : "";
                var from = line.Guideline is { } guideline ? $" from “{guideline}”" : "";
                var sentence = line.Rationale is { } rationale ? $": {OneLine(rationale)}" : "";
                writer.WriteLine($"    = note: {line.Severity.ToName()}{setBy}{from}{sentence}");
                if (line.SeverityRationale is { } why)
                {
                    // Cited like the first line's sentence when another file wrote it (a team's rule sentence under a
                    // built-in's requirement sentence); the same file is not named twice.
                    var whyFrom = line.SeverityGuideline is { } file && file != line.Guideline ? $" from “{file}”" : "";
                    writer.WriteLine($"    = note: {line.SeverityFrom}{whyFrom}: {OneLine(why)}");
                }
            }
        }

        if (Options.IncludeSummary)
        {
            foreach (var entry in report.Baseline?.Absent ?? [])
            {
                writer.WriteLine($"{FilePaths.Relative(Path.GetFullPath(entry.Document, report.Baseline!.Baseline.Folder), report.WorkingDirectory)}: fixed, no longer found: {entry.Fingerprint}{(entry.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (×{entry.Count})") : "")}");
            }

            writer.WriteLine(Summary(report));
        }
    }

    /// <summary>
    /// The closing line: counts by severity, how many files were read and the rulesets that applied, then how many findings were kept but not
    /// printed (suppressed in the document, known to the baseline) and how many baseline entries no longer occur.
    /// </summary>
    public string Summary(LintReport report)
    {
        var errors = report.Count(Severity.Error);
        var warnings = report.Count(Severity.Warning);
        var infos = report.Count(Severity.Info);
        var notLinted = report.Results.Count(result => !result.Linted);
        var text = $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")} in {Plural(report.Results.Count, "file")}";

        // Which ruleset applied is the first question when a finding surprises: a team file found (or not) above.
        var rulesets = report.Results.Where(result => result.Ruleset is not null).Select(result => result.Ruleset!.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (rulesets.Length > 0)
        {
            text += $" (ruleset{(rulesets.Length > 1 ? "s" : "")} {string.Join(", ", rulesets)})";
        }

        if (notLinted > 0)
        {
            text += $"; {Plural(notLinted, "file")} could not be linted";
        }

        // Webhooks and callbacks are skipped by default (their responses are the subscriber's): never silently.
        if (report.SkippedOperations is { } skipped)
        {
            text += "; " + skipped;
        }

        var suppressed = report.CountSuppressed(SuppressionKind.InSource);
        if (suppressed > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {suppressed} suppressed in the document");
        }

        if (report.Baseline is { } baseline)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {baseline.Matched} known to the baseline");
            if (baseline.AbsentCount > 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $", {baseline.AbsentCount} no longer found");
            }
        }

        var color = errors > 0 || notLinted > 0 ? Red : warnings > 0 ? Yellow : Green;
        return Paint(text, color);
    }

    private string Format(Line line)
    {
        var position = line.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"({line.LineNumber},{Math.Max(line.Column, 1)})")
            : "";
        var category = line.RuleId.Length == 0
            ? Paint("error", Red) + ":"
            : Paint($"{line.Severity.ToName()} {line.RuleId}", ColorOf(line.Severity)) + ":";
        return $"{line.File}{position}: {category} {line.Message}";
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => Options.Color ? color + text + Reset : text;

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Line(string File, int LineNumber, int Column, string RuleId, Severity Severity, string Message)
    {
        /// <summary>The guideline sentence behind the finding and its severity, shown under it unless <c>--no-why</c>.</summary>
        public string? Rationale { get; init; }

        /// <summary>The title of the guideline the sentence comes from.</summary>
        public string? Guideline { get; init; }

        /// <summary>The ruleset setting the severity comes from, when not the requirement's own.</summary>
        public string? SeverityFrom { get; init; }

        /// <summary>That setting's sentence, when it has its own.</summary>
        public string? SeverityRationale { get; init; }

        /// <summary>The title of the file that wrote <see cref="SeverityRationale"/>.</summary>
        public string? SeverityGuideline { get; init; }

        /// <summary>The file that set the severity without a sentence, when the note names it.</summary>
        public string? SeveritySetIn { get; init; }

        public static IComparer<Line> Order { get; } = Comparer<Line>.Create(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.File, b.File);
            if (byFile != 0) return byFile;
            var byLine = a.LineNumber.CompareTo(b.LineNumber);
            if (byLine != 0) return byLine;
            var byColumn = a.Column.CompareTo(b.Column);
            if (byColumn != 0) return byColumn;
            var byRule = string.CompareOrdinal(a.RuleId, b.RuleId);
            return byRule != 0 ? byRule : string.CompareOrdinal(a.Message, b.Message);
        });
    }
}
