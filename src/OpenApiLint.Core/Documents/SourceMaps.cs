namespace OpenApiLint.Core.Documents;

/// <summary>Creates <see cref="ISourceMap"/>s over raw document text.</summary>
/// <remarks>
/// Creating a map does no work: the text is read only when <see cref="ISourceMap.Resolve"/> is called, once per
/// call, so a run that reports no diagnostics never pays for positions. Maps are immutable and
/// <see cref="ISourceMap.Resolve"/> may be called from several threads at once.
/// </remarks>
public static class SourceMaps
{
    /// <summary>A source map over a JSON document (comments and trailing commas are tolerated).</summary>
    /// <param name="utf8">The document's UTF-8 bytes; a leading byte order mark is allowed and is not counted.</param>
    public static ISourceMap ForJson(ReadOnlyMemory<byte> utf8) => new JsonSourceMap(utf8);

    /// <summary>A source map over the first document of a YAML stream.</summary>
    /// <param name="text">The YAML text; a leading byte order mark is allowed and is not counted.</param>
    /// <remarks>
    /// A pointer that goes through an alias (<c>*name</c>) stops at the alias: it and everything below it
    /// resolve to the alias's span, because walking back into the anchored node would need a second pass.
    /// Keys that a mapping only gets through a merge key (<c>&lt;&lt;</c>) resolve to that mapping.
    /// </remarks>
    public static ISourceMap ForYaml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlSourceMap(text);
    }
}
