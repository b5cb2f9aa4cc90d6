using System.Text;

namespace OpenApiLint.Core.Documents;

/// <summary>The OpenAPI extensions the linter reads from documents, named once.</summary>
public static class LintExtensions
{
    /// <summary>The extension that silences rules on an operation or a response (<c>x-openapi-lint-ignore: [OAL0001]</c>).</summary>
    public const string Ignore = "x-openapi-lint-ignore";

    /// <summary><see cref="Ignore"/> as UTF-8, for the raw-document walk.</summary>
    internal static ReadOnlySpan<byte> IgnoreUtf8 => IgnoreBytes;

    private static readonly byte[] IgnoreBytes = Encoding.UTF8.GetBytes(Ignore);
}
