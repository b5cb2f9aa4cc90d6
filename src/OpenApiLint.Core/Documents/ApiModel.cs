namespace OpenApiLint.Core.Documents;

/// <summary>A place in a source file: the file and the JSON pointer of a node in it.</summary>
public sealed record SourcePointer(string File, string Pointer);

/// <summary>
/// One operation as the rules see it: what status codes it documents and which request headers it accepts,
/// with the pointers needed to report findings precisely. Built once per document from the Microsoft.OpenApi model.
/// </summary>
public sealed record ApiOperation(
    string Path,
    string Method,
    string Pointer,
    IReadOnlyList<ApiResponse> Responses,
    IReadOnlySet<string> RequestHeaders,
    IReadOnlySet<string> IgnoredRules,
    string? OperationId,
    string? Summary)
{
    /// <summary>
    /// Why rules are silenced on this operation, by rule id (upper case), where <c>x-openapi-lint-ignore</c> gives a
    /// reason (<c>{ OAL0001: "kept for v1 clients" }</c>); empty for the list form.
    /// </summary>
    public IReadOnlyDictionary<string, string> IgnoreJustifications { get; init; } = ApiModelDefaults.NoJustifications;

    /// <summary>Whether this is an operation of a path, of a webhook or of a callback.</summary>
    public OperationKind Kind { get; init; } = OperationKind.Path;

    /// <summary><c>POST /orders</c>: how messages name the operation.</summary>
    public string DisplayName => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>
    /// The pointer of the path item the operation is under, in the linted document (<c>/paths/~1orders</c>): where a
    /// path item given by <c>$ref</c> is referenced.
    /// </summary>
    public string PathItemPointer { get; init; } = JsonPointer.Append("/paths", Path);

    /// <summary>
    /// Where the path item is written when the path is given by a <c>$ref</c> (<c>components.pathItems</c> in 3.1, or
    /// a file): <c>null</c> when it is written in place. A finding under <see cref="PathItemPointer"/> is reported at
    /// the same place under this one, with the reference site as a related location.
    /// </summary>
    public SourcePointer? PathItemDefinition { get; init; }

    /// <summary>
    /// Where the <c>$ref</c> behind <see cref="PathItemDefinition"/> is written: the path key for a <c>$ref</c>'d path
    /// item, the callback's key for a callback given by <c>$ref</c> (<c>components.callbacks</c>), the enclosing path
    /// item's <c>$ref</c> for a callback written in place under it; <c>null</c> means the path key
    /// (<see cref="PathItemPointer"/> in the linted document).
    /// </summary>
    public SourcePointer? PathItemReference { get; init; }

    /// <summary>
    /// Where a finding at <paramref name="pointer"/> (a pointer in the linted document) is written: under the path
    /// item's definition when the path item is a <c>$ref</c> and the pointer is below it; <c>null</c> otherwise.
    /// </summary>
    public SourcePointer? DefinitionOf(string pointer) =>
        PathItemDefinition is { } definition && pointer.StartsWith(PathItemPointer, StringComparison.Ordinal)
            && (pointer.Length == PathItemPointer.Length || pointer[PathItemPointer.Length] == '/')
            ? definition with { Pointer = definition.Pointer + pointer[PathItemPointer.Length..] }
            : null;
}

/// <summary>Where an operation is declared: under <c>paths</c>, as a webhook, or as a callback of another operation.</summary>
public enum OperationKind
{
    /// <summary>An operation of the API, under <c>paths</c>: its responses are the API's.</summary>
    Path,

    /// <summary>
    /// A webhook (3.1 <c>webhooks</c>, 3.0 <c>x-webhooks</c>): a request the API sends; its responses are the
    /// subscriber's. <see cref="ApiOperation.Path"/> is the webhook's name.
    /// </summary>
    Webhook,

    /// <summary>A callback of an operation: its responses are the subscriber's. <see cref="ApiOperation.Path"/> is the runtime expression.</summary>
    Callback,
}

/// <summary>One documented response of an operation.</summary>
/// <param name="StatusKey">The key as written: <c>201</c>, <c>4XX</c>, <c>default</c>.</param>
/// <param name="Pointer">The status-code key under the operation: the reference site when the response is a <c>$ref</c>.</param>
/// <param name="Definition">Where the response is defined, when it is reached through a <c>$ref</c>; <c>null</c> when inline.</param>
/// <param name="IsResolved"><c>false</c> when the response is a <c>$ref</c> whose target is missing: rules then know nothing of it.</param>
/// <param name="Headers">Declared response header names (compare case-insensitively).</param>
/// <param name="MediaTypes">Declared body media types; empty when the response declares no body.</param>
/// <param name="BodyMember">The member that declares the body: <c>content</c> (OpenAPI 3) or <c>schema</c> (Swagger 2).</param>
/// <param name="BodyPropertyNames">Properties the body schema defines (through <c>allOf</c> and references); <c>null</c> when there is no body schema.</param>
/// <param name="IgnoredRules">Rule ids silenced on this response by <c>x-openapi-lint-ignore</c>.</param>
public sealed record ApiResponse(
    string StatusKey,
    string Pointer,
    SourcePointer? Definition,
    bool IsResolved,
    IReadOnlySet<string> Headers,
    IReadOnlyList<string> MediaTypes,
    string BodyMember,
    IReadOnlySet<string>? BodyPropertyNames,
    IReadOnlySet<string> IgnoredRules)
{
    /// <summary>Why rules are silenced on this response, by rule id, where <c>x-openapi-lint-ignore</c> gives a reason.</summary>
    public IReadOnlyDictionary<string, string> IgnoreJustifications { get; init; } = ApiModelDefaults.NoJustifications;

    /// <summary>Whether the response declares a body.</summary>
    public bool HasBody => MediaTypes.Count > 0;

    /// <summary>
    /// The pointer a finding about <paramref name="member"/> of this response is reported at: the member itself when the
    /// response is inline, the status-code key when the response is a <c>$ref</c> (the definition becomes a related location).
    /// </summary>
    public string PointerTo(string member) => Definition is null ? JsonPointer.Append(Pointer, member) : Pointer;
}

/// <summary>What kind of target a <c>$ref</c> names.</summary>
public enum ReferenceKind
{
    /// <summary>A fragment of the same file (<c>#/components/…</c>).</summary>
    Local,

    /// <summary>A file beside the document (<c>responses.yaml#/NotFound</c>).</summary>
    RelativeFile,

    /// <summary>An http(s) or other absolute URI: never fetched.</summary>
    Remote,

    /// <summary>A file outside the document's folder tree: refused.</summary>
    OutsideFolder,
}

/// <summary>One <c>$ref</c> in the document (or in a file it references), and whether it could be followed.</summary>
/// <param name="Site">The object holding the <c>$ref</c> member.</param>
/// <param name="Target">The reference as written.</param>
/// <param name="Kind">Local, relative file, remote or outside the folder.</param>
/// <param name="Problem">Why it could not be resolved, or <c>null</c> when it was.</param>
public sealed record ReferenceSite(SourcePointer Site, string Target, ReferenceKind Kind, string? Problem)
{
    /// <summary>
    /// Where the reference takes effect in the linted document, in document order: its own place, or for one in another
    /// file, every place in the document that leads to it. A finding about it belongs to the operation and response
    /// under the first of these that does not silence it. Known for references a rule reports (those that cannot be
    /// followed); empty for the others.
    /// </summary>
    internal IReadOnlyList<string> ScopePointers { get; init; } = [];

    /// <summary>Whether the reference was resolved.</summary>
    public bool IsResolved => Problem is null;
}

internal static class ApiModelDefaults
{
    public static IReadOnlyDictionary<string, string> NoJustifications { get; } = new Dictionary<string, string>();
}
