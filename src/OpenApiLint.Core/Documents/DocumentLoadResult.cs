using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Documents;

/// <summary>Either a loaded document or the reason it could not be loaded; never both.</summary>
public sealed record DocumentLoadResult
{
    private DocumentLoadResult(OpenApiLintDocument? document, LoadError? error) => (Document, Error) = (document, error);

    /// <summary>The document, when it loaded.</summary>
    public OpenApiLintDocument? Document { get; }

    /// <summary>Why it did not load.</summary>
    public LoadError? Error { get; }

    /// <summary>Whether <see cref="Document"/> is set.</summary>
    public bool Succeeded => Document is not null;

    internal static DocumentLoadResult Success(OpenApiLintDocument document) => new(document, null);

    internal static DocumentLoadResult Failure(LoadError error) => new(null, error);
}
