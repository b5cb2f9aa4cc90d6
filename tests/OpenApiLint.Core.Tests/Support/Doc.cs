namespace OpenApiLint.Core.Tests.Support;

/// <summary>
/// Builds one-operation OpenAPI 3.0 documents with a fixed layout, so that tables of cases can share positions:
/// the status-code key is always at 8:9 and a declared body (<c>content</c>) at 11:11.
/// </summary>
internal static class Doc
{
    /// <summary>Line:column of the status-code key.</summary>
    public const string KeyPosition = "8:9";

    /// <summary>Line:column of the response's <c>content</c> member, when it has a body.</summary>
    public const string ContentPosition = "11:11";

    /// <summary>
    /// <c>{method} {path}</c> declaring one response <paramref name="code"/>, with or without a body, with the given
    /// response headers, accepting the given request headers as header parameters.
    /// </summary>
    public static string Operation(
        string method,
        string code,
        bool body = true,
        IEnumerable<string>? responseHeaders = null,
        IEnumerable<string>? requestHeaders = null,
        string path = "/orders")
    {
        var parameters = string.Join(", ", (requestHeaders ?? []).Select(name => $"{{ name: {name}, in: header, schema: {{ type: string }} }}"));
        var headers = string.Join(", ", (responseHeaders ?? []).Select(name => $"{name}: {{ schema: {{ type: string }} }}"));
        var text = $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              {{path}}:
                {{method}}:
                  parameters: [{{parameters}}]
                  responses:
                    '{{code}}':
                      description: response
                      headers: { {{headers}} }

            """;
        return body ? text + "          content: { application/json: { schema: { type: object } } }\n" : text;
    }
}
