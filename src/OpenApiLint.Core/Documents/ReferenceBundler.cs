using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Walks a parsed document once and builds the self-contained tree Microsoft.OpenApi reads: only the parts the rules
/// use (see <see cref="SlicePart"/>). Every <c>$ref</c> met, anywhere, is classified on the way; remote references are
/// never fetched and references that leave the document's folder are refused: both are recorded for the rules.
/// </summary>
/// <remarks>
/// <para>
/// Linear by construction: each reference object is followed once (its chain of references to its end, where a
/// reference that leads back into the chain is a cycle), and each target in another file, or at a place the reader
/// cannot resolve, is walked once and shared: a response or parameter becomes a component of the tree every use
/// refers to, carrying where it was defined; body schemas become the property names they define, on the media type
/// (or the Swagger 2.0 response) itself. What the rules need therefore travels in the reader's own model.
/// </para>
/// <para>
/// The walk reads <see cref="JsonDocument"/>s in place and creates objects only for what it keeps, so a 47 MB
/// document whose schemas no rule reads costs little more than parsing it.
/// </para>
/// </remarks>
internal sealed class ReferenceBundler : IDisposable
{
    /// <summary>
    /// On a response or media type that has a body schema: the index in <see cref="BodyPropertySets"/> of the property
    /// names the schema defines. Thousands of bodies share a few schemas: each set is built once and handed on as is.
    /// </summary>
    public const string BodyExtension = "x-openapi-lint-body";

    /// <summary>On a shared response or a path item given by <c>$ref</c>: <c>[file, pointer]</c> of where it is written.</summary>
    public const string OriginExtension = "x-openapi-lint-origin";

    /// <summary>Nesting beyond this (files within files within …) is a hostile document: the C# stack stays bounded.</summary>
    private const int MaxBundledDepth = 1024;

    /// <summary>allOf within allOf beyond this depth is not searched for property names (the stack stays bounded).</summary>
    private const int MaxSchemaDepth = 512;

    private const string SharedPrefix = "openapi-lint-shared-";

    private static readonly JsonDocumentOptions CopyOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = SyntaxReader.MaxDepth };

    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    private readonly ParsedFile _document;
    private readonly bool _isSwagger2;
    private readonly string _rootFolder;
    private readonly Func<string, ParsedFile> _readFile;
    private readonly Dictionary<string, ParsedFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _fileErrors = new(StringComparer.Ordinal);
    // The memos are keyed by file, then pointer (or target), with classes for values: the runtime's generic code
    // over value-tuple keys or over this assembly's structs is never precompiled, and was JIT-compiled in every fresh
    // MSBuild node; over strings and classes it is shared and precompiled.
    private readonly PointerMap<ReferenceHop> _hops = new();
    private readonly List<ParsedFile> _chainFiles = [];
    private readonly List<string> _chainPointers = [];
    private readonly Dictionary<IReadOnlySet<string>, int> _bodySetIndexes = new(ReferenceEqualityComparer.Instance);
    private readonly PointerSet _onChain = new();

    /// <summary>Where each reference object's chain ends: the last hop's target, or <see cref="Broken"/>.</summary>
    private readonly PointerMap<ReferenceHop> _chainEnds = new();
    private readonly PointerMap<Shared>[] _shared = NewSharedMaps();
    private readonly PointerMap<IReadOnlySet<string>> _propertyNames = new();
    private readonly PointerSet _namesInProgress = new();
    private readonly PointerMap<ScopeNode> _scopeNodes = new();
    private readonly JsonObject _sharedResponses = [];
    private readonly JsonObject _sharedParameters = [];
    private readonly PathTokens _tokens = new();
    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
    private Frame _frame;
    private int _namesCut;

    private ReferenceBundler(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        _document = document;
        _isSwagger2 = document.Root.ValueKind == JsonValueKind.Object && document.Root.TryGetProperty("swagger"u8, out _);
        _rootFolder = EnsureTrailingSeparator(Path.GetDirectoryName(Path.GetFullPath(document.Path)) ?? "/");
        _readFile = readFile;
        _frame = new Frame(document, JsonPointer.Root, 0, new char[256], null);
    }

    /// <summary>The tree for Microsoft.OpenApi: the document's parts the rules read, shared targets as components.</summary>
    public JsonObject ReaderTree { get; private set; } = [];

    /// <summary>Every <c>$ref</c> met, each once (in the order met), with whether it could be followed.</summary>
    public List<ReferenceSite> Sites { get; } = [];

    /// <summary>The property-name sets of body schemas, each once, by the index <see cref="BodyExtension"/> holds.</summary>
    public List<IReadOnlySet<string>> BodyPropertySets { get; } = [];

    /// <summary>The other files read (for positions of related locations).</summary>
    public IEnumerable<ParsedFile> ExternalFiles => _files.Values.OfType<ParsedFile>();

    /// <summary>
    /// Values walked, references followed and schemas searched: the work of the load, counted so that tests can
    /// check it stays proportional to the size of the files however their references fan out.
    /// </summary>
    public long Work { get; private set; }

    public static ReferenceBundler Bundle(ParsedFile document, Func<string, ParsedFile> readFile)
    {
        var bundler = new ReferenceBundler(document, readFile);
        try
        {
            var tree = bundler.Walk(document.Root, document, SlicePart.Root) as JsonObject ?? [];
            bundler.AddShared(tree);
            bundler.AddScopes();
            bundler.ReaderTree = tree;
            bundler.ReleaseWalkState();
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

    /// <summary>
    /// What only the walk needs (memos keyed by pointer: a large document's are tens of megabytes) goes before the reader
    /// starts, whose model takes that memory over.
    /// </summary>
    private void ReleaseWalkState()
    {
        _hops.Release();
        _chainEnds.Release();
        foreach (var shared in _shared)
        {
            shared.Release();
        }

        _propertyNames.Release();
        _scopeNodes.Release();
        _bodySetIndexes.Clear();
        _bodySetIndexes.TrimExcess();
        _onChain.Release();
        _targets.Clear();
        _targets.TrimExcess();
        _document.ReleaseIndexes();
        foreach (var file in ExternalFiles)
        {
            file.ReleaseIndexes();
        }
    }

    /// <summary>Shared responses and parameters go where the reader looks for components.</summary>
    private void AddShared(JsonObject tree)
    {
        if (_sharedResponses.Count == 0 && _sharedParameters.Count == 0)
        {
            return;
        }

        var container = tree;
        if (!_isSwagger2)
        {
            if (tree["components"] is not JsonObject components)
            {
                tree["components"] = components = [];
            }

            container = components;
        }

        foreach (var (member, shared) in new[] { ("responses", _sharedResponses), ("parameters", _sharedParameters) })
        {
            if (shared.Count == 0)
            {
                continue;
            }

            if (container[member] is not JsonObject map)
            {
                container[member] = map = [];
            }

            foreach (var (name, node) in shared.ToList())
            {
                shared.Remove(name);
                map[name] = node;
            }
        }
    }

    /// <summary>Walks <paramref name="element"/>, which is <paramref name="part"/>; returns what the reader gets for it.</summary>
    private JsonNode? Walk(JsonElement element, ParsedFile file, SlicePart part)
    {
        switch (part)
        {
            case SlicePart.Dropped:
                WalkDropped(element, file);
                return null;
            case SlicePart.Verbatim:
                WalkDropped(element, file);
                return Copy(element);
            case SlicePart.Header:
                WalkDropped(element, file);
                return new JsonObject();
            case SlicePart.BodySchema:
                var names = element.ValueKind == JsonValueKind.Null ? null : PropertyNames(element, file, 0);
                WalkDropped(element, file);
                return names is null ? null : JsonValue.Create(BodySetOf(names));
            case SlicePart.ParameterLocation:
                // Only header parameters matter; anything else (query, path, body, formData…) reads as a query parameter.
                return JsonValue.Create(element.ValueKind == JsonValueKind.String && element.ValueEquals("header"u8) ? "header" : "query");
        }

        Work++;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (ReferenceOf(element) is { } target)
                {
                    return VisitReference(target, file, part);
                }

                var result = new JsonObject();
                var skipsExtensions = ModelSlice.IsMapWithExtensions(part);
                foreach (var property in element.EnumerateObject())
                {
                    var childPart = ModelSlice.Member(part, property);
                    var name = childPart == SlicePart.BodySchema ? BodyExtension : ModelSlice.IsHandedToReader(childPart) ? ModelSlice.ReaderName(childPart, property) : null;
                    if (skipsExtensions && name is not null && ModelSlice.IsExtension(name))
                    {
                        (childPart, name) = (SlicePart.Dropped, null);
                    }

                    _tokens.Push(new PathToken(property));
                    var child = Walk(property.Value, file, childPart);
                    _tokens.Pop();
                    if (name is not null && (child is not null || childPart != SlicePart.BodySchema))
                    {
                        result[name] = child;
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
                    _tokens.Push(new PathToken(index++));
                    var child = Walk(item, file, partOfItem);
                    _tokens.Pop();
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
    private void WalkDropped(JsonElement element, ParsedFile file)
    {
        Work++;
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array && !MayHoldReference(element))
        {
            // Most of a large document's schemas, examples and descriptions hold no reference: a scan of their bytes
            // (vectorised) replaces enumerating every value in them.
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (ReferenceOf(element) is { } target)
                {
                    VisitReference(target, file, SlicePart.Dropped);
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _tokens.Push(new PathToken(property));
                        WalkDropped(property.Value, file);
                        _tokens.Pop();
                    }
                }

                break;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _tokens.Push(new PathToken(index));
                        WalkDropped(item, file);
                        _tokens.Pop();
                    }

                    index++;
                }

                break;
        }
    }

    /// <summary>A reference object at the current place: followed once, and what it leads to given to the reader.</summary>
    private JsonNode? VisitReference(string target, ParsedFile file, SlicePart part)
    {
        var site = CurrentPointer();
        var end = Follow(file, site, target, _frame.Node);
        if (end is not { File: { } targetFile, Pointer: { } endPointer })
        {
            return Unresolvable(part);
        }

        var found = end.Found;

        var inDocument = targetFile == _document;
        switch (part)
        {
            case SlicePart.Response or SlicePart.Parameter:
                if (inDocument && IsComponent(endPointer, part))
                {
                    // The reader resolves the document's own components.
                    return new JsonObject { ["$ref"] = "#" + endPointer };
                }

                if (found.ValueKind != JsonValueKind.Object || (inDocument && endPointer.Length == 0))
                {
                    return Unresolvable(part);
                }

                return Share(targetFile, endPointer, found, part, NodeOf(file, site));

            case SlicePart.PathItem or SlicePart.Callback:
                // The reader gets the path item (or callback) in place (walked once, copied per use), saying where it is written: the
                // findings under it are reported there.
                if (found.ValueKind != JsonValueKind.Object || (inDocument && endPointer.Length == 0))
                {
                    return Unresolvable(part);
                }

                var pathItem = WalkShared(targetFile, endPointer, found, part, NodeOf(file, site))?.DeepClone() as JsonObject ?? [];
                pathItem[OriginExtension] = new JsonArray(JsonValue.Create(targetFile.Path), JsonValue.Create(endPointer));
                return pathItem;

            case SlicePart.Dropped:
                // The document is walked anyway; another file's target is walked once, for the references it holds.
                if (!inDocument)
                {
                    WalkShared(targetFile, endPointer, found, SlicePart.Dropped, NodeOf(file, site));
                }

                return null;

            default:
                // Content in place of a path item, an operation…: the reader gets a copy of what the target became.
                if (inDocument)
                {
                    return new JsonObject();
                }

                var node = WalkShared(targetFile, endPointer, found, part, NodeOf(file, site));
                return node?.DeepClone();
        }
    }

    /// <summary>
    /// Follows the reference object at <paramref name="pointer"/> of <paramref name="file"/> to the end of its chain of
    /// references, recording each reference object met as a site (once). A reference whose target is already on the
    /// chain closes a cycle: that one is reported, and the chain leads nowhere.
    /// </summary>
    private ReferenceHop Follow(ParsedFile file, string pointer, string target, ScopeNode? context)
    {
        if (file != _document && context is not null)
        {
            NodeOf(file, pointer).Parents.Add(context);
        }

        if (_chainEnds.Get(file.Path, pointer) is { } known)
        {
            return known;
        }

        // Reused: a chain is followed to its end before the next one starts.
        var chainFiles = _chainFiles;
        var chainPointers = _chainPointers;
        var onChain = _onChain;
        chainFiles.Clear();
        chainPointers.Clear();
        onChain.Clear();
        var end = Broken;
        var (currentFile, currentPointer, currentTarget) = (file, pointer, target);
        while (true)
        {
            Work++;
            if (chainFiles.Count > 0 && _chainEnds.Get(currentFile.Path, currentPointer) is { } memo)
            {
                end = memo;
                break;
            }

            if (chainFiles.Count > 0 && currentFile != _document)
            {
                // Reached through the previous reference of the chain.
                NodeOf(currentFile, currentPointer).Parents.Add(NodeOf(chainFiles[^1], chainPointers[^1]));
            }

            onChain.Add(currentFile.Path, currentPointer);
            chainFiles.Add(currentFile);
            chainPointers.Add(currentPointer);
            var hop = Hop(currentTarget, currentFile);
            if (hop.Problem is not null)
            {
                RecordSite(currentFile, currentPointer, currentTarget, hop.Kind, hop.Problem);
                break;
            }

            if (ReferenceOf(hop.Found) is { } next)
            {
                if (onChain.Contains(hop.File!.Path, hop.Pointer!))
                {
                    RecordSite(currentFile, currentPointer, currentTarget, hop.Kind, CycleProblem(hop.File, hop.Pointer!));
                    break;
                }

                RecordSite(currentFile, currentPointer, currentTarget, hop.Kind, null);
                (currentFile, currentPointer, currentTarget) = (hop.File, hop.Pointer!, next);
                continue;
            }

            RecordSite(currentFile, currentPointer, currentTarget, hop.Kind, null);
            end = hop;
            break;
        }

        for (var link = 0; link < chainFiles.Count; link++)
        {
            _chainEnds.Set(chainFiles[link].Path, chainPointers[link], end);
        }

        return end;
    }

    /// <summary>
    /// One step of a reference written in <paramref name="file"/>: what it names and the value there, or why there is
    /// none. The same target written many times (a schema referenced from thousands of places) is looked up once.
    /// </summary>
    private ReferenceHop Hop(string target, ParsedFile file)
    {
        if (_hops.Get(file.Path, target) is { } known)
        {
            return known;
        }

        var resolved = Classify(target, file);
        var problem = resolved.Problem;
        JsonElement found = default;
        if (problem is null)
        {
            if (resolved.File is null || resolved.Pointer is null)
            {
                problem = "its fragment is not a JSON pointer";
            }
            else if (resolved.File.Find(resolved.Pointer) is { } element)
            {
                found = element;
            }
            else
            {
                problem = resolved.Kind == ReferenceKind.Local && file == _document
                    ? "its target does not exist"
                    : $"'{resolved.Pointer}' does not exist in {Path.GetFileName(resolved.File.Path)}";
            }
        }

        var hop = new ReferenceHop(resolved.Kind, problem is null ? resolved.File : null, resolved.Pointer, problem, found);
        _hops.Set(file.Path, target, hop);
        return hop;
    }

    /// <summary><c>it closes a cycle of references: #/A → #/B → #/A</c>, each reference named by where it is.</summary>
    /// <param name="file">The file of the reference on the current chain that the last one leads back to.</param>
    /// <param name="pointer">Its pointer.</param>
    private string CycleProblem(ParsedFile file, string pointer)
    {
        string Name(int link) =>
            (_chainFiles[link] == _document ? "#" : Path.GetFileName(_chainFiles[link].Path) + "#") + _chainPointers[link];

        // Found once per cycle, when the chain ends there: the search does not repeat.
        var start = 0;
        while (_chainFiles[start].Path != file.Path || _chainPointers[start] != pointer)
        {
            start++;
        }

        var names = new List<string>(_chainFiles.Count - start + 1);
        for (var link = start; link < _chainFiles.Count; link++)
        {
            names.Add(Name(link));
        }

        names.Add(Name(start));
        return $"it closes a cycle of references: {string.Join(" → ", names)}";
    }

    /// <summary>Called once per reference object: <see cref="Follow"/> records each link of a chain when it first meets it.</summary>
    private void RecordSite(ParsedFile file, string pointer, string target, ReferenceKind kind, string? problem)
    {
        // A large document writes the same few thousand targets a hundred thousand times: each is kept once. Only the
        // references a rule reports (those that could not be followed) need their scope; those in another file get theirs in AddScopes.
        if (!_targets.TryGetValue(target, out var shared))
        {
            _targets[target] = shared = target;
        }

        Sites.Add(new ReferenceSite(new SourcePointer(file.Path, pointer), shared, kind, problem) { ScopePointers = file == _document && problem is not null ? [pointer] : [] });
    }

    /// <summary>
    /// The node of the reference object at <paramref name="pointer"/>: for one in the document, its own place (the
    /// scope of findings about it); for one in another file, a node whose parents are whatever reached it.
    /// </summary>
    private ScopeNode NodeOf(ParsedFile file, string pointer)
    {
        if (_scopeNodes.Get(file.Path, pointer) is not { } node)
        {
            node = new ScopeNode(file == _document ? pointer : null, _scopeNodes.Count);
            _scopeNodes.Set(file.Path, pointer, node);
        }

        return node;
    }

    /// <summary>
    /// A reference in another file is reached from one or more places in the document. Those places, in the order the
    /// walk met them, are the scopes of a finding about it (the rules report it once, for the first operation that
    /// does not silence it). Only references a rule reports need them: the search runs for those alone.
    /// </summary>
    private void AddScopes()
    {
        for (var i = 0; i < Sites.Count; i++)
        {
            var site = Sites[i];
            if (site.ScopePointers.Count > 0 || (site.IsResolved && site.Kind is ReferenceKind.Local or ReferenceKind.RelativeFile)
                || _scopeNodes.Get(site.Site.File, site.Site.Pointer) is not { } start)
            {
                continue;
            }

            var found = new List<ScopeNode>();
            var seen = new HashSet<ScopeNode> { start };
            var pending = new Stack<ScopeNode>();
            pending.Push(start);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                Work++;
                if (node.DocumentPointer is not null)
                {
                    found.Add(node);
                    continue;
                }

                foreach (var parent in node.Parents)
                {
                    if (seen.Add(parent))
                    {
                        pending.Push(parent);
                    }
                }
            }

            Sites[i] = site with { ScopePointers = [.. found.OrderBy(node => node.Order).Select(node => node.DocumentPointer!)] };
        }
    }

    /// <summary>Whether <paramref name="pointer"/> names one of the document's own response or parameter components.</summary>
    private bool IsComponent(string pointer, SlicePart part)
    {
        var prefix = (_isSwagger2, part) switch
        {
            (true, SlicePart.Response) => "/responses/",
            (true, _) => "/parameters/",
            (false, SlicePart.Response) => "/components/responses/",
            _ => "/components/parameters/",
        };
        return pointer.Length > prefix.Length && pointer.StartsWith(prefix, StringComparison.Ordinal) && pointer.IndexOf('/', prefix.Length) < 0;
    }

    /// <summary>
    /// A response or parameter defined in another file (or where the reader cannot resolve it): walked once into a
    /// component of the tree, which every use refers to. A response says where it was defined.
    /// </summary>
    private JsonObject Share(ParsedFile file, string pointer, JsonElement found, SlicePart part, ScopeNode user)
    {
        var sharedOfPart = _shared[(int)part];
        if (sharedOfPart.Get(file.Path, pointer) is not { } shared)
        {
            shared = new Shared(SharedPrefix + (SharedCount() + 1).ToString(CultureInfo.InvariantCulture));
            sharedOfPart.Set(file.Path, pointer, shared);
            shared.Scope.Parents.Add(user);
            if (_tokens.Count <= MaxBundledDepth)
            {
                var node = WalkFrame(file, pointer, found, part, shared.Scope) as JsonObject ?? [];
                if (part == SlicePart.Response)
                {
                    node[OriginExtension] = new JsonArray(JsonValue.Create(file.Path), JsonValue.Create(pointer));
                    _sharedResponses[shared.Name] = node;
                }
                else
                {
                    _sharedParameters[shared.Name] = node;
                }
            }
        }

        shared.Scope.Parents.Add(user);
        var prefix = _isSwagger2 ? "#/" : "#/components/";
        return new JsonObject { ["$ref"] = $"{prefix}{(part == SlicePart.Response ? "responses" : "parameters")}/{shared.Name}" };
    }

    /// <summary>Another file's target, walked once as <paramref name="part"/>; <c>null</c> while that walk is under way.</summary>
    private JsonNode? WalkShared(ParsedFile file, string pointer, JsonElement found, SlicePart part, ScopeNode user)
    {
        var sharedOfPart = _shared[(int)part];
        if (sharedOfPart.Get(file.Path, pointer) is { } shared)
        {
            // Met again (a recursive schema across files is met again while it is walked): walked once.
            shared.Scope.Parents.Add(user);
            return shared.Node;
        }

        shared = new Shared(string.Empty);
        sharedOfPart.Set(file.Path, pointer, shared);
        shared.Scope.Parents.Add(user);
        if (_tokens.Count <= MaxBundledDepth)
        {
            shared.Node = WalkFrame(file, pointer, found, part, shared.Scope);
        }

        return shared.Node;
    }

    /// <summary>Walks a target in its own file, with pointers of that file; what it holds is reached through <paramref name="scope"/>.</summary>
    private JsonNode? WalkFrame(ParsedFile file, string pointer, JsonElement found, SlicePart part, ScopeNode scope)
    {
        var outer = _frame;
        var buffer = new char[Math.Max(256, pointer.Length * 2)];
        pointer.CopyTo(buffer);
        _frame = new Frame(file, pointer, _tokens.Count, buffer, scope);
        try
        {
            return Walk(found, file, part);
        }
        finally
        {
            _frame = outer;
        }
    }

    /// <summary>
    /// What the reader gets for a reference that cannot be followed (missing, remote, outside the folder, malformed,
    /// or part of a cycle): a response or parameter reference to a component that does not exist, which
    /// Microsoft.OpenApi reads as unresolved, as the rules expect; an empty object anywhere else. Handing the
    /// reference on as written made Microsoft.OpenApi throw on some (a Swagger 2.0 response with '$ref: notes.txt'
    /// threw IndexOutOfRangeException).
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

    private int BodySetOf(IReadOnlySet<string> names)
    {
        if (!_bodySetIndexes.TryGetValue(names, out var index))
        {
            index = BodyPropertySets.Count;
            BodyPropertySets.Add(names);
            _bodySetIndexes[names] = index;
        }

        return index;
    }

    /// <summary>
    /// The property names a schema defines, through <c>allOf</c> and references, in whichever file they lead to. Each
    /// referenced schema is searched once and its answer shared; a cycle of <c>allOf</c>s is cut (and what was found
    /// inside it while cut is not kept as the answer for the schemas on it).
    /// </summary>
    private IReadOnlySet<string> PropertyNames(JsonElement schema, ParsedFile file, int depth)
    {
        Work++;
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxSchemaDepth)
        {
            return NoNames;
        }

        if (ReferenceOf(schema) is { } reference)
        {
            if (Classify(reference, file) is not { Problem: null, File: { } next, Pointer: { } pointer } || next.Find(pointer) is not { } target)
            {
                return NoNames;
            }

            if (_propertyNames.Get(next.Path, pointer) is { } known)
            {
                return known;
            }

            if (!_namesInProgress.Add(next.Path, pointer))
            {
                _namesCut++;
                return NoNames;
            }

            var cutsBefore = _namesCut;
            var names = PropertyNames(target, next, depth + 1);
            _namesInProgress.Remove(next.Path, pointer);
            if (_namesCut == cutsBefore)
            {
                _propertyNames.Set(next.Path, pointer, names);
            }

            return names;
        }

        HashSet<string>? own = null;
        if (schema.TryGetProperty("properties"u8, out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in properties.EnumerateObject())
            {
                own.Add(property.Name);
            }
        }

        if (schema.TryGetProperty("allOf"u8, out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                var names = PropertyNames(part, file, depth + 1);
                if (names.Count > 0)
                {
                    (own ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(names);
                }
            }
        }

        return own ?? NoNames;
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


    /// <summary>
    /// The pointer of the current node in the file being walked. The escaped path is kept in one buffer per walk,
    /// extended only as far as a pointer has been asked for: siblings (the many <c>$ref</c>s among one schema's
    /// properties) reuse their parent's part of it, and members no pointer passes through never have their names read.
    /// </summary>
    private string CurrentPointer()
    {
        // The current frame's tokens: from its start to the top of the stack.
        var tokens = _tokens.Items;
        var known = _tokens.Count - 1;
        while (known >= _frame.Start && tokens[known].End < 0)
        {
            known--;
        }

        var length = known < _frame.Start ? _frame.Prefix.Length : tokens[known].End;
        for (var i = known + 1; i < _tokens.Count; i++)
        {
            var name = tokens[i].EscapedName();
            var needed = length + 1 + name.Length;
            if (_frame.Buffer.Length < needed)
            {
                var larger = new char[Math.Max(needed, _frame.Buffer.Length * 2)];
                _frame.Buffer.AsSpan(0, length).CopyTo(larger);
                _frame = _frame with { Buffer = larger };
            }

            _frame.Buffer[length] = '/';
            name.CopyTo(_frame.Buffer.AsSpan(length + 1));
            length = needed;
            tokens[i].End = length;
        }

        return new string(_frame.Buffer, 0, length);
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

    /// <summary>
    /// Whether the text of a value may hold a <c>$ref</c> member: it has <c>$ref</c> in it, or a <c>\u</c> escape (a member
    /// name may spell <c>$ref</c> with escapes). An escaped backslash is skipped as a pair, so <c>\\u</c> is no escape.
    /// </summary>
    private static bool MayHoldReference(JsonElement element)
    {
        var text = JsonMarshal.GetRawUtf8Value(element);
        while (true)
        {
            var at = text.IndexOfAny((byte)'$', (byte)'\\');
            if (at < 0 || at + 1 >= text.Length)
            {
                return false;
            }

            if (text[at] == (byte)'$' ? text[(at + 1)..].StartsWith("ref"u8) : text[at + 1] == (byte)'u')
            {
                return true;
            }

            text = text[(at + (text[at] == (byte)'$' ? 1 : 2))..];
        }
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

    /// <summary>One step of a reference: its kind, the file and pointer it names and the value there, or its problem.</summary>
    /// <remarks>A class, one per target written in a file (not per reference): see the memos above.</remarks>
    private sealed record ReferenceHop(ReferenceKind Kind, ParsedFile? File, string? Pointer, string? Problem, JsonElement Found);

    /// <summary>The end of a chain of references that leads to no value (broken, or a cycle).</summary>
    private static readonly ReferenceHop Broken = new(ReferenceKind.Local, null, null, "broken", default);

    /// <summary>A target walked once: its component name (responses, parameters) or what it became.</summary>
    private sealed class Shared(string name)
    {
        public string Name { get; } = name;

        public ScopeNode Scope { get; } = new(null, -1);

        public JsonNode? Node { get; set; }
    }

    /// <summary>The file being walked, the pointer the walk started at there, and what the references in it are reached through.</summary>
    private record struct Frame(ParsedFile File, string Prefix, int Start, char[] Buffer, ScopeNode? Node);

    /// <summary>A place references are reached from: a reference in the document (its pointer) or anything reached from others.</summary>
    private sealed class ScopeNode(string? documentPointer, int order)
    {
        public string? DocumentPointer { get; } = documentPointer;

        /// <summary>Creation order: document places are created as the walk meets them, so this is document order.</summary>
        public int Order { get; } = order;

        public HashSet<ScopeNode> Parents { get; } = [];
    }

    /// <summary>How many targets were shared or walked once so far, whatever their part: what names the next shared one.</summary>
    private int SharedCount()
    {
        var count = 0;
        foreach (var map in _shared)
        {
            count += map.Count;
        }

        return count;
    }

    /// <summary>One map per <see cref="SlicePart"/>: a target walked as one part is walked again as another.</summary>
    private static PointerMap<Shared>[] NewSharedMaps()
    {
        var maps = new PointerMap<Shared>[Enum.GetValuesAsUnderlyingType(typeof(SlicePart)).Length];
        for (var part = 0; part < maps.Length; part++)
        {
            maps[part] = new PointerMap<Shared>();
        }

        return maps;
    }

    /// <summary>Values by file, then pointer (or target) in it: no key is built for a lookup.</summary>
    private sealed class PointerMap<T>
        where T : class
    {
        private readonly Dictionary<string, Dictionary<string, T>> _byFile = new(StringComparer.Ordinal);

        /// <summary>How many values were set at distinct places.</summary>
        public int Count { get; private set; }

        public T? Get(string file, string pointer) =>
            _byFile.TryGetValue(file, out var inFile) && inFile.TryGetValue(pointer, out var value) ? value : null;

        public void Set(string file, string pointer, T value)
        {
            if (!_byFile.TryGetValue(file, out var inFile))
            {
                _byFile[file] = inFile = new Dictionary<string, T>(StringComparer.Ordinal);
            }

            if (inFile.TryAdd(pointer, value))
            {
                Count++;
            }
            else
            {
                inFile[pointer] = value;
            }
        }

        /// <summary>Empties the map and gives its memory back.</summary>
        public void Release()
        {
            _byFile.Clear();
            _byFile.TrimExcess();
            Count = 0;
        }
    }

    /// <summary>Places by file, then pointer.</summary>
    private sealed class PointerSet
    {
        private readonly Dictionary<string, HashSet<string>> _byFile = new(StringComparer.Ordinal);

        public bool Add(string file, string pointer)
        {
            if (!_byFile.TryGetValue(file, out var inFile))
            {
                _byFile[file] = inFile = new HashSet<string>(StringComparer.Ordinal);
            }

            return inFile.Add(pointer);
        }

        public bool Contains(string file, string pointer) => _byFile.TryGetValue(file, out var inFile) && inFile.Contains(pointer);

        public void Remove(string file, string pointer)
        {
            if (_byFile.TryGetValue(file, out var inFile))
            {
                inFile.Remove(pointer);
            }
        }

        /// <summary>Empties the set, keeping its memory for the next use.</summary>
        public void Clear()
        {
            foreach (var inFile in _byFile.Values)
            {
                inFile.Clear();
            }
        }

        /// <summary>Empties the set and gives its memory back.</summary>
        public void Release()
        {
            _byFile.Clear();
            _byFile.TrimExcess();
        }
    }

    /// <summary>
    /// The steps of the current path, as a stack over a plain array: a list or span of <see cref="PathToken"/> is
    /// generic code over a struct of this assembly, never precompiled.
    /// </summary>
    private sealed class PathTokens
    {
        /// <summary>The steps, <see cref="Count"/> of them from index 0; read and updated in place.</summary>
        public PathToken[] Items { get; private set; } = new PathToken[64];

        public int Count { get; private set; }

        public void Push(PathToken token)
        {
            if (Count == Items.Length)
            {
                var larger = new PathToken[Items.Length * 2];
                Array.Copy(Items, larger, Count);
                Items = larger;
            }

            Items[Count++] = token;
        }

        public void Pop() => Items[--Count] = default;
    }

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
