using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Core.Baselines;

/// <summary>
/// The known findings of a legacy API, recorded once so that a run reports only new ones: a JSON file (stable, sorted,
/// one entry per line, with a <c>$schema</c> for editors) whose document paths are relative to its own folder, so it
/// works on every machine and in every checkout. Findings are matched by <see cref="Fingerprint"/>, never by position.
/// </summary>
public sealed class Baseline
{
    /// <summary>The baseline file MSBuild uses by default, beside the project, when it exists.</summary>
    public const string DefaultFileName = "openapi-lint.baseline.json";

    /// <summary>The version of the file format this code reads and writes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Where the file format's JSON Schema is published (docs/baseline.schema.json).</summary>
    public const string SchemaUri = "https://raw.githubusercontent.com/openapilint/openapilint/main/docs/baseline.schema.json";

    internal Baseline(string filePath, IReadOnlyList<BaselineEntry> entries)
    {
        FilePath = Path.GetFullPath(filePath);
        Folder = Path.GetDirectoryName(FilePath) ?? Directory.GetCurrentDirectory();
        var sorted = entries.ToList();
        sorted.Sort(BaselineEntry.Order);
        Entries = sorted;
    }

    /// <summary>The baseline file (full path).</summary>
    public string FilePath { get; }

    /// <summary>The folder document paths are relative to.</summary>
    public string Folder { get; }

    /// <summary>Every entry, sorted by document and fingerprint.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>How many findings the baseline knows (entries times their counts).</summary>
    public int FindingCount => Entries.Sum(entry => entry.Count);

    /// <summary>Reads a baseline file; a missing, malformed, truncated or foreign file is a load error at its position.</summary>
    public static BaselineLoadResult Load(string path) => BaselineReader.Load(path);

    /// <summary>Reads a baseline from its text, as if from <paramref name="path"/>.</summary>
    public static BaselineLoadResult Parse(string path, byte[] utf8) => BaselineReader.Parse(path, utf8);

    /// <summary>
    /// The baseline recording the findings of <paramref name="results"/> that are not suppressed in the document
    /// (those reported, and those a previous baseline matched), to be written at <paramref name="path"/>. Entries of
    /// <paramref name="previous"/> for documents this run did not lint are kept, so linting part of a repository does
    /// not forget the rest.
    /// </summary>
    public static Baseline Record(string path, IEnumerable<LintResult> results, Baseline? previous = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        var linted = new HashSet<string>(FilePaths.Comparer);
        var counts = new Dictionary<(string Document, Fingerprint Fingerprint), int>();
        foreach (var result in results.Where(result => result.Linted))
        {
            var document = RelativeDocument(result.File, folder);
            linted.Add(DocumentKey(document));
            foreach (var diagnostic in result.Diagnostics.Concat(result.Suppressed.Where(d => d.Suppression!.Kind == SuppressionKind.Baseline)))
            {
                var key = (document, diagnostic.Fingerprint);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var entries = counts.Select(pair => new BaselineEntry(pair.Key.Document, pair.Key.Fingerprint, pair.Value)).ToList();
        if (previous is not null)
        {
            entries.AddRange(previous.Entries
                .Select(entry => entry with { Document = RelativeDocument(Path.GetFullPath(entry.Document, previous.Folder), folder) })
                .Where(entry => !linted.Contains(DocumentKey(entry.Document))));
        }

        return new Baseline(path, entries);
    }

    /// <summary>
    /// Marks the findings of <paramref name="results"/> this baseline knows as suppressed by it (moving them from
    /// <see cref="LintResult.Diagnostics"/> to <see cref="LintResult.Suppressed"/>), and lists the entries no linted
    /// document produces any more. A finding matches an entry of its own document with the same fingerprint, or,
    /// failing that, one whose subject names more (a finding partly fixed: <c>Location</c> of <c>Location, ETag</c>);
    /// each entry matches as many findings as it counts.
    /// </summary>
    public BaselineComparison Apply(IReadOnlyList<LintResult> results)
    {
        var remaining = new Dictionary<string, List<(Fingerprint Fingerprint, int[] Left, BaselineEntry Entry)>>(FilePaths.Comparer);
        foreach (var entry in Entries)
        {
            var key = DocumentKey(entry.Document);
            if (!remaining.TryGetValue(key, out var list))
            {
                remaining[key] = list = [];
            }

            list.Add((entry.Fingerprint, [entry.Count], entry));
        }

        var applied = new List<LintResult>(results.Count);
        var matched = 0;
        var lintedKeys = new HashSet<string>(FilePaths.Comparer);
        foreach (var result in results)
        {
            if (!result.Linted)
            {
                applied.Add(result);
                continue;
            }

            var key = DocumentKey(RelativeDocument(result.File, Folder));
            lintedKeys.Add(key);
            if (!remaining.TryGetValue(key, out var known))
            {
                applied.Add(result);
                continue;
            }

            var isKnown = new bool[result.Diagnostics.Count];
            // Exact fingerprints first, so a narrower match never takes the entry another finding matches exactly.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < result.Diagnostics.Count; i++)
                {
                    if (isKnown[i])
                    {
                        continue;
                    }

                    var fingerprint = result.Diagnostics[i].Fingerprint;
                    foreach (var (entryFingerprint, left, _) in known)
                    {
                        if (left[0] > 0 && (pass == 0 ? entryFingerprint == fingerprint : fingerprint.IsNarrowingOf(entryFingerprint)))
                        {
                            left[0]--;
                            isKnown[i] = true;
                            matched++;
                            break;
                        }
                    }
                }
            }

            var reported = result.Diagnostics.Where((_, i) => !isKnown[i]).ToList();
            var baselined = result.Diagnostics.Where((_, i) => isKnown[i]).Select(d => d with { Suppression = Suppression.ByBaseline });
            var suppressed = result.Suppressed.Concat(baselined).ToList();
            suppressed.Sort(Diagnostic.Order);
            applied.Add(result with { Diagnostics = reported, Suppressed = suppressed });
        }

        var absent = remaining
            .Where(pair => lintedKeys.Contains(pair.Key))
            .SelectMany(pair => pair.Value)
            .Where(known => known.Left[0] > 0)
            .Select(known => known.Entry with { Count = known.Left[0] })
            .ToList();
        absent.Sort(BaselineEntry.Order);
        return new BaselineComparison(this, applied, matched, absent);
    }

    /// <summary>The file's text: stable, sorted, one entry per line, ending with a newline.</summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"$schema\": ").Append(Quote(SchemaUri)).Append(",\n");
        text.Append("  \"version\": ").Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        if (Entries.Count == 0)
        {
            text.Append("  \"findings\": []\n");
        }
        else
        {
            text.Append("  \"findings\": [\n");
            for (var i = 0; i < Entries.Count; i++)
            {
                text.Append("    ").Append(EntryJson(Entries[i])).Append(i + 1 < Entries.Count ? ",\n" : "\n");
            }

            text.Append("  ]\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Where <paramref name="document"/> is, relative to <paramref name="folder"/>, with forward slashes.</summary>
    internal static string RelativeDocument(string document, string folder) => FilePaths.Relative(document, folder);

    /// <summary>
    /// The document part of a match: its relative path without a <c>.json</c>, <c>.yaml</c> or <c>.yml</c> extension,
    /// so a document converted between JSON and YAML keeps its entries. Keys compare as the file system compares paths
    /// (<see cref="FilePaths.Comparer"/>): on Windows and macOS a document renamed only in case keeps its entries.
    /// </summary>
    internal static string DocumentKey(string relativeDocument)
    {
        foreach (var extension in (ReadOnlySpan<string>)[".json", ".yaml", ".yml"])
        {
            if (relativeDocument.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return relativeDocument[..^extension.Length];
            }
        }

        return relativeDocument;
    }

    private static string EntryJson(BaselineEntry entry)
    {
        var members = new List<string> { $"\"document\": {Quote(entry.Document)}", $"\"rule\": {Quote(entry.Fingerprint.RuleId)}" };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                members.Add($"{Quote(name)}: {Quote(value)}");
            }
        }

        Add("method", entry.Fingerprint.Method);
        Add("path", entry.Fingerprint.Path);
        Add("status", entry.Fingerprint.StatusCode);
        Add("subject", entry.Fingerprint.Subject);
        if (entry.Count != 1)
        {
            members.Add($"\"count\": {entry.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        return "{ " + string.Join(", ", members) + " }";
    }

    private static readonly JsonWriterOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Written with the writer rather than the serializer: the native tool has no reflection-based serialization.
    private static string Quote(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer, QuoteOptions))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>A baseline file read, or the error that kept it from being read.</summary>
/// <param name="Baseline">The baseline; <c>null</c> when it could not be read.</param>
/// <param name="Error">What is wrong with the file, at its line and column; <c>null</c> when it was read.</param>
public sealed record BaselineLoadResult(Baseline? Baseline, LoadError? Error)
{
    /// <summary>Whether the file was read.</summary>
    public bool Succeeded => Baseline is not null;
}

/// <summary>What a baseline made of a run.</summary>
/// <param name="Baseline">The baseline applied.</param>
/// <param name="Results">The results, with the findings the baseline knows moved to <see cref="LintResult.Suppressed"/>.</param>
/// <param name="Matched">How many findings the baseline knew.</param>
/// <param name="Absent">Entries (with the count left over) that no linted document produces any more: fixed, and ready to be dropped.</param>
public sealed record BaselineComparison(Baseline Baseline, IReadOnlyList<LintResult> Results, int Matched, IReadOnlyList<BaselineEntry> Absent)
{
    /// <summary>How many findings the baseline lists that no longer occur.</summary>
    public int AbsentCount => Absent.Sum(entry => entry.Count);
}
