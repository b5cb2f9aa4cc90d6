using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Walks a parsed document once and builds the self-contained tree Microsoft.OpenApi reads: only the parts the rules
/// use (see <see cref="SlicePart"/>), with the content of <c>$ref</c>s to files beside the document inlined where
/// they are used. Every <c>$ref</c> met, anywhere, is classified on the way; remote references are never fetched
/// and references that leave the document's folder are refused: both are recorded for the rules to report.
/// </summary>
/// <remarks>
/// The walk reads <see cref="JsonDocument"/>s in place and creates objects only for what it keeps, so a 47 MB
/// document whose schemas no rule reads costs little more than parsing it.
/// </remarks>
internal sealed class ReferenceBundler : IDisposable
{
    /// <summary>Inlining re-walks content; these bound the work a reference-heavy set of files can cause.</summary>
    private const int MaxInlinedReferences = 50_000;

    private const long MaxInlinedValues = 20_000_000;

    /// <summary>Files inlined into files inlined into … nest the walk; beyond this depth references are left in place.</summary>
    private const int MaxBundledDepth = 1024;

    /// <summary>How many schemas one body's property names may be gathered from (through allOf and references).</summary>
    private const int MaxSchemaVisits = 1000;

    private static readonly JsonDocumentOptions CopyOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = SyntaxReader.MaxDepth };

    private readonly ParsedFile _document;
    private readonly bool _isSwagger2;
    private readonly string _rootFolder;
    private readonly Func<string, ParsedFile> _readFile;
    private readonly Dictionary<string, ParsedFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _fileErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _localTargetExists = new(StringComparer.Ordinal);
    private readonly HashSet<(string File, string Pointer)> _inlining = [];
    private readonly Dictionary<(string File, string Pointer), IReadOnlySet<string>> _propertiesOfSchema = [];
    private readonly List<PathToken> _tokens = [];
    private char[] _pointerBuffer = new char[256];
    private int _inlined;
    private long _inlinedValues;

    // Where the walk currently is in the text: inside inlined content, the file it came from and the pointer there.
    private string? _originFile;
    private string _originPointer = JsonPointer.Root;
    private int _originDepth;

    private ReferenceBundler(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        _document = document;
        _isSwagger2 = document.Root.ValueKind == JsonValueKind.Object && document.Root.TryGetProperty("swagger"u8, out _);
        _rootFolder = EnsureTrailingSeparator(Path.GetDirectoryName(Path.GetFullPath(document.Path)) ?? "/");
        _readFile = readFile;
    }

    /// <summary>The tree for Microsoft.OpenApi: the document's parts the rules read, references to other files inlined.</summary>
    public JsonObject ReaderTree { get; private set; } = [];

    /// <summary>
    /// Every <c>$ref</c> met, in document order; one inside a file inlined at several places is met at each, with the
    /// scope of that place (the linter reports a finding about it once).
    /// </summary>
    public List<ReferenceSite> Sites { get; } = [];

    /// <summary>For each pointer in the document whose value was inlined from another file: where it came from.</summary>
    public Dictionary<string, SourcePointer> InlinedFrom { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For each pointer in the document holding a response or a path item given by a local <c>$ref</c>: the reference's
    /// target pointer.
    /// </summary>
    public Dictionary<string, string> LocalTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every response body schema, by the pointer it has in the bundled document (it is not in <see cref="ReaderTree"/>):
    /// the property names it defines, through <c>allOf</c> and references (what error-body checks compare with the ruleset).
    /// </summary>
    public Dictionary<string, IReadOnlySet<string>> BodyProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>The other files read while inlining (for positions of related locations).</summary>
    public IEnumerable<ParsedFile> ExternalFiles => _files.Values.OfType<ParsedFile>();

    public static ReferenceBundler Bundle(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        var bundler = new ReferenceBundler(document, readFile);
        try
        {
            bundler.ReaderTree = bundler.Walk(document.Root, document, inDocument: true, SlicePart.Root) as JsonObject ?? [];
            return bundler;
        }
        catch
        {
            bundler.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var file in ExternalFiles)
        {
            file.Dispose();
        }
    }

    /// <summary>Walks <paramref name="element"/>, which is <paramref name="part"/>; returns what the reader gets for it.</summary>
    private JsonNode? Walk(JsonElement element, ParsedFile file, bool inDocument, SlicePart part)
    {
        switch (part)
        {
            case SlicePart.Dropped:
                WalkDropped(element, file, inDocument);
                return null;
            case SlicePart.Verbatim:
                WalkDropped(element, file, inDocument);
                return Copy(element);
            case SlicePart.Header:
                WalkDropped(element, file, inDocument);
                return new JsonObject();
            case SlicePart.BodySchema:
                if (element.ValueKind != JsonValueKind.Null)
                {
                    BodyProperties[CurrentPointer()] = SchemaPropertyNames(element, file);
                }

                WalkDropped(element, file, inDocument);
                return null;
            case SlicePart.ParameterLocation:
                // Only header parameters matter; anything else (query, path, body, formData…) reads as a query parameter.
                return JsonValue.Create(element.ValueKind == JsonValueKind.String && element.ValueEquals("header"u8) ? "header" : "query");
        }

        Count(inDocument);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (ReferenceOf(element) is { } target)
                {
                    return VisitReference(target, file, inDocument, part);
                }

                var result = new JsonObject();
                var skipsExtensions = ModelSlice.IsMapWithExtensions(part);
                foreach (var property in element.EnumerateObject())
                {
                    var childPart = ModelSlice.Member(part, property);
                    var name = ModelSlice.IsHandedToReader(childPart) ? property.Name : null;
                    if (skipsExtensions && name is not null && ModelSlice.IsExtension(name))
                    {
                        (childPart, name) = (SlicePart.Dropped, null);
                    }

                    _tokens.Add(new PathToken(property));
                    var child = Walk(property.Value, file, inDocument, childPart);
                    _tokens.RemoveAt(_tokens.Count - 1);
                    if (name is not null)
                    {
                        result.Add(name, child);
                    }
                }

                return result;

            case JsonValueKind.Array:
                var array = new JsonArray();
                var itemPart = ModelSlice.Item(part);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // Only header parameters matter. Large documents reference the same few query parameters from
                    // every operation (Graph beta: 60,000 times): those never reach the reader either.
                    var partOfItem = itemPart == SlicePart.Parameter && IsNonHeaderParameter(item, file) ? SlicePart.Dropped : itemPart;
                    _tokens.Add(new PathToken(index++));
                    var child = Walk(item, file, inDocument, partOfItem);
                    _tokens.RemoveAt(_tokens.Count - 1);
                    if (partOfItem != SlicePart.Dropped)
                    {
                        array.Add(child);
                    }
                }

                return array;

            default:
                // A scalar where an object belongs: the reader sees what was written, as it would without slicing.
                return Copy(element);
        }
    }

    /// <summary>Walks what the reader does not get, only to find its <c>$ref</c>s.</summary>
    private void WalkDropped(JsonElement element, ParsedFile file, bool inDocument)
    {
        Count(inDocument);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (ReferenceOf(element) is { } target)
                {
                    VisitReference(target, file, inDocument, SlicePart.Dropped);
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _tokens.Add(new PathToken(property));
                        WalkDropped(property.Value, file, inDocument);
                        _tokens.RemoveAt(_tokens.Count - 1);
                    }
                }

                break;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _tokens.Add(new PathToken(index));
                        WalkDropped(item, file, inDocument);
                        _tokens.RemoveAt(_tokens.Count - 1);
                    }

                    index++;
                }

                break;
        }
    }

    private JsonNode? VisitReference(string target, ParsedFile file, bool inDocument, SlicePart part)
    {
        var documentPointer = CurrentPointer();
        var site = _originFile is null ? new SourcePointer(_document.Path, documentPointer) : new SourcePointer(_originFile, Join(_originPointer, _originDepth));
        var resolved = Classify(target, file);
        if (resolved.Kind == ReferenceKind.Local && inDocument)
        {
            // Microsoft.OpenApi resolves local references itself; we only check that the target exists.
            var problem = resolved.Pointer is null ? "its fragment is not a JSON pointer"
                : LocalTargetExists(resolved.Pointer) ? null : "its target does not exist";
            AddSite(site, target, ReferenceKind.Local, problem, documentPointer);
            if (resolved.Pointer is not null && part is SlicePart.Response or SlicePart.PathItem)
            {
                // Only responses and path items reached through $ref need their target later (to report where they are
                // defined, and to find what the walk recorded under the definition).
                LocalTargets[documentPointer] = resolved.Pointer;
            }

            // Microsoft.OpenApi takes '#/a/b' only: '' and '#' (the whole document) or a trailing '/' make it throw.
            var readerCanResolve = problem is null && target.StartsWith("#/", StringComparison.Ordinal) && !target.EndsWith('/');
            return readerCanResolve ? Unfollowed(target, part) : Unresolvable(part);
        }

        if (resolved.Problem is not null || resolved.File is null)
        {
            AddSite(site, target, resolved.Kind, resolved.Problem, documentPointer);
            return Unresolvable(part);
        }

        return Inline(site, documentPointer, target, resolved, part);
    }

    private JsonNode? Inline(SourcePointer site, string documentPointer, string target, ReferenceTarget resolved, SlicePart part)
    {
        var source = resolved.File!;
        if (resolved.Pointer is not { } pointer)
        {
            AddSite(site, target, resolved.Kind, "its fragment is not a JSON pointer", documentPointer);
            return Unresolvable(part);
        }

        if (source.Find(pointer) is not { } found)
        {
            AddSite(site, target, resolved.Kind, $"'{pointer}' does not exist in {Path.GetFileName(source.Path)}", documentPointer);
            return Unresolvable(part);
        }

        AddSite(site, target, resolved.Kind, null, documentPointer);
        if (_inlining.Contains((source.Path, pointer)) || ++_inlined > MaxInlinedReferences || _inlinedValues > MaxInlinedValues || _tokens.Count > MaxBundledDepth)
        {
            // A recursive schema across files, or a pathological set of files: leave the reference; the walk stays bounded.
            return Unresolvable(part);
        }

        InlinedFrom[documentPointer] = new SourcePointer(source.Path, pointer);
        _inlining.Add((source.Path, pointer));
        var (originFile, originPointer, originDepth) = (_originFile, _originPointer, _originDepth);
        (_originFile, _originPointer, _originDepth) = (source.Path, pointer, _tokens.Count);
        var replacement = Walk(found, source, inDocument: false, part);
        (_originFile, _originPointer, _originDepth) = (originFile, originPointer, originDepth);
        _inlining.Remove((source.Path, pointer));
        return replacement;
    }

    /// <summary>
    /// A local reference to something that exists, left for Microsoft.OpenApi to resolve where the specification
    /// allows one (a response, parameter or path item); a <c>$ref</c> anywhere else is nothing to the reader.
    /// </summary>
    private static JsonObject? Unfollowed(string target, SlicePart part) => part switch
    {
        SlicePart.Dropped => null,
        SlicePart.Response or SlicePart.Parameter or SlicePart.PathItem => new JsonObject { ["$ref"] = target },
        _ => [],
    };

    /// <summary>
    /// What the reader gets for a reference that cannot be followed (missing, remote, outside the folder, malformed,
    /// or cut short by a cycle): a response or parameter reference to a component that does not exist, which
    /// Microsoft.OpenApi reads as unresolved, as the rules expect; an empty object anywhere else. Handing the
    /// reference on as written made Microsoft.OpenApi throw on some (a Swagger 2.0 response with '$ref: notes.txt'
    /// threw IndexOutOfRangeException), and a local reference inside another file would have been read against
    /// the document.
    /// </summary>
    private JsonObject? Unresolvable(SlicePart part)
    {
        const string Missing = "openapi-lint-unresolved";
        var prefix = _isSwagger2 ? "#/" : "#/components/";
        return part switch
        {
            SlicePart.Dropped => null,
            SlicePart.Response => new JsonObject { ["$ref"] = $"{prefix}responses/{Missing}" },
            SlicePart.Parameter => new JsonObject { ["$ref"] = $"{prefix}parameters/{Missing}" },
            _ => [],
        };
    }

    /// <summary>
    /// The property names a schema defines, through <c>allOf</c> and references, in whichever file they lead to
    /// (cycles are cut). A schema that is only a <c>$ref</c>, the usual body, is answered once per target.
    /// </summary>
    private IReadOnlySet<string> SchemaPropertyNames(JsonElement schema, ParsedFile file)
    {
        (string File, string Pointer)? key = null;
        if (ReferenceOf(schema) is { } target && Classify(target, file) is { Problem: null, File: { } targetFile, Pointer: { } pointer })
        {
            key = (targetFile.Path, pointer);
            if (_propertiesOfSchema.TryGetValue(key.Value, out var known))
            {
                return known;
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string File, string Pointer)>();
        var pending = new Stack<(JsonElement Schema, ParsedFile File)>();
        pending.Push((schema, file));
        for (var visits = 0; pending.Count > 0 && visits < MaxSchemaVisits; visits++)
        {
            var (current, currentFile) = pending.Pop();
            if (current.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (ReferenceOf(current) is { } reference)
            {
                if (Classify(reference, currentFile) is { Problem: null, File: { } next, Pointer: { } nextPointer } && seen.Add((next.Path, nextPointer)))
                {
                    if (_propertiesOfSchema.TryGetValue((next.Path, nextPointer), out var complete))
                    {
                        // Everything reachable from there is known already.
                        names.UnionWith(complete);
                    }
                    else if (next.Find(nextPointer) is { } referenced)
                    {
                        pending.Push((referenced, next));
                    }
                }

                continue;
            }

            if (current.TryGetProperty("properties"u8, out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    names.Add(property.Name);
                }
            }

            if (current.TryGetProperty("allOf"u8, out var allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in allOf.EnumerateArray())
                {
                    pending.Push((part, currentFile));
                }
            }
        }

        if (key is { } cacheKey)
        {
            _propertiesOfSchema[cacheKey] = names;
        }

        return names;
    }

    /// <summary>What a reference written in <paramref name="file"/> names; reads the file it names, once.</summary>
    private ReferenceTarget Classify(string target, ParsedFile file)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? target : target[..hash];
        var pointer = JsonPointer.FromFragment(hash < 0 ? "" : target[(hash + 1)..]);
        if (filePart.Length == 0)
        {
            return new ReferenceTarget(ReferenceKind.Local, file, pointer, null);
        }

        if (IsRemote(filePart))
        {
            return new ReferenceTarget(ReferenceKind.Remote, null, pointer, "remote references are never fetched");
        }

        string fullPath;
        try
        {
            var relative = filePart.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(filePart).LocalPath : Uri.UnescapeDataString(filePart);
            fullPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? ".", relative));
        }
        catch (Exception error) when (error is ArgumentException or UriFormatException or NotSupportedException or PathTooLongException)
        {
            return new ReferenceTarget(ReferenceKind.RelativeFile, null, pointer, "its file name is not a valid path");
        }

        if (!fullPath.StartsWith(_rootFolder, StringComparison.Ordinal) || !IsInsideRootOnDisk(fullPath))
        {
            return new ReferenceTarget(ReferenceKind.OutsideFolder, null, pointer, "it points outside the document's folder");
        }

        var other = ReadFile(fullPath, out var readProblem);
        return new ReferenceTarget(ReferenceKind.RelativeFile, other, pointer, readProblem);
    }

    /// <summary>
    /// The path check above is lexical; a symbolic link inside the folder can still lead out of it. Compare where the
    /// file really is (every link along the path followed) with where the folder really is.
    /// </summary>
    private bool IsInsideRootOnDisk(string fullPath)
    {
        _realRootFolder ??= EnsureTrailingSeparator(RealPath(_rootFolder.TrimEnd(Path.DirectorySeparatorChar)));
        return RealPath(fullPath).StartsWith(_realRootFolder, StringComparison.Ordinal);
    }

    private string? _realRootFolder;

    /// <summary>The path with every symbolic link along it resolved (at most 40 hops, as the OS allows).</summary>
    internal static string RealPath(string fullPath, int hops = 0)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null && hops < 40)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                {
                    next = RealPath(Path.GetFullPath(target.FullName), hops + 1);
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// Records a reference met at <paramref name="scope"/>, where it sits in the bundled document: for a reference
    /// inside an inlined file, below the place that file was inlined. That places it under an operation (for
    /// suppressions, overrides and the operation's name).
    /// </summary>
    private void AddSite(SourcePointer site, string target, ReferenceKind kind, string? problem, string scope) =>
        Sites.Add(new ReferenceSite(site, target, kind, problem) { ScopePointer = scope });

    private bool LocalTargetExists(string pointer)
    {
        if (!_localTargetExists.TryGetValue(pointer, out var exists))
        {
            exists = _document.Find(pointer) is not null;
            _localTargetExists[pointer] = exists;
        }

        return exists;
    }

    private ParsedFile? ReadFile(string fullPath, out string? problem)
    {
        if (fullPath == Path.GetFullPath(_document.Path))
        {
            // A reference back into the document itself, by file name.
            problem = null;
            return _document;
        }

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

    private void Count(bool inDocument)
    {
        if (!inDocument)
        {
            _inlinedValues++;
        }
    }

    /// <summary>
    /// The pointer of the current node. The escaped path is kept in one buffer, extended only as far as a pointer
    /// has been asked for: siblings (the many <c>$ref</c>s among one schema's properties) reuse their parent's part
    /// of it, and members no pointer passes through never have their names read at all.
    /// </summary>
    private string CurrentPointer()
    {
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        var known = tokens.Length - 1;
        while (known >= 0 && tokens[known].End < 0)
        {
            known--;
        }

        var length = known < 0 ? 0 : tokens[known].End;
        for (var i = known + 1; i < tokens.Length; i++)
        {
            var name = tokens[i].EscapedName();
            var needed = length + 1 + name.Length;
            if (_pointerBuffer.Length < needed)
            {
                Array.Resize(ref _pointerBuffer, Math.Max(needed, _pointerBuffer.Length * 2));
            }

            _pointerBuffer[length] = '/';
            name.CopyTo(_pointerBuffer.AsSpan(length + 1));
            length = needed;
            tokens[i].End = length;
        }

        return new string(_pointerBuffer, 0, length);
    }

    private string Join(string prefix, int from)
    {
        var builder = new StringBuilder(prefix);
        for (var i = from; i < _tokens.Count; i++)
        {
            builder.Append('/').Append(_tokens[i].EscapedName());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a parameter is known not to be a header: written inline with another <c>in</c>, or a chain of local
    /// references in the same file ending at one (or at nothing: Microsoft.OpenApi drops an unresolved one too).
    /// A chain that leaves the file is left to the reader, which gets what it names inlined.
    /// </summary>
    private bool IsNonHeaderParameter(JsonElement parameter, ParsedFile file)
    {
        for (var hops = 0; hops < 16 && parameter.ValueKind == JsonValueKind.Object; hops++)
        {
            if (ReferenceOf(parameter) is not { } target)
            {
                return !(parameter.TryGetProperty("in"u8, out var location) && location.ValueKind == JsonValueKind.String && location.ValueEquals("header"u8));
            }

            if (!target.StartsWith('#') || JsonPointer.FromFragment(target) is not { } pointer)
            {
                return false;
            }

            if (file.Find(pointer) is not { } next)
            {
                return true;
            }

            parameter = next;
        }

        return false;
    }

    private static string? ReferenceOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref"u8, out var reference) && reference.ValueKind == JsonValueKind.String
            ? reference.GetString()
            : null;

    /// <summary>A copy that outlives the <see cref="JsonDocument"/> it came from.</summary>
    private static JsonNode? Copy(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonNode.Parse(element.GetRawText(), documentOptions: CopyOptions),
    };

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

    /// <summary>What a reference names: the file (already read) and the pointer in it, or why it cannot be followed.</summary>
    private sealed record ReferenceTarget(ReferenceKind Kind, ParsedFile? File, string? Pointer, string? Problem);

    /// <summary>One step of the current path: a member (its name is read only when a pointer is needed) or an item.</summary>
    private struct PathToken
    {
        private readonly JsonProperty _property;
        private readonly int _index;

        public PathToken(JsonProperty property) => (_property, _index) = (property, -1);

        public PathToken(int index) => (_property, _index) = (default, index);

        /// <summary>Where this step's part of the current pointer ends in the pointer buffer; -1 until it is written there.</summary>
        public int End { get; set; } = -1;

        public readonly string EscapedName() =>
            _index >= 0 ? _index.ToString(CultureInfo.InvariantCulture) : JsonPointer.Escape(_property.Name);
    }
}
