namespace OpenApiLint.Core.Diagnostics;

/// <summary>
/// Where a finding is: the file, the JSON pointer of the node it is about, and the 1-based line and column of that
/// node in the raw text (end exclusive). Line 0 means the position is unknown.
/// </summary>
public sealed record SourceLocation(string File, string Pointer, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A location known only by file (and pointer), without a position.</summary>
    public static SourceLocation Unpositioned(string file, string pointer = "") => new(file, pointer, 0, 0, 0, 0);

    /// <summary>Whether line and column are known.</summary>
    public bool HasPosition => Line > 0;
}
