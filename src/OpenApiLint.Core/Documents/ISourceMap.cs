namespace OpenApiLint.Core.Documents;

/// <summary>Finds where JSON pointers point to in the raw text of one document.</summary>
/// <remarks>
/// What a span covers: for an object member, the member's key (in JSON including its quotes; in YAML the key
/// scalar, including its quotes when quoted); for an array item, the item's value; for the root (<c>""</c>), the
/// root value. A scalar value's span covers the whole scalar; a collection's span covers its first token: the
/// <c>{</c> or <c>[</c> in JSON and YAML flow style (with any anchor or tag before it), the first key of a YAML
/// block mapping, and one character at the start of a YAML block sequence (its first <c>-</c>, or the anchor or
/// tag before it). Columns count UTF-16 code units; see <see cref="SourceSpan"/>.
/// </remarks>
public interface ISourceMap
{
    /// <summary>
    /// Resolves many pointers in one pass over the raw text, walking only into the subtrees that lie on the way
    /// to a requested pointer and skipping the rest, so the cost does not depend on building a map of the whole
    /// document.
    /// </summary>
    /// <param name="pointers">RFC 6901 pointers in their string form; duplicates and any order are fine.</param>
    /// <returns>
    /// A span for every requested pointer. A pointer that does not exist in the document (or is malformed)
    /// resolves to its deepest existing ancestor, ultimately the root.
    /// </returns>
    IReadOnlyDictionary<string, SourceSpan> Resolve(IEnumerable<string> pointers);
}
