using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Turns Microsoft.OpenApi's model into the operations the rules check. The model keeps no positions, so every
/// element gets the JSON pointer it has in the raw document; references keep where they are defined.
/// </summary>
internal static class ApiModelBuilder
{
    /// <summary>The extension that silences rules on an operation or a response.</summary>
    public const string IgnoreExtension = "x-openapi-lint-ignore";

    private static readonly IReadOnlySet<string> NoStrings = new HashSet<string>();

    public static IReadOnlyList<ApiOperation> Build(OpenApiDocument document, string specVersion, ReferenceBundler bundle, string file)
    {
        var bodyMember = specVersion == "2.0" ? "schema" : "content";
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
                    responses.Add(BuildResponse(key, responsePointer, response, bundle, file, bodyMember));
                }

                operations.Add(new ApiOperation(
                    path,
                    method,
                    pointer,
                    responses,
                    requestHeaders,
                    IgnoredRules(operation.Extensions),
                    operation.OperationId,
                    operation.Summary));
            }
        }

        return operations;
    }

    private static ApiResponse BuildResponse(string key, string pointer, IOpenApiResponse? response, ReferenceBundler bundle, string file, string bodyMember)
    {
        SourcePointer? definition = null;
        if (bundle.InlinedFrom.TryGetValue(pointer, out var inlined))
        {
            definition = inlined;
        }
        else if (bundle.LocalTargets.TryGetValue(pointer, out var target))
        {
            definition = new SourcePointer(file, target);
        }

        var resolved = response is not null && (response is not OpenApiResponseReference reference || reference.Target is not null);
        if (!resolved)
        {
            return new ApiResponse(key, pointer, definition, false, NoStrings, [], bodyMember, null, NoStrings);
        }

        var headers = new HashSet<string>(response!.Headers?.Keys ?? [], StringComparer.OrdinalIgnoreCase);
        var content = response.Content ?? new Dictionary<string, IOpenApiMediaType>();
        // Swagger 2 has no content map: the reader makes one entry per `produces` type (application/octet-stream when
        // none is given) for every response, with or without a `schema`. There, only a schema declares a body.
        var mediaTypes = bodyMember == "schema"
            ? content.Where(entry => entry.Value?.Schema is not null).Select(entry => entry.Key).ToList()
            : content.Keys.ToList();
        var schema = PreferredBodySchema(content);
        var properties = schema is null ? null : SchemaProperties(schema);
        return new ApiResponse(key, pointer, definition, true, headers, mediaTypes, bodyMember, properties, IgnoredRules(response.Extensions));
    }

    private static IOpenApiSchema? PreferredBodySchema(IDictionary<string, IOpenApiMediaType> content)
    {
        IOpenApiSchema? first = null;
        foreach (var (mediaType, media) in content)
        {
            if (media?.Schema is not { } schema)
            {
                continue;
            }

            if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return schema;
            }

            first ??= schema;
        }

        return first;
    }

    /// <summary>Property names a schema defines, through <c>allOf</c> and references (cycles are cut).</summary>
    private static HashSet<string> SchemaProperties(IOpenApiSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema>();
        pending.Push(schema);
        while (pending.Count > 0 && seen.Count < 1000)
        {
            var current = pending.Pop();
            if (!seen.Add(current) || (current is OpenApiSchemaReference reference && reference.Target is null))
            {
                continue;
            }

            foreach (var name in current.Properties?.Keys ?? [])
            {
                names.Add(name);
            }

            foreach (var part in current.AllOf ?? [])
            {
                pending.Push(part);
            }
        }

        return names;
    }

    private static IEnumerable<string> HeaderParameters(IList<IOpenApiParameter>? parameters)
    {
        foreach (var parameter in parameters ?? [])
        {
            if (parameter is OpenApiParameterReference { Target: null })
            {
                continue;
            }

            if (parameter.In == ParameterLocation.Header && parameter.Name is { Length: > 0 } name)
            {
                yield return name;
            }
        }
    }

    private static IReadOnlySet<string> IgnoredRules(IDictionary<string, IOpenApiExtension>? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(IgnoreExtension, out var extension) || extension is not JsonNodeExtension { Node: { } node })
        {
            return NoStrings;
        }

        var ids = node switch
        {
            JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var id) ? id : null),
            JsonValue value when value.TryGetValue<string>(out var single) => single.Split(',', StringSplitOptions.TrimEntries),
            _ => [],
        };
        return new HashSet<string>(ids.OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }
}
