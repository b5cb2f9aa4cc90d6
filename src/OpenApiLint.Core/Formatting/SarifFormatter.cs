using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// SARIF 2.1.0, as GitHub code scanning and other viewers read it: one run whose driver lists the rules it refers to (help text,
/// help link, default level), one result per diagnostic with its region, and file URIs relative to the working folder
/// (<c>%SRCROOT%</c> in <c>originalUriBaseIds</c>). A diagnostic located in the project's C# has that as its location
/// and the document position as its first related location. Load errors become tool execution notifications whose descriptor is their code (<c>OAL9001</c>), listed in the driver's <c>notifications</c>.
/// The mapping follows Roslyn's SarifV2ErrorLogger.
/// </summary>
public sealed class SarifFormatter : IReportFormatter
{
    /// <summary>The base id relative artifact URIs are resolved against.</summary>
    public const string SourceRootBaseId = "%SRCROOT%";

    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public string Name => "sarif";

    public void Write(LintReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteLog(json, report);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }

    /// <summary>The project page: the help links' repository, without the path to the rule pages.</summary>
    public static string InformationUri
    {
        get
        {
            var cut = RuleIds.HelpBaseUri.IndexOf("/blob/", StringComparison.Ordinal);
            return cut > 0 ? RuleIds.HelpBaseUri[..cut] : RuleIds.HelpBaseUri;
        }
    }

    private static void WriteLog(Utf8JsonWriter json, LintReport report)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        var rules = ReferencedRules(report);
        var ruleIndex = rules.Select((rule, index) => (rule.Descriptor.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var notifications = LoadErrorCodes.All.Where(known => report.Errors.Any(error => error.Code == known.Code)).ToArray();
        WriteTool(json, report, rules, notifications);
        WriteInvocation(json, report, notifications);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootBaseId);
        json.WriteString("uri", FilePaths.FolderUri(report.WorkingDirectory));
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var diagnostic in report.AllFindings)
        {
            WriteResult(json, diagnostic, ruleIndex, report.WorkingDirectory, report.Baseline is not null);
        }

        if (report.Baseline is { } baseline)
        {
            foreach (var entry in baseline.Absent)
            {
                WriteAbsentResult(json, entry, ruleIndex, baseline.Baseline.Folder, report.WorkingDirectory);
            }
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The rules the log refers to, in id order: those of its results (and of a baseline's absent entries). A log lists
    /// what it uses, as Roslyn's does, so that a new rule changes no log that does not report it.
    /// </summary>
    private static IRule[] ReferencedRules(LintReport report) =>
        report.AllFindings.Select(diagnostic => diagnostic.RuleId)
            .Concat(report.Baseline?.Absent.Select(entry => entry.Fingerprint.RuleId) ?? [])
            .Distinct(StringComparer.Ordinal)
            .Select(report.RuleOf)
            .OfType<IRule>()
            .OrderBy(rule => rule.Descriptor.Id, StringComparer.Ordinal)
            .ToArray();

    private static void WriteTool(Utf8JsonWriter json, LintReport report, IReadOnlyList<IRule> rules, IReadOnlyList<(string Code, string Name, string Title)> notifications)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", report.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteString("semanticVersion", report.ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        // Like the rules, the codes of the load errors this log has, in code order.
        json.WriteStartArray("notifications");
        foreach (var (code, name, title) in notifications)
        {
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteString("name", name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", title);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<(string Code, string Name, string Title)> notifications, string code)
    {
        for (var i = 0; i < notifications.Count; i++)
        {
            if (notifications[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteRule(Utf8JsonWriter json, IRule rule)
    {
        var descriptor = rule.Descriptor;
        var help = RuleHelp.For(rule);
        // Relative links of the page resolve where the page lives (a rule shipped elsewhere names its own help).
        var body = help.Body(descriptor.HelpUri[..(descriptor.HelpUri.LastIndexOf('/') + 1)]);
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", descriptor.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", descriptor.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", help.Summary);
        json.WriteEndObject();
        // The help page itself, from its first section on: the same words as explain and the page.
        json.WriteStartObject("help");
        json.WriteString("text", RuleHelp.PlainText(body) + $"\n\n{descriptor.Id} documentation: {descriptor.HelpUri}");
        json.WriteString("markdown", $"{body}\n\n[{descriptor.Id} documentation]({descriptor.HelpUri})");
        json.WriteEndObject();
        json.WriteString("helpUri", descriptor.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(descriptor.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("openapi");
        json.WriteStringValue("http");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, LintReport report, IReadOnlyList<(string Code, string Name, string Title)> notifications)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Errors.Count == 0);
        json.WriteString("startTimeUtc", report.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteStartObject("workingDirectory");
        json.WriteString("uri", FilePaths.FolderUri(report.WorkingDirectory));
        json.WriteEndObject();
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in report.Errors)
        {
            json.WriteStartObject();
            // The load error's code (OAL9001…), as the text output and the build print it; described in driver.notifications.
            json.WriteStartObject("descriptor");
            json.WriteString("id", error.Code);
            if (IndexOf(notifications, error.Code) is var index and >= 0)
            {
                json.WriteNumber("index", index);
            }

            json.WriteEndObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", error.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, error.File, error.Line, Math.Max(error.Column, 1), 0, 0, report.WorkingDirectory);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, IReadOnlyDictionary<string, int> rules, string workingDirectory, bool withBaseline)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.RuleId);
        if (rules.TryGetValue(diagnostic.RuleId, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        // Located in the project's C#: code scanning annotates that line; the document position becomes related.
        var location = diagnostic.Location;
        var shown = diagnostic.Declaration ?? location;
        WritePhysicalLocation(json, shown.File, shown.Line, shown.Column, shown.EndLine, shown.EndColumn, workingDirectory);
        if (diagnostic.Method is not null && diagnostic.Path is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", $"{diagnostic.Method.ToUpperInvariant()} {diagnostic.Path}");
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        if (diagnostic.RelatedLocations.Count > 0 || diagnostic.Declaration is not null)
        {
            json.WriteStartArray("relatedLocations");
            var id = 1;
            if (diagnostic.Declaration is not null)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, location.File, location.Line, location.Column, location.EndLine, location.EndColumn, workingDirectory);
                json.WriteStartObject("message");
                json.WriteString("text", "OpenAPI document");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            foreach (var related in diagnostic.RelatedLocations)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                WritePhysicalLocation(json, related.File, related.Line, related.Column, related.EndLine, related.EndColumn, workingDirectory);
                json.WriteStartObject("message");
                json.WriteString("text", "definition");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprint.SarifKey, diagnostic.Fingerprint.ToString());
        json.WriteEndObject();

        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
            json.WriteString("status", "accepted");
            if (suppression.Justification is not null)
            {
                json.WriteString("justification", suppression.Justification);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (withBaseline)
        {
            // "unchanged": the baseline knew it; "new": it did not (whether or not the document suppresses it).
            json.WriteString("baselineState", diagnostic.Suppression?.Kind == SuppressionKind.Baseline ? "unchanged" : "new");
        }

        json.WriteStartObject("properties");
        json.WriteString("pointer", location.Pointer);
        DiagnosticJson.WriteScope(json, diagnostic);

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A baseline entry no linted document produces any more: SARIF's <c>absent</c> result, at the document and the
    /// operation it was about, as a <c>pass</c> (so it is never taken for a problem).
    /// </summary>
    private static void WriteAbsentResult(Utf8JsonWriter json, Baselines.BaselineEntry entry, IReadOnlyDictionary<string, int> rules, string baselineFolder, string workingDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", entry.Fingerprint.RuleId);
        if (rules.TryGetValue(entry.Fingerprint.RuleId, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("kind", "pass");
        json.WriteString("level", "none");
        json.WriteStartObject("message");
        json.WriteString("text", $"no longer found: {entry.Fingerprint}{(entry.Count > 1 ? $" (×{entry.Count})" : "")}; the baseline entry can be dropped (write the baseline again)");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, Path.GetFullPath(entry.Document, baselineFolder), 0, 0, 0, 0, workingDirectory);
        if (entry.Fingerprint.Method is not null && entry.Fingerprint.Path is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", $"{entry.Fingerprint.Method.ToUpperInvariant()} {entry.Fingerprint.Path}");
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprint.SarifKey, entry.Fingerprint.ToString());
        json.WriteEndObject();
        json.WriteString("baselineState", "absent");
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, string file, int line, int column, int endLine, int endColumn, string workingDirectory)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (FilePaths.IsInside(file, workingDirectory))
        {
            json.WriteString("uri", FilePaths.RelativeUri(FilePaths.Relative(file, workingDirectory)));
            json.WriteString("uriBaseId", SourceRootBaseId);
        }
        else
        {
            json.WriteString("uri", FilePaths.FileUri(file, workingDirectory));
        }

        json.WriteEndObject();
        if (line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteNumber("startColumn", Math.Max(column, 1));
            if (endLine >= line && endLine > 0)
            {
                json.WriteNumber("endLine", endLine);
                if (endColumn > 0 && (endLine > line || endColumn > column))
                {
                    json.WriteNumber("endColumn", endColumn);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };
}
