namespace OpenApiLint.Core.Documents;

/// <summary>
/// A file a loaded document is made of was read again to position findings or quote excerpts (the loader does not hold
/// a file's text while the document is read and linted) and no longer holds what was linted: changed, gone or
/// unreadable. <see cref="Linting.LintRunner"/> reports it as the file's <see cref="Diagnostics.LoadError"/>.
/// </summary>
public sealed class SourceChangedException : IOException
{
    internal SourceChangedException(string filePath, string message)
        : base(message) => FilePath = filePath;

    /// <summary>The file that changed, as the document names it.</summary>
    public string FilePath { get; }
}
