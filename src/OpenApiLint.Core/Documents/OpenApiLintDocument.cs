using System.Collections.Concurrent;
using System.Text;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// A loaded OpenAPI document as the rules see it: its operations and references, plus the raw text needed to turn
/// JSON pointers into line and column. Immutable once loaded; safe to lint from several threads.
/// </summary>
public sealed class OpenApiLintDocument
{
    private readonly IReadOnlyDictionary<string, SourceText> _files;

    /// <summary>The excerpts kept when the text is not (<see cref="WithExcerptsOf"/>); <c>null</c> while the text is kept.</summary>
    private readonly IReadOnlyDictionary<(string File, int Line, int Column), IReadOnlyList<ExcerptLine>>? _excerpts;

    /// <summary>Lines decoded for excerpts while the text is kept: a minified document is one line, shown by every finding.</summary>
    /// <remarks>Made on the first excerpt: its generic code over a value-tuple key is JIT-compiled, which a build that quotes nothing need not pay.</remarks>
    private ConcurrentDictionary<(string File, int Line), string?>? _decodedLines;

    internal OpenApiLintDocument(
        SourceText document,
        string specVersion,
        string? title,
        IReadOnlyList<ApiOperation> operations,
        IReadOnlyList<ReferenceSite> references,
        IEnumerable<SourceText> externalFiles)
    {
        FilePath = document.Path;
        Format = document.Format;
        SpecVersion = specVersion;
        Title = title;
        Operations = operations;
        References = references;
        var files = new Dictionary<string, SourceText>(StringComparer.Ordinal) { [document.Path] = document };
        foreach (var file in externalFiles)
        {
            files.TryAdd(file.Path, file);
        }

        _files = files;
    }

    private OpenApiLintDocument(OpenApiLintDocument document, bool keepResponses = false)
    {
        FilePath = document.FilePath;
        Format = document.Format;
        SpecVersion = document.SpecVersion;
        Title = document.Title;
        // What outputs read of a document without its text: the operations' names (unmatched overrides, counts), not
        // what they declare, which the rules have checked already.
        Operations = keepResponses ? document.Operations : [.. document.Operations.Select(operation => operation with { Responses = [] })];
        // Resolved references within the document are most of a large one's (Graph beta: hundreds of thousands) and
        // nothing reads them once the rules have run; references to other files and the broken ones stay.
        References = [.. document.References.Where(site => site.Kind != ReferenceKind.Local || !site.IsResolved)];
        LoadWork = document.LoadWork;
        Webhooks = document.Webhooks;
        Callbacks = document.Callbacks;
        _files = new Dictionary<string, SourceText>();
    }

    /// <summary>The path the document was loaded from, as the caller gave it.</summary>
    public string FilePath { get; }

    /// <summary>JSON or YAML.</summary>
    public DocumentFormat Format { get; }

    /// <summary>The <c>swagger</c> or <c>openapi</c> field: <c>2.0</c>, <c>3.0.3</c>, <c>3.1.0</c>.</summary>
    public string SpecVersion { get; }

    /// <summary><c>info.title</c>, when present.</summary>
    public string? Title { get; }

    /// <summary>Every operation under <c>paths</c>, in document order: the API's own.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>
    /// The webhooks' operations (3.1 <c>webhooks</c>, 2.0 and 3.0 <c>x-webhooks</c>), in document order: requests the API
    /// sends, whose responses are the subscriber's. Linted only when the ruleset says <c>"webhooks": "lint"</c>.
    /// </summary>
    public IReadOnlyList<ApiOperation> Webhooks { get; init; } = [];

    /// <summary>The callbacks' operations of every operation, in document order; linted only with <c>"callbacks": "lint"</c>.</summary>
    public IReadOnlyList<ApiOperation> Callbacks { get; init; } = [];

    /// <summary>Every <c>$ref</c>, in document order, with whether it could be followed.</summary>
    public IReadOnlyList<ReferenceSite> References { get; }

    /// <summary>What loading cost, counted (values walked, references followed, schemas searched): for tests of linearity.</summary>
    internal long LoadWork { get; init; }

    /// <summary>
    /// The same document without the text of its files, its operations' responses and its resolved local references:
    /// what a caller keeps once the findings are positioned, when no output quotes the text (positions and excerpts
    /// then come back empty).
    /// </summary>
    internal OpenApiLintDocument WithoutSourceText() => new(this);

    /// <summary>
    /// The same document without the text of its files and its resolved local references, keeping only what the
    /// excerpts at <paramref name="locations"/> show (see <see cref="ExcerptAt"/>) and its operations' responses: what
    /// a report that quotes the findings and draws the status-code matrix needs, and no more (Microsoft Graph's text
    /// alone is 45 MB).
    /// </summary>
    internal OpenApiLintDocument WithExcerptsOf(IEnumerable<SourceLocation> locations)
    {
        var excerpts = new Dictionary<(string File, int Line, int Column), IReadOnlyList<ExcerptLine>>();
        foreach (var file in locations.Where(location => location.HasPosition).GroupBy(location => location.File, StringComparer.Ordinal))
        {
            if (_files.TryGetValue(file.Key, out var text))
            {
                foreach (var ((line, column), excerpt) in SourceExcerpts.Of(text, file))
                {
                    excerpts[(file.Key, line, column)] = excerpt;
                }
            }
        }

        return new OpenApiLintDocument(this, excerpts);
    }

    private OpenApiLintDocument(OpenApiLintDocument document, IReadOnlyDictionary<(string File, int Line, int Column), IReadOnlyList<ExcerptLine>> excerpts)
        : this(document, keepResponses: true) => _excerpts = excerpts;

    /// <summary>
    /// The excerpt around <paramref name="location"/>: up to <see cref="SourceExcerpts.Context"/> lines above and below
    /// its line, each cut to <see cref="SourceExcerpts.Width"/> characters around its column; empty when the position
    /// or the text is unknown.
    /// </summary>
    public IReadOnlyList<ExcerptLine> ExcerptAt(SourceLocation location)
    {
        if (!location.HasPosition)
        {
            return [];
        }

        var key = (location.File, location.Line, location.Column);
        if (_excerpts is not null)
        {
            return _excerpts.TryGetValue(key, out var kept) ? kept : [];
        }

        if (!_files.TryGetValue(location.File, out var text))
        {
            return [];
        }

        var decodedLines = LazyInitializer.EnsureInitialized(ref _decodedLines, static () => new ConcurrentDictionary<(string File, int Line), string?>());
        var excerpts = SourceExcerpts.Of([location], number => decodedLines.GetOrAdd((location.File, number), _ => text.Lines.Decode(text.Utf8.Span, number)));
        return excerpts.GetValueOrDefault((location.Line, location.Column)) ?? [];
    }

    /// <summary>Resolves pointers of this document (or of a file it references) to positions, in one pass per file.</summary>
    public IReadOnlyDictionary<string, SourceSpan> ResolvePositions(string file, IEnumerable<string> pointers) =>
        _files.TryGetValue(file, out var parsed) ? parsed.SourceMap.Resolve(pointers) : new Dictionary<string, SourceSpan>();

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> (1-based, inclusive) of a file's text, for excerpts.</summary>
    public IReadOnlyList<string> GetLines(string file, int first, int last)
    {
        if (!_files.TryGetValue(file, out var parsed) || first < 1 || last < first)
        {
            return [];
        }

        var lines = new List<string>();
        var text = DocumentFormats.SkipBom(parsed.Utf8.Span);
        var start = TextPositions.LineStart(text, first - 1);
        if (start < 0)
        {
            return lines;
        }

        var position = start;
        for (var line = first; line <= last && position <= text.Length; line++)
        {
            var rest = text[position..];
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                if (rest.Length > 0 || line == first)
                {
                    lines.Add(Encoding.UTF8.GetString(rest));
                }

                break;
            }

            lines.Add(Encoding.UTF8.GetString(rest[..end]));
            position += end + (rest[end] == (byte)'\r' && end + 1 < rest.Length && rest[end + 1] == (byte)'\n' ? 2 : 1);
        }

        return lines;
    }
}
