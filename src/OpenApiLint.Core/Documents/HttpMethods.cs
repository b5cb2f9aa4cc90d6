using System.Text;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// The HTTP methods, written once: the ones a path item holds and a ruleset can hold a policy for, and the names the
/// OpenAPI reader recognises as operations.
/// </summary>
public static class HttpMethods
{
    /// <summary>The methods of an OpenAPI 2.0–3.1 path item, lower case, in the order rulesets and reports list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>OpenAPI 3.2's <c>query</c> operation: read from documents, not (yet) a ruleset policy key.</summary>
    public const string Query = "query";

    /// <summary>Every member name of a path item that is an operation, as UTF-8 (the raw-document walk compares bytes).</summary>
    internal static IReadOnlyList<byte[]> OperationKeysUtf8 { get; } = [.. Names.Append(Query).Select(Encoding.UTF8.GetBytes)];

    /// <summary>Whether <paramref name="method"/> is one of <see cref="Names"/> (lower case, as documents hold them).</summary>
    public static bool IsPolicyMethod(string method) => Names.Contains(method, StringComparer.Ordinal);
}
