using System.Text.Json;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// What part of an OpenAPI document a value is, as far as the rules care. The loader hands Microsoft.OpenApi only
/// the parts the rules read (paths, operations, header parameters, responses with their header names and media
/// types) and none of the schemas, examples or request bodies that make up most of a large document: reading those
/// into Microsoft.OpenApi's model cost seconds on the largest public documents and nothing of it was used.
/// </summary>
internal enum SlicePart
{
    /// <summary>Not handed to the reader; still walked for <c>$ref</c>s.</summary>
    Dropped,

    /// <summary>Copied as written (operationId, summary, produces, the ignore extension…).</summary>
    Verbatim,

    Root,
    Info,
    Paths,
    PathItem,
    Operations,
    Operation,
    Parameters,
    Parameter,

    /// <summary>A parameter's <c>in</c>: only whether it is <c>header</c> matters.</summary>
    ParameterLocation,
    Responses,
    Response,

    Headers,

    /// <summary>A response header: only its name matters, so its value becomes <c>{}</c>.</summary>
    Header,
    Content,
    MediaType,

    /// <summary>
    /// A response body's schema: not handed to the reader at all; the bundler records that it exists and the property
    /// names error-body checks need, by its pointer.
    /// </summary>
    BodySchema,
    Components,
    ResponseDefinitions,
    ParameterDefinitions,
    PathItemDefinitions,

    /// <summary>The webhooks map (3.1 <c>webhooks</c>, 3.0 <c>x-webhooks</c>, handed to the reader as <c>webhooks</c>): name → path item.</summary>
    Webhooks,

    /// <summary>An operation's <c>callbacks</c>: name → callback.</summary>
    Callbacks,

    /// <summary>One callback: runtime expression → path item.</summary>
    Callback,

    /// <summary><c>components.callbacks</c>: name → callback.</summary>
    CallbackDefinitions,
}

/// <summary>The map from a part and a member name to the member's part.</summary>
internal static class ModelSlice
{
    /// <summary>The extension that silences rules, read on operations and responses.</summary>
    private static ReadOnlySpan<byte> IgnoreExtension => LintExtensions.IgnoreUtf8;

    /// <summary>The part of member <paramref name="name"/> of an object that is <paramref name="part"/>.</summary>
    public static SlicePart Member(SlicePart part, JsonProperty name) => part switch
    {
        SlicePart.Root => name.NameEquals("openapi"u8) || name.NameEquals("swagger"u8) || name.NameEquals("produces"u8) ? SlicePart.Verbatim
            : name.NameEquals("info"u8) ? SlicePart.Info
            : name.NameEquals("paths"u8) ? SlicePart.Paths
            : name.NameEquals("components"u8) ? SlicePart.Components
            // Swagger 2.0 keeps shared responses and parameters at the top level.
            : name.NameEquals("responses"u8) ? SlicePart.ResponseDefinitions
            : name.NameEquals("parameters"u8) ? SlicePart.ParameterDefinitions
            : name.NameEquals("webhooks"u8) || name.NameEquals(XWebhooks) ? SlicePart.Webhooks
            : SlicePart.Dropped,
        SlicePart.Info => name.NameEquals("title"u8) || name.NameEquals("version"u8) ? SlicePart.Verbatim : SlicePart.Dropped,
        SlicePart.Paths or SlicePart.PathItemDefinitions or SlicePart.Webhooks or SlicePart.Callback => SlicePart.PathItem,
        SlicePart.Callbacks or SlicePart.CallbackDefinitions => SlicePart.Callback,
        SlicePart.PathItem => name.NameEquals("parameters"u8) ? SlicePart.Parameters
            : name.NameEquals("additionalOperations"u8) ? SlicePart.Operations
            : IsMethod(name) ? SlicePart.Operation
            : SlicePart.Dropped,
        SlicePart.Operations => SlicePart.Operation,
        SlicePart.Operation => name.NameEquals("operationId"u8) || name.NameEquals("summary"u8) || name.NameEquals("produces"u8) || name.NameEquals(IgnoreExtension) ? SlicePart.Verbatim
            : name.NameEquals("parameters"u8) ? SlicePart.Parameters
            : name.NameEquals("responses"u8) ? SlicePart.Responses
            : name.NameEquals("callbacks"u8) ? SlicePart.Callbacks
            : SlicePart.Dropped,
        SlicePart.Parameter => name.NameEquals("name"u8) ? SlicePart.Verbatim
            : name.NameEquals("in"u8) ? SlicePart.ParameterLocation
            : SlicePart.Dropped,
        SlicePart.Responses => SlicePart.Response,
        SlicePart.ResponseDefinitions => SlicePart.Response,
        SlicePart.ParameterDefinitions => SlicePart.Parameter,
        SlicePart.Response => name.NameEquals("headers"u8) ? SlicePart.Headers
            : name.NameEquals("content"u8) ? SlicePart.Content
            // Swagger 2.0: the body's schema sits on the response.
            : name.NameEquals("schema"u8) ? SlicePart.BodySchema
            : name.NameEquals(IgnoreExtension) ? SlicePart.Verbatim
            : SlicePart.Dropped,
        SlicePart.Headers => SlicePart.Header,
        SlicePart.Content => SlicePart.MediaType,
        SlicePart.MediaType => name.NameEquals("schema"u8) ? SlicePart.BodySchema : SlicePart.Dropped,
        SlicePart.Components => name.NameEquals("responses"u8) ? SlicePart.ResponseDefinitions
            : name.NameEquals("parameters"u8) ? SlicePart.ParameterDefinitions
            : name.NameEquals("pathItems"u8) ? SlicePart.PathItemDefinitions
            : name.NameEquals("callbacks"u8) ? SlicePart.CallbackDefinitions
            : SlicePart.Dropped,
        _ => SlicePart.Dropped,
    };

    /// <summary>The part of the items of an array that is <paramref name="part"/>.</summary>
    public static SlicePart Item(SlicePart part) => part switch
    {
        SlicePart.Parameters => SlicePart.Parameter,
        SlicePart.Verbatim => SlicePart.Verbatim,
        _ => SlicePart.Dropped,
    };

    /// <summary>Whether the reader gets a value that is <paramref name="part"/>.</summary>
    public static bool IsHandedToReader(SlicePart part) => part is not (SlicePart.Dropped or SlicePart.BodySchema);

    /// <summary>
    /// Whether <paramref name="part"/> is a map whose <c>x-</c> members are extensions, not entries: paths and
    /// responses. (The walk tests the name it reads anyway to copy the member, so the test costs no allocation.)
    /// </summary>
    public static bool IsMapWithExtensions(SlicePart part) =>
        part is SlicePart.Paths or SlicePart.PathItemDefinitions or SlicePart.Responses or SlicePart.Webhooks or SlicePart.Callbacks or SlicePart.Callback or SlicePart.CallbackDefinitions;

    /// <summary>
    /// The name the reader gets for a member: OpenAPI 3.0's <c>x-webhooks</c> extension becomes 3.1's <c>webhooks</c>
    /// (the document is then read as 3.1; the slice holds nothing that reads differently).
    /// </summary>
    public static string ReaderName(SlicePart part, JsonProperty property) =>
        part == SlicePart.Webhooks && property.NameEquals(XWebhooks) ? "webhooks" : property.Name;

    /// <summary>The webhooks extension of OpenAPI 2.0 and 3.0 documents.</summary>
    public static ReadOnlySpan<byte> XWebhooks => "x-webhooks"u8;

    public static bool IsExtension(string name) => name.StartsWith("x-", StringComparison.Ordinal);

    private static bool IsMethod(JsonProperty name)
    {
        foreach (var method in HttpMethods.OperationKeysUtf8)
        {
            if (name.NameEquals(method))
            {
                return true;
            }
        }

        return false;
    }
}
