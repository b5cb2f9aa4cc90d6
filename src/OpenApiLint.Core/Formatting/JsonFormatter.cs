using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// The machine-readable format, with a stable, documented schema (docs/json-format.md): <c>tool</c>, <c>ruleset</c>,
/// <c>files</c>, <c>summary</c>, <c>diagnostics</c> and <c>loadErrors</c>. Fields are only ever added, never renamed or
/// removed, within one <c>schemaVersion</c>.
/// </summary>
public sealed class JsonFormatter : IReportFormatter
{
    /// <summary>The version of the schema this formatter writes.</summary>
    public const int SchemaVersion = 1;

    public string Name => "json";

    public void Write(LintReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // The report is read by programs and people, never embedded in HTML: keep quotes and non-ASCII readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteReport(json, report);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }

    private static void WriteReport(Utf8JsonWriter json, LintReport report)
    {
        var directory = report.WorkingDirectory;
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);

        json.WriteStartObject("tool");
        json.WriteString("name", report.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();

        var rulesets = report.Results.Select(result => result.Ruleset).OfType<Ruleset>().Distinct().ToArray();
        json.WritePropertyName("ruleset");
        if (rulesets.Length == 1)
        {
            WriteRuleset(json, rulesets[0], directory);
        }
        else
        {
            // None loaded, or documents under different team files: each file entry names its own.
            json.WriteNullValue();
        }

        json.WriteStartArray("files");
        foreach (var result in report.Results.OrderBy(result => FilePaths.Relative(result.File, directory), StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("file", FilePaths.Relative(result.File, directory));
            json.WriteBoolean("linted", result.Linted);
            WriteStringOrNull(json, "ruleset", result.Ruleset?.Name);
            WriteStringOrNull(json, "rulesetFile", result.Ruleset?.FilePath is { } rulesetFile ? FilePaths.Relative(rulesetFile, directory) : null);
            WriteStringOrNull(json, "specVersion", result.Document?.SpecVersion);
            WriteStringOrNull(json, "title", result.Document?.Title);
            json.WriteNumber("operationCount", result.Document?.Operations.Count ?? 0);
            json.WriteNumber("errorCount", result.Count(Severity.Error));
            json.WriteNumber("warningCount", result.Count(Severity.Warning));
            json.WriteNumber("infoCount", result.Count(Severity.Info));
            json.WriteNumber("loadErrorCount", result.Errors.Count);
            json.WriteNumber("suppressedCount", result.CountSuppressed(SuppressionKind.InSource));
            json.WriteNumber("baselinedCount", result.CountSuppressed(SuppressionKind.Baseline));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("summary");
        json.WriteNumber("fileCount", report.Results.Count);
        json.WriteNumber("lintedFileCount", report.Results.Count(result => result.Linted));
        json.WriteNumber("notLintedFileCount", report.Results.Count(result => !result.Linted));
        json.WriteNumber("errorCount", report.Count(Severity.Error));
        json.WriteNumber("warningCount", report.Count(Severity.Warning));
        json.WriteNumber("infoCount", report.Count(Severity.Info));
        json.WriteNumber("loadErrorCount", report.Errors.Count);
        json.WriteNumber("suppressedCount", report.CountSuppressed(SuppressionKind.InSource));
        json.WriteNumber("baselinedCount", report.CountSuppressed(SuppressionKind.Baseline));
        json.WriteEndObject();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.AllFindings)
        {
            WriteDiagnostic(json, diagnostic, directory, report);
        }

        json.WriteEndArray();

        json.WritePropertyName("baseline");
        if (report.Baseline is { } baseline)
        {
            json.WriteStartObject();
            json.WriteString("file", FilePaths.Relative(baseline.Baseline.FilePath, directory));
            json.WriteNumber("matchedCount", baseline.Matched);
            json.WriteNumber("absentCount", baseline.AbsentCount);
            json.WriteStartArray("absent");
            foreach (var entry in baseline.Absent)
            {
                json.WriteStartObject();
                json.WriteString("document", FilePaths.Relative(Path.GetFullPath(entry.Document, baseline.Baseline.Folder), directory));
                json.WriteString("ruleId", entry.Fingerprint.RuleId);
                WriteStringOrNull(json, "method", entry.Fingerprint.Method);
                WriteStringOrNull(json, "path", entry.Fingerprint.Path);
                WriteStringOrNull(json, "statusCode", entry.Fingerprint.StatusCode);
                WriteStringOrNull(json, "subject", entry.Fingerprint.Subject);
                json.WriteString("fingerprint", entry.Fingerprint.ToString());
                json.WriteNumber("count", entry.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("loadErrors");
        foreach (var error in report.Errors)
        {
            json.WriteStartObject();
            json.WriteString("code", error.Code);
            json.WriteString("file", FilePaths.Relative(error.File, directory));
            WritePosition(json, "line", error.Line);
            WritePosition(json, "column", error.Line > 0 ? Math.Max(error.Column, 1) : 0);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRuleset(Utf8JsonWriter json, Ruleset ruleset, string directory)
    {
        json.WriteStartObject();
        json.WriteString("name", ruleset.Name);
        WriteStringOrNull(json, "title", ruleset.Title);
        WriteStringOrNull(json, "file", ruleset.FilePath is { } file ? FilePaths.Relative(file, directory) : null);
        json.WriteStartArray("extends");
        foreach (var parent in ruleset.Extends)
        {
            json.WriteStringValue(BuiltInRulesets.Exists(parent) ? parent : FilePaths.Relative(parent, directory));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic, string directory, LintReport report)
    {
        var descriptor = report.RuleOf(diagnostic.RuleId)?.Descriptor;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.RuleId);
        WriteStringOrNull(json, "ruleName", descriptor?.Name);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        WriteLocation(json, diagnostic.Location, directory);
        DiagnosticJson.WriteScope(json, diagnostic);
        if (diagnostic.Subject is not null)
        {
            json.WriteString("subject", diagnostic.Subject);
        }

        json.WriteString("fingerprint", diagnostic.Fingerprint.ToString());
        json.WritePropertyName("suppressed");
        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "baseline");
            WriteStringOrNull(json, "justification", suppression.Justification);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        if (descriptor is not null)
        {
            json.WriteString("helpUri", descriptor.HelpUri);
        }

        if (diagnostic.Declaration is { } declaration)
        {
            // Only when located (a lint given the project), so documents linted alone keep their exact output.
            json.WriteStartObject("declaration");
            WriteLocation(json, declaration, directory, pointer: false);
            json.WriteEndObject();
        }

        if (diagnostic.RelatedLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            foreach (var related in diagnostic.RelatedLocations)
            {
                json.WriteStartObject();
                WriteLocation(json, related, directory);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location, string directory, bool pointer = true)
    {
        json.WriteString("file", FilePaths.Relative(location.File, directory));
        WritePosition(json, "line", location.Line);
        WritePosition(json, "column", location.Column);
        WritePosition(json, "endLine", location.EndLine);
        WritePosition(json, "endColumn", location.EndColumn);
        if (pointer)
        {
            json.WriteString("pointer", location.Pointer);
        }
    }

    /// <summary>Positions are 1-based; an unknown one is <c>null</c> rather than a made-up 0.</summary>
    private static void WritePosition(Utf8JsonWriter json, string name, int value)
    {
        if (value > 0)
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
