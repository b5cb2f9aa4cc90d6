using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;

namespace OpenApiLint.MSBuild;

/// <summary>
/// What a lint that passed leaves in obj/ so a build that skips the lint (nothing changed) can replay its warnings
/// and messages instead of making them vanish.
/// </summary>
/// <remarks>
/// Written and read member by member with System.Text.Json's writer and document rather than by its serializer: in a
/// fresh build node the serializer's reflection (converters, emitted accessors, generic metadata over int and
/// <see cref="Severity"/>) was JIT-compiled on every lint and every replay, about 80 methods for a file of a few
/// lines. The file is the same: camelCase names, indented, severities by name, nulls written.
/// </remarks>
/// <param name="Version">The task version that wrote it; a cache of another version is not trusted.</param>
/// <param name="Documents">How many documents were linted.</param>
/// <param name="Rulesets">Names of the rulesets they were checked against.</param>
/// <param name="Findings">The findings to replay (never errors: a lint with errors leaves no cache).</param>
/// <param name="Kept">What the summary line says of the findings kept but not reported (suppressed, baselined), to replay it.</param>
internal sealed record FindingCache(string Version, int Documents, IReadOnlyList<string> Rulesets, IReadOnlyList<BuildFinding> Findings, string Kept = "")
{
    public void Write(string path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteNumber("documents", Documents);
            json.WriteStartArray("rulesets");
            foreach (var ruleset in Rulesets)
            {
                json.WriteStringValue(ruleset);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", finding.Severity.ToName());
                json.WriteString("file", finding.File);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteString("message", finding.Message);
                json.WriteString("helpLink", finding.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("kept", Kept);
            json.WriteEndObject();
        }

        // A build cancelled mid-write must not leave a cache the next build would misread.
        AtomicFile.Write(path, System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The cache at <paramref name="path"/>, or <c>null</c> with the reason when it is missing or unreadable.</summary>
    public static (FindingCache? Cache, string? Problem) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var rulesets = new List<string>();
            if (Has(root, "rulesets", out var rulesetNames))
            {
                foreach (var name in rulesetNames.EnumerateArray())
                {
                    rulesets.Add(name.GetString() ?? throw new JsonException("a ruleset name is null"));
                }
            }

            var findings = new List<BuildFinding>();
            if (Has(root, "findings", out var findingObjects))
            {
                foreach (var finding in findingObjects.EnumerateArray())
                {
                    findings.Add(ReadFinding(finding));
                }
            }

            return (new FindingCache(
                String(root, "version") ?? throw new JsonException("the cache names no version"),
                Number(root, "documents"),
                rulesets,
                findings,
                String(root, "kept") ?? ""), null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a value of another kind than written (JsonElement's getters say which).
            return (null, error.Message);
        }
    }

    private static BuildFinding ReadFinding(JsonElement finding)
    {
        var severityName = String(finding, "severity");
        if (!SeverityNames.TryParse(severityName, out var severity) || severity.ToName() != severityName)
        {
            throw new JsonException($"'{severityName}' is not a severity");
        }

        return new BuildFinding(
            String(finding, "code") ?? throw new JsonException("a finding has no code"),
            severity,
            String(finding, "file"),
            Number(finding, "line"),
            Number(finding, "column"),
            Number(finding, "endLine"),
            Number(finding, "endColumn"),
            String(finding, "message") ?? throw new JsonException("a finding has no message"),
            String(finding, "helpLink"));
    }

    /// <summary>Whether <paramref name="owner"/> has the member <paramref name="name"/>, not null.</summary>
    private static bool Has(JsonElement owner, string name, out JsonElement value) =>
        owner.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? String(JsonElement owner, string name) => Has(owner, name, out var value) ? value.GetString() : null;

    private static int Number(JsonElement owner, string name) => Has(owner, name, out var value) ? value.GetInt32() : 0;
}
