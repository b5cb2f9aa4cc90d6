using System.Text.Json.Nodes;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Finds every <c>$ref</c> of a document, classifies it, and inlines the ones that name files beside the document,
/// so that Microsoft.OpenApi (which is never allowed to fetch anything) sees one self-contained tree.
/// Remote references are never fetched and references that leave the document's folder are refused:
/// both are recorded for the rules to report.
/// </summary>
internal sealed class ReferenceBundler
{
    /// <summary>Inlining clones subtrees; this bounds the work a reference-heavy set of files can cause.</summary>
    private const int MaxInlinedReferences = 50_000;

    private readonly ParsedFile _document;
    private readonly string _rootFolder;
    private readonly Func<string, ParsedFile> _readFile;
    private readonly Dictionary<string, ParsedFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _fileErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _localTargetExists = new(StringComparer.Ordinal);
    private readonly HashSet<(string File, string Pointer)> _inlining = [];
    private readonly List<string> _tokens = [];
    private int _inlined;

    // Where the walk currently is in the text: inside inlined content, the file it came from and the pointer there.
    private string? _originFile;
    private string _originPointer = JsonPointer.Root;
    private int _originDepth;

    private ReferenceBundler(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        _document = document;
        _rootFolder = EnsureTrailingSeparator(Path.GetDirectoryName(Path.GetFullPath(document.Path)) ?? "/");
        _readFile = readFile;
    }

    /// <summary>Every <c>$ref</c> met, in document order.</summary>
    public List<ReferenceSite> Sites { get; } = [];

    /// <summary>For each pointer in the document whose object was inlined from another file: where it came from.</summary>
    public Dictionary<string, SourcePointer> InlinedFrom { get; } = new(StringComparer.Ordinal);

    /// <summary>For each pointer in the document holding a local <c>$ref</c>: the reference's target pointer.</summary>
    public Dictionary<string, string> LocalTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>The other files read while inlining, by full path (for positions of related locations).</summary>
    public IEnumerable<ParsedFile> ExternalFiles => _files.Values.OfType<ParsedFile>();

    public static ReferenceBundler Bundle(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        var bundler = new ReferenceBundler(document, readFile);
        if (document.Root is not null)
        {
            bundler.Walk(document.Root, document, inDocument: true);
        }

        return bundler;
    }

    private string CurrentPointer() => Join(JsonPointer.Root, 0);

    /// <summary>Where the current node is written: the document, or the file its inlined content came from.</summary>
    private SourcePointer CurrentSite() => _originFile is null
        ? new SourcePointer(_document.Path, CurrentPointer())
        : new SourcePointer(_originFile, Join(_originPointer, _originDepth));

    private string Join(string prefix, int from)
    {
        var builder = new System.Text.StringBuilder(prefix);
        for (var i = from; i < _tokens.Count; i++)
        {
            builder.Append('/').Append(JsonPointer.Escape(_tokens[i]));
        }

        return builder.ToString();
    }

    /// <summary>Walks <paramref name="node"/>; returns a replacement when the node itself is an inlined reference.</summary>
    private JsonNode? Walk(JsonNode node, ParsedFile file, bool inDocument)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue refValue && refValue.TryGetValue<string>(out var target))
                {
                    return VisitReference(target, file, inDocument);
                }

                List<(string Key, JsonNode? Replacement)>? replacements = null;
                foreach (var (key, child) in obj)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        _tokens.Add(key);
                        var replacement = Walk(child, file, inDocument);
                        _tokens.RemoveAt(_tokens.Count - 1);
                        if (replacement is not null)
                        {
                            (replacements ??= []).Add((key, replacement));
                        }
                    }
                }

                foreach (var (key, replacement) in replacements ?? [])
                {
                    obj[key] = replacement;
                }

                return null;

            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        _tokens.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        var replacement = Walk(array[i]!, file, inDocument);
                        _tokens.RemoveAt(_tokens.Count - 1);
                        if (replacement is not null)
                        {
                            array[i] = replacement;
                        }
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private JsonNode? VisitReference(string target, ParsedFile file, bool inDocument)
    {
        var site = CurrentSite();
        var documentPointer = CurrentPointer();
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? target : target[..hash];
        var fragment = hash < 0 ? "" : target[(hash + 1)..];

        if (filePart.Length == 0)
        {
            var pointer = JsonPointer.FromFragment(fragment);
            if (inDocument)
            {
                // Microsoft.OpenApi resolves local references itself; we only check that the target exists.
                var problem = pointer is null ? "its fragment is not a JSON pointer"
                    : LocalTargetExists(pointer) ? null : "its target does not exist";
                Record(site, target, ReferenceKind.Local, problem);
                if (pointer is not null)
                {
                    LocalTargets[documentPointer] = pointer;
                }

                return null;
            }

            return Inline(site, documentPointer, target, ReferenceKind.Local, file, pointer);
        }

        if (IsRemote(filePart))
        {
            Record(site, target, ReferenceKind.Remote, "remote references are never fetched");
            return null;
        }

        string fullPath;
        try
        {
            var relative = filePart.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(filePart).LocalPath : Uri.UnescapeDataString(filePart);
            fullPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? ".", relative));
        }
        catch (Exception error) when (error is ArgumentException or UriFormatException or NotSupportedException or PathTooLongException)
        {
            Record(site, target, ReferenceKind.RelativeFile, "its file name is not a valid path");
            return null;
        }

        if (!fullPath.StartsWith(_rootFolder, StringComparison.Ordinal))
        {
            Record(site, target, ReferenceKind.OutsideFolder, "it points outside the document's folder");
            return null;
        }

        var other = ReadFile(fullPath, out var readProblem);
        if (other is null)
        {
            Record(site, target, ReferenceKind.RelativeFile, readProblem);
            return null;
        }

        return Inline(site, documentPointer, target, ReferenceKind.RelativeFile, other, JsonPointer.FromFragment(fragment));
    }

    /// <summary>
    /// Records a reference met at the current point of the walk. Its scope is where it sits in the bundled
    /// document, which for a reference inside an inlined file is the place that file was inlined into: that is
    /// what places the reference under an operation (for suppressions, overrides and the operation's name).
    /// </summary>
    private void Record(SourcePointer site, string target, ReferenceKind kind, string? problem) =>
        Sites.Add(new ReferenceSite(site, target, kind, problem) { ScopePointer = CurrentPointer() });

    private JsonNode? Inline(SourcePointer site, string documentPointer, string target, ReferenceKind kind, ParsedFile source, string? pointer)
    {
        if (pointer is null)
        {
            Record(site, target, kind, "its fragment is not a JSON pointer");
            return null;
        }

        var found = Evaluate(source.Root, pointer);
        if (found is null)
        {
            Record(site, target, kind, $"'{pointer}' does not exist in {Path.GetFileName(source.Path)}");
            return null;
        }

        Record(site, target, kind, null);
        if (_inlining.Contains((source.Path, pointer)) || ++_inlined > MaxInlinedReferences)
        {
            // A recursive schema across files: leave the reference; nothing rules read lives that deep.
            return null;
        }

        var clone = found.DeepClone();
        InlinedFrom[documentPointer] = new SourcePointer(source.Path, pointer);
        _inlining.Add((source.Path, pointer));
        var (originFile, originPointer, originDepth) = (_originFile, _originPointer, _originDepth);
        (_originFile, _originPointer, _originDepth) = (source.Path, pointer, _tokens.Count);
        var replacement = Walk(clone, source, inDocument: false);
        (_originFile, _originPointer, _originDepth) = (originFile, originPointer, originDepth);
        _inlining.Remove((source.Path, pointer));
        return replacement ?? clone;
    }

    private bool LocalTargetExists(string pointer)
    {
        if (!_localTargetExists.TryGetValue(pointer, out var exists))
        {
            exists = Evaluate(_document.Root, pointer) is not null;
            _localTargetExists[pointer] = exists;
        }

        return exists;
    }

    private ParsedFile? ReadFile(string fullPath, out string? problem)
    {
        if (!_files.TryGetValue(fullPath, out var file))
        {
            try
            {
                file = _readFile(fullPath);
                _fileErrors[fullPath] = null;
            }
            catch (SyntaxException error)
            {
                _fileErrors[fullPath] = error.Line > 0
                    ? $"{Path.GetFileName(fullPath)}({error.Line},{error.Column}) cannot be read: {error.Message}"
                    : $"{Path.GetFileName(fullPath)} cannot be read: {error.Message}";
            }

            _files[fullPath] = file;
        }

        problem = _fileErrors[fullPath];
        return file;
    }

    internal static JsonNode? Evaluate(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Split(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array => int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Any URI with a scheme other than <c>file:</c> (http, https, ftp, urn, …) is remote.</summary>
    private static bool IsRemote(string filePart)
    {
        var colon = filePart.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            // No scheme, or a Windows drive letter ("C:\…").
            return false;
        }

        var scheme = filePart[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && !scheme.Equals("file", StringComparison.OrdinalIgnoreCase);
    }

    private static string EnsureTrailingSeparator(string folder) =>
        folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
}
