namespace OpenApiLint.Core.Documents;

/// <summary>
/// A range of source text. Lines and columns are 1-based; columns count UTF-16 code units (a character outside
/// the Basic Multilingual Plane counts 2, a tab counts 1). <see cref="EndLine"/> and <see cref="EndColumn"/> are
/// exclusive: they give the position just after the last character.
/// </summary>
/// <param name="Line">Line of the first character.</param>
/// <param name="Column">Column of the first character.</param>
/// <param name="EndLine">Line of the position just after the last character.</param>
/// <param name="EndColumn">Column of the position just after the last character.</param>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The empty span at the very start of a document, used when a document has no content at all.</summary>
    public static SourceSpan Start { get; } = new(1, 1, 1, 1);
}
