using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Turns Microsoft.OpenApi's model into the operations the rules check. The model keeps no positions, so every
/// element gets the JSON pointer it has in the raw document; a referenced response keeps where it is defined (a
/// component of the document, or what the bundler shared, which says where it came from), and body schemas are the
/// property names the bundler put on them (see <see cref="ReferenceBundler"/>).
/// </summary>
internal sealed class ApiModelBuilder
{
    private static readonly IReadOnlySet<string> NoStrings = new HashSet<string>();

    private readonly string _file;
    private readonly IReadOnlyList<IReadOnlySet<string>> _bodySets;
    private readonly string _bodyMember;

    // Large documents point thousands of operations at a few shared responses and parameters: each is resolved once
    // (Microsoft.OpenApi resolves a reference again, through its workspace, on every member read).
    private readonly Dictionary<string, ResponseShape> _sharedResponses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _sharedHeaderNames = new(StringComparer.Ordinal);

    private ApiModelBuilder(string file, string specVersion, IReadOnlyList<IReadOnlySet<string>> bodySets)
    {
        _file = file;
        _bodySets = bodySets;
        _bodyMember = specVersion == "2.0" ? "schema" : "content";
    }

    /// <summary>
    /// A builder for the paths of a document whose components were read on their own (see <see cref="ModelReader"/>):
    /// a reference to a component takes what <paramref name="components"/> built from it.
    /// </summary>
    public ApiModelBuilder(ApiModelBuilder components)
        : this(components._file, components._bodyMember == "schema" ? "2.0" : "3.0.0", components._bodySets)
    {
        _sharedResponses = components._sharedResponses;
        _sharedHeaderNames = components._sharedHeaderNames;
        _componentsOnly = true;
    }

    /// <summary>Whether the shapes of the components are all known already (read-only: shared by builders on other threads).</summary>
    private readonly bool _componentsOnly;

    public static IReadOnlyList<ApiOperation> Build(OpenApiDocument document, string specVersion, string file, IReadOnlyList<IReadOnlySet<string>> bodySets) =>
        BuildAll(document, specVersion, file, bodySets, webhooksMember: "webhooks").Paths;

    /// <summary>
    /// The operations of the paths, of the webhooks (<paramref name="webhooksMember"/>: <c>webhooks</c>, or
    /// <c>x-webhooks</c> where the document wrote them so) and of every operation's callbacks.
    /// </summary>
    public static (IReadOnlyList<ApiOperation> Paths, IReadOnlyList<ApiOperation> Webhooks, IReadOnlyList<ApiOperation> Callbacks) BuildAll(
        OpenApiDocument document, string specVersion, string file, IReadOnlyList<IReadOnlySet<string>> bodySets, string webhooksMember)
    {
        var builder = new ApiModelBuilder(file, specVersion, bodySets);
        var model = new ModelPart();
        builder.AddPaths(document, webhooksMember, model);
        return (model.Paths, model.Webhooks, model.Callbacks);
    }

    /// <summary>
    /// A builder that knows the shape of every response and the header name of every parameter among the components of
    /// <paramref name="components"/>, a document the reader was given the components alone of.
    /// </summary>
    public static ApiModelBuilder ForComponents(OpenApiDocument components, string specVersion, string file, IReadOnlyList<IReadOnlySet<string>> bodySets)
    {
        var builder = new ApiModelBuilder(file, specVersion, bodySets);
        foreach (var (id, response) in components.Components?.Responses ?? new Dictionary<string, IOpenApiResponse>())
        {
            builder._sharedResponses[id] = response is not null && Resolve(response) is { } resolved ? builder.Shape(resolved, builder.DefinitionOf(resolved, id)) : ResponseShape.Unresolved;
        }

        foreach (var (id, parameter) in components.Components?.Parameters ?? new Dictionary<string, IOpenApiParameter>())
        {
            builder._sharedHeaderNames[id] = parameter is not null && ResolveParameter(parameter) is { } resolved ? HeaderName(resolved) : null;
        }

        return builder;
    }

    /// <summary>Adds the operations of <paramref name="document"/>'s paths and webhooks (and their callbacks) to <paramref name="model"/>.</summary>
    public void AddPaths(OpenApiDocument document, string webhooksMember, ModelPart model)
    {
        foreach (var (path, pathItem) in document.Paths ?? [])
        {
            AddOperations(model.Paths, model.Callbacks, pathItem, path, JsonPointer.Append("/paths", path), OperationKind.Path);
        }

        foreach (var (name, pathItem) in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            AddOperations(model.Webhooks, model.Callbacks, pathItem, name, JsonPointer.Append("/" + webhooksMember, name), OperationKind.Webhook);
        }
    }

    /// <summary>
    /// The webhooks of a Swagger 2.0 document (its <c>x-webhooks</c>), read as the paths of <paramref name="document"/>
    /// (each name behind a '/'):
    /// named by their webhook's name, at their pointers under <c>/x-webhooks</c>.
    /// </summary>
    public static IReadOnlyList<ApiOperation> BuildSwaggerWebhooks(OpenApiDocument document, string file, IReadOnlyList<IReadOnlySet<string>> bodySets)
    {
        var builder = new ApiModelBuilder(file, "2.0", bodySets);
        var webhooks = new List<ApiOperation>();
        foreach (var (key, pathItem) in document.Paths ?? [])
        {
            // The loader put each webhook's name behind a '/', for the reader to take it as a path.
            var name = key[1..];
            builder.AddOperations(webhooks, webhooks, pathItem, name, JsonPointer.Append("/x-webhooks", name), OperationKind.Webhook);
        }

        return webhooks;
    }

    /// <summary>
    /// Adds the operations of one path item to <paramref name="operations"/>, and those of their callbacks to
    /// <paramref name="callbacks"/> (a callback's own callbacks too). <c>writtenAt</c>: where the path item is written
    /// when what holds it was given by a <c>$ref</c> (a callback from <c>components.callbacks</c> or a file), <c>null</c>
    /// when written in place (a path item that is itself a <c>$ref</c> says so on its own, and that wins);
    /// <c>referencedAt</c>: where that <c>$ref</c> is written.
    /// </summary>
    private void AddOperations(
        List<ApiOperation> operations,
        List<ApiOperation> callbacks,
        IOpenApiPathItem? pathItem,
        string path,
        string pathPointer,
        OperationKind kind,
        SourcePointer? writtenAt = null,
        SourcePointer? referencedAt = null)
    {
        if (pathItem?.Operations is null)
        {
            return;
        }

        // A path item given by a $ref (to components.pathItems or a file) says where it is written; its $ref is
        // written where the path item would be.
        var pathItemDefinition = Origin(pathItem.Extensions);
        var pathItemReference = pathItemDefinition is null ? referencedAt : writtenAt ?? new SourcePointer(_file, pathPointer);
        pathItemDefinition ??= writtenAt;
        SourcePointer? WrittenAt(string pointer) =>
            pathItemDefinition is { } definition ? definition with { Pointer = definition.Pointer + pointer[pathPointer.Length..] } : null;

        var pathHeaders = HeaderParameters(pathItem.Parameters);
        foreach (var (httpMethod, operation) in pathItem.Operations)
        {
            var method = httpMethod.Method.ToLowerInvariant();
            var pointer = JsonPointer.Append(pathPointer, method);
            var requestHeaders = new HashSet<string>(pathHeaders, StringComparer.OrdinalIgnoreCase);
            requestHeaders.UnionWith(HeaderParameters(operation.Parameters));

            var responses = new List<ApiResponse>();
            foreach (var (key, response) in operation.Responses ?? [])
            {
                var responsePointer = JsonPointer.Append(pointer, "responses", key);
                responses.Add(BuildResponse(key, responsePointer, response));
            }

            var ignored = IgnoredRules(operation.Extensions);
            operations.Add(new ApiOperation(
                path,
                method,
                pointer,
                responses,
                requestHeaders,
                ignored.Ids,
                operation.OperationId,
                operation.Summary)
            {
                IgnoreJustifications = ignored.Justifications,
                PathItemPointer = pathPointer,
                PathItemDefinition = pathItemDefinition,
                PathItemReference = pathItemReference,
                Kind = kind,
            });

            // Bounded: the reader's tree is finite (references are copies made by the bundler, cycles cut), so this ends.
            foreach (var (name, callback) in operation.Callbacks ?? new Dictionary<string, IOpenApiCallback>())
            {
                // A callback given by a $ref (components.callbacks, a file) says where it is written: its operations'
                // findings are reported there, its $ref related (as for a $ref'd path item). One written in place
                // under a $ref'd path item is written under that path item's definition.
                var site = JsonPointer.Append(pointer, "callbacks", name);
                var origin = Origin(callback?.Extensions);
                var callbackWrittenAt = origin ?? WrittenAt(site);
                var callbackReference = origin is null ? pathItemReference : WrittenAt(site) ?? new SourcePointer(_file, site);
                foreach (var (expression, callbackItem) in callback?.PathItems ?? [])
                {
                    var text = expression.Expression;
                    var writtenHere = callbackWrittenAt is { } at ? at with { Pointer = JsonPointer.Append(at.Pointer, text) } : null;
                    AddOperations(callbacks, callbacks, callbackItem, text, JsonPointer.Append(site, text), OperationKind.Callback, writtenHere, callbackReference);
                }
            }
        }
    }

    /// <param name="key">The status key as written.</param>
    /// <param name="pointer">The status key's pointer under the operation, in the linted document.</param>
    /// <param name="response">The response as Microsoft.OpenApi read it.</param>
    private ApiResponse BuildResponse(string key, string pointer, IOpenApiResponse? response)
    {
        ResponseShape shape;
        if (response is OpenApiResponseReference reference)
        {
            // Every member read through a reference resolves it again; resolve once and read the target.
            var id = reference.Reference.Id ?? string.Empty;
            if (!_sharedResponses.TryGetValue(id, out var shared))
            {
                shared = Resolve(reference) is { } resolved ? Shape(resolved, DefinitionOf(resolved, id)) : ResponseShape.Unresolved;
                if (!_componentsOnly)
                {
                    _sharedResponses[id] = shared;
                }
            }

            shape = shared;
        }
        else
        {
            shape = response is null ? ResponseShape.Unresolved : Shape(response, null);
        }

        return new ApiResponse(key, pointer, shape.Definition, shape.IsResolved, shape.Headers, shape.MediaTypes, _bodyMember, shape.BodyPropertyNames, shape.IgnoredRules.Ids)
        {
            IgnoreJustifications = shape.IgnoredRules.Justifications,
        };
    }

    /// <summary>Where a referenced response is defined: where the bundler found it, or the document's component.</summary>
    private SourcePointer DefinitionOf(IOpenApiResponse response, string id) =>
        Origin(response.Extensions)
        ?? new SourcePointer(_file, _bodyMember == "schema" ? JsonPointer.Append("/responses", id) : JsonPointer.Append("/components/responses", id));

    /// <summary>Where the bundler found what it shared (a response, a path item); <c>null</c> when written in place.</summary>
    private static SourcePointer? Origin(IDictionary<string, IOpenApiExtension>? extensions) =>
        extensions is not null && extensions.TryGetValue(ReferenceBundler.OriginExtension, out var origin)
        && origin is JsonNodeExtension { Node: JsonArray { Count: 2 } where }
        && where[0] is JsonValue file && file.TryGetValue<string>(out var originFile)
        && where[1] is JsonValue pointer && pointer.TryGetValue<string>(out var originPointer)
            ? new SourcePointer(originFile, originPointer)
            : null;

    /// <summary>What a response declares, read from the response itself (never a reference).</summary>
    private ResponseShape Shape(IOpenApiResponse response, SourcePointer? definition)
    {
        var headers = new HashSet<string>(response.Headers?.Keys ?? [], StringComparer.OrdinalIgnoreCase);
        List<string> mediaTypes;
        IReadOnlySet<string>? properties;
        if (_bodyMember == "schema")
        {
            // Swagger 2.0: "If this field [schema] does not exist, it means no content is returned as part of the
            // response." Microsoft.OpenApi lists every `produces` type for every response regardless, which made every
            // schema-less 204 and 304 of a document with a global `produces` "declare a body".
            properties = BodyNames(response.Extensions);
            mediaTypes = properties is null ? [] : [.. response.Content?.Keys ?? []];
        }
        else
        {
            mediaTypes = [.. response.Content?.Keys ?? []];
            properties = null;
            string? first = null;
            foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                // The media type whose schema describes the body: the first JSON one with a schema, else the first with a schema.
                if (BodyNames(content?.Extensions) is not { } names)
                {
                    continue;
                }

                if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    properties = names;
                    first = null;
                    break;
                }

                if (first is null)
                {
                    (first, properties) = (mediaType, names);
                }
            }
        }

        return new ResponseShape(true, definition, headers, mediaTypes, properties, IgnoredRules(response.Extensions));
    }

    /// <summary>The body schema's property names the bundler recorded; <c>null</c> when there is no body schema.</summary>
    private IReadOnlySet<string>? BodyNames(IDictionary<string, IOpenApiExtension>? extensions) =>
        extensions is not null && extensions.TryGetValue(ReferenceBundler.BodyExtension, out var body) && body is JsonNodeExtension { Node: JsonValue value }
            && value.TryGetValue<int>(out var index) && index >= 0 && index < _bodySets.Count
            ? _bodySets[index]
            : null;

    private static IOpenApiResponse? Resolve(IOpenApiResponse reference)
    {
        IOpenApiResponse? target = reference;
        for (var hops = 0; hops < 64 && target is OpenApiResponseReference next; hops++)
        {
            target = next.Target;
        }

        return target is OpenApiResponseReference ? null : target;
    }

    private List<string> HeaderParameters(IList<IOpenApiParameter>? parameters)
    {
        var names = new List<string>();
        foreach (var parameter in parameters ?? [])
        {
            var name = parameter switch
            {
                OpenApiParameterReference reference => SharedHeaderName(reference),
                _ => HeaderName(parameter),
            };
            if (name is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private string? SharedHeaderName(OpenApiParameterReference reference)
    {
        // Every parameter reference the reader gets names a component of the document (the bundler made it so).
        var key = reference.Reference.Id ?? string.Empty;
        if (!_sharedHeaderNames.TryGetValue(key, out var name))
        {
            name = ResolveParameter(reference) is { } target ? HeaderName(target) : null;
            if (!_componentsOnly)
            {
                _sharedHeaderNames[key] = name;
            }
        }

        return name;
    }

    /// <summary>What a parameter is once references are followed (a component may refer to another; a cycle names nothing).</summary>
    private static IOpenApiParameter? ResolveParameter(IOpenApiParameter parameter)
    {
        IOpenApiParameter? target = parameter;
        for (var hops = 0; hops < 64 && target is OpenApiParameterReference next; hops++)
        {
            target = next.Target;
        }

        return target is OpenApiParameterReference ? null : target;
    }

    private static string? HeaderName(IOpenApiParameter parameter) =>
        parameter.In == ParameterLocation.Header && parameter.Name is { Length: > 0 } name ? name : null;

    /// <summary>The operations built from one part of a document, in document order.</summary>
    public sealed class ModelPart
    {
        public List<ApiOperation> Paths { get; } = [];

        public List<ApiOperation> Webhooks { get; } = [];

        public List<ApiOperation> Callbacks { get; } = [];
    }

    /// <summary>What a response declares, shared by every operation that references it.</summary>
    private sealed record ResponseShape(
        bool IsResolved,
        SourcePointer? Definition,
        IReadOnlySet<string> Headers,
        IReadOnlyList<string> MediaTypes,
        IReadOnlySet<string>? BodyPropertyNames,
        Ignores IgnoredRules)
    {
        public static ResponseShape Unresolved { get; } = new(false, null, NoStrings, [], null, Ignores.None);
    }

    /// <summary>The rule ids an <c>x-openapi-lint-ignore</c> names, and the reasons it gives for them.</summary>
    private sealed record Ignores(IReadOnlySet<string> Ids, IReadOnlyDictionary<string, string> Justifications)
    {
        public static Ignores None { get; } = new(NoStrings, ApiModelDefaults.NoJustifications);
    }

    /// <summary>
    /// Reads <c>x-openapi-lint-ignore</c> in its three forms: a list (<c>[OAL0001, OAL0005]</c>), a comma-separated
    /// string, or an object from rule id to the reason (<c>{ OAL0001: "kept for v1 clients" }</c>; an empty or
    /// non-string reason counts as none).
    /// </summary>
    private static Ignores IgnoredRules(IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(LintExtensions.Ignore, out var extension) || extension is not JsonNodeExtension { Node: { } node })
        {
            return Ignores.None;
        }

        var justifications = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string?> ids;
        switch (node)
        {
            case JsonArray array:
                ids = array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var id) ? id.Trim() : null);
                break;
            case JsonValue value when value.TryGetValue<string>(out var single):
                ids = single.Split(',', StringSplitOptions.TrimEntries);
                break;
            case JsonObject map:
                ids = map.Select(member => member.Key.Trim());
                foreach (var (id, reason) in map)
                {
                    if (reason is JsonValue text && text.TryGetValue<string>(out var why) && why.Trim() is { Length: > 0 } trimmed)
                    {
                        justifications[id.Trim()] = trimmed;
                    }
                }

                break;
            default:
                ids = [];
                break;
        }

        var set = new HashSet<string>(ids.OfType<string>().Where(id => id.Length > 0), StringComparer.OrdinalIgnoreCase);
        return set.Count == 0 ? Ignores.None : new Ignores(set, justifications);
    }
}
