using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Turns Microsoft.OpenApi's model into the operations the rules check. The model keeps no positions, so every
/// element gets the JSON pointer it has in the raw document; references keep where they are defined.
/// </summary>
internal sealed class ApiModelBuilder
{
    private static readonly IReadOnlySet<string> NoStrings = new HashSet<string>();

    private readonly ReferenceBundler _bundle;
    private readonly string _file;
    private readonly string _bodyMember;

    // Large documents point thousands of operations at a few shared responses and parameters: each is resolved once
    // (Microsoft.OpenApi resolves a reference again, through its workspace, on every member read).
    private readonly Dictionary<string, ResponseShape> _sharedResponses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _sharedHeaderNames = new(StringComparer.Ordinal);

    private ApiModelBuilder(ReferenceBundler bundle, string file, string specVersion)
    {
        _bundle = bundle;
        _file = file;
        _bodyMember = specVersion == "2.0" ? "schema" : "content";
    }

    public static IReadOnlyList<ApiOperation> Build(OpenApiDocument document, string specVersion, ReferenceBundler bundle, string file) =>
        new ApiModelBuilder(bundle, file, specVersion).Operations(document);

    private List<ApiOperation> Operations(OpenApiDocument document)
    {
        var operations = new List<ApiOperation>();
        if (document.Paths is null)
        {
            return operations;
        }

        foreach (var (path, pathItem) in document.Paths)
        {
            if (pathItem?.Operations is null)
            {
                continue;
            }

            var pathPointer = JsonPointer.Append("/paths", path);

            // A path item given by a local $ref is walked (and its bodies and references recorded) where it is
            // defined; one inlined from a file is walked in place, and written in that file.
            var walkedAt = DefinitionPointer(pathPointer);
            SourcePointer? pathItemDefinition = _bundle.InlinedFrom.TryGetValue(walkedAt, out var inlinedPathItem) ? inlinedPathItem
                : walkedAt != pathPointer ? new SourcePointer(_file, walkedAt)
                : null;

            var pathHeaders = HeaderParameters(pathItem.Parameters);
            foreach (var (httpMethod, operation) in pathItem.Operations)
            {
                var method = httpMethod.Method.ToLowerInvariant();
                var pointer = JsonPointer.Append(pathPointer, method);
                var walkedPointer = JsonPointer.Append(walkedAt, method);
                var requestHeaders = new HashSet<string>(pathHeaders, StringComparer.OrdinalIgnoreCase);
                requestHeaders.UnionWith(HeaderParameters(operation.Parameters));

                var responses = new List<ApiResponse>();
                foreach (var (key, response) in operation.Responses ?? [])
                {
                    var responsePointer = JsonPointer.Append(pointer, "responses", key);
                    responses.Add(BuildResponse(key, responsePointer, JsonPointer.Append(walkedPointer, "responses", key), response));
                }

                operations.Add(new ApiOperation(
                    path,
                    method,
                    pointer,
                    responses,
                    requestHeaders,
                    IgnoredRules(operation.Extensions),
                    operation.OperationId,
                    operation.Summary)
                {
                    PathItemPointer = pathPointer,
                    PathItemDefinition = pathItemDefinition,
                });
            }
        }

        return operations;
    }

    /// <param name="key">The status key as written.</param>
    /// <param name="pointer">The status key's pointer under the operation, in the linted document.</param>
    /// <param name="walked">The same pointer where the bundler walked it: under the definition of a path item given by a local <c>$ref</c>.</param>
    /// <param name="response">The response as Microsoft.OpenApi read it.</param>
    private ApiResponse BuildResponse(string key, string pointer, string walked, IOpenApiResponse? response)
    {
        SourcePointer? definition = null;
        if (_bundle.InlinedFrom.TryGetValue(walked, out var inlined))
        {
            definition = inlined;
        }
        else if (_bundle.LocalTargets.TryGetValue(walked, out var target))
        {
            definition = new SourcePointer(_file, target);
        }

        ResponseShape? shape;
        if (response is OpenApiResponseReference reference)
        {
            // Every member read through a reference resolves it again; resolve once and read the target.
            var definitionPointer = DefinitionPointer(walked);
            if (!_sharedResponses.TryGetValue(definitionPointer, out var shared))
            {
                shared = Resolve(reference) is { } resolved ? Shape(resolved, definitionPointer) : ResponseShape.Unresolved;
                _sharedResponses[definitionPointer] = shared;
            }

            shape = shared;
        }
        else
        {
            shape = response is null ? ResponseShape.Unresolved : Shape(response, walked);
        }

        return new ApiResponse(key, pointer, definition, shape.IsResolved, shape.Headers, shape.MediaTypes, _bodyMember, shape.BodyPropertyNames, shape.IgnoredRules);
    }

    /// <summary>What a response declares, read from the response itself (never a reference).</summary>
    private ResponseShape Shape(IOpenApiResponse response, string definitionPointer)
    {
        var headers = new HashSet<string>(response.Headers?.Keys ?? [], StringComparer.OrdinalIgnoreCase);
        var content = response.Content?.Keys ?? [];
        List<string> mediaTypes;
        string? bodyMediaType = null;
        if (_bodyMember == "schema")
        {
            // Swagger 2.0: "If this field [schema] does not exist, it means no content is returned as part of the
            // response." Microsoft.OpenApi lists every `produces` type for every response regardless, which made every
            // schema-less 204 and 304 of a document with a global `produces` "declare a body".
            var hasSchema = _bundle.BodyProperties.ContainsKey(BodySchemaPointer(definitionPointer, null));
            mediaTypes = hasSchema ? [.. content] : [];
            bodyMediaType = hasSchema ? PreferredBodyMediaType(mediaTypes, _ => true) : null;
        }
        else
        {
            mediaTypes = [.. content];
            bodyMediaType = PreferredBodyMediaType(mediaTypes, mediaType => _bundle.BodyProperties.ContainsKey(BodySchemaPointer(definitionPointer, mediaType)));
        }

        var properties = bodyMediaType is null ? null : _bundle.BodyProperties[BodySchemaPointer(definitionPointer, bodyMediaType)];
        return new ResponseShape(true, headers, mediaTypes, properties, IgnoredRules(response.Extensions));
    }

    private static IOpenApiResponse? Resolve(OpenApiResponseReference reference)
    {
        IOpenApiResponse? target = reference;
        for (var hops = 0; hops < 64 && target is OpenApiResponseReference next; hops++)
        {
            target = next.Target;
        }

        return target is OpenApiResponseReference ? null : target;
    }

    /// <summary>The media type whose schema describes the body: the first JSON one with a schema, else the first with a schema.</summary>
    private static string? PreferredBodyMediaType(List<string> mediaTypes, Func<string, bool> hasSchema)
    {
        string? first = null;
        foreach (var mediaType in mediaTypes)
        {
            if (!hasSchema(mediaType))
            {
                continue;
            }

            if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return mediaType;
            }

            first ??= mediaType;
        }

        return first;
    }

    /// <summary>Where a response's or path item's definition sits in the bundled document: through local <c>$ref</c>s to the object itself.</summary>
    private string DefinitionPointer(string pointer)
    {
        // Bounded: a cycle of references (A → B → A) has no definition anyway.
        for (var hops = 0; hops < 64 && _bundle.LocalTargets.TryGetValue(pointer, out var target); hops++)
        {
            pointer = target;
        }

        return pointer;
    }

    /// <summary>
    /// Where a body schema is written, under a response's definition: the bundler records each one there, with the
    /// property names it defines (Microsoft.OpenApi never sees schemas, so its model is small; the names come from
    /// what was written). Swagger 2.0 has one schema per response, whatever the media type.
    /// </summary>
    private string BodySchemaPointer(string definition, string? mediaType) => _bodyMember == "schema"
        ? JsonPointer.Append(definition, "schema")
        : JsonPointer.Append(definition, "content", mediaType!, "schema");

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
        var key = reference.Reference.ReferenceV3 ?? reference.Reference.Id ?? string.Empty;
        if (!_sharedHeaderNames.TryGetValue(key, out var name))
        {
            // A component may itself be a reference to another (bounded: a cycle names nothing).
            IOpenApiParameter? target = reference;
            for (var hops = 0; hops < 64 && target is OpenApiParameterReference next; hops++)
            {
                target = next.Target;
            }

            name = target is not null and not OpenApiParameterReference ? HeaderName(target) : null;
            _sharedHeaderNames[key] = name;
        }

        return name;
    }

    private static string? HeaderName(IOpenApiParameter parameter) =>
        parameter.In == ParameterLocation.Header && parameter.Name is { Length: > 0 } name ? name : null;

    /// <summary>What a response declares, shared by every operation that references it.</summary>
    private sealed record ResponseShape(
        bool IsResolved,
        IReadOnlySet<string> Headers,
        IReadOnlyList<string> MediaTypes,
        IReadOnlySet<string>? BodyPropertyNames,
        IReadOnlySet<string> IgnoredRules)
    {
        public static ResponseShape Unresolved { get; } = new(false, NoStrings, [], null, NoStrings);
    }

    private static IReadOnlySet<string> IgnoredRules(IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(LintExtensions.Ignore, out var extension) || extension is not JsonNodeExtension { Node: { } node })
        {
            return NoStrings;
        }

        var ids = node switch
        {
            JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var id) ? id : null),
            JsonValue value when value.TryGetValue<string>(out var single) => single.Split(',', StringSplitOptions.TrimEntries),
            // { "OAL0001": "why" }: the ids with their justifications, as OpenApiLint.AspNetCore writes them.
            JsonObject justified => justified.Select(member => member.Key),
            _ => [],
        };
        return new HashSet<string>(ids.OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }
}
