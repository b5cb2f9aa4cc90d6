namespace OpenApiLint.Core.Documents;

/// <summary>
/// Resource limits for <see cref="YamlToJson.Convert"/>, so a hostile document (an alias bomb, absurd nesting)
/// fails fast with a <see cref="YamlLoadException"/> instead of exhausting memory or the stack.
/// </summary>
/// <param name="MaxAliasExpansions">How many aliases (<c>*name</c>) may be expanded in one document.</param>
/// <param name="MaxDepth">How deeply mappings and sequences may nest, expanded aliases included; the root collection is depth 1.</param>
/// <param name="MaxNodes">How many values (scalars, mappings and sequences, not keys) the result may hold, expanded aliases included.</param>
public sealed record YamlLimits(int MaxAliasExpansions = 10_000, int MaxDepth = 256, int MaxNodes = 5_000_000)
{
    /// <summary>The limits used when none are given.</summary>
    public static YamlLimits Default { get; } = new();
}
