using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// Finds where a project's source declares an operation or one of its responses. Core knows no programming language:
/// an edge that has the project's source (the MSBuild task, the tool's <c>--project</c>) supplies an implementation.
/// </summary>
public interface IDeclarationLocator
{
    /// <summary>
    /// The declaration of the operation <paramref name="method"/> <paramref name="path"/> (when
    /// <paramref name="statusCode"/> is <c>null</c>) or of its response <paramref name="statusCode"/>; <c>null</c> when
    /// it is not found or is not the only candidate, so a finding is never reported at a wrong place.
    /// </summary>
    /// <param name="method">The lower-case HTTP method, as in <see cref="Diagnostic.Method"/>.</param>
    /// <param name="path">The OpenAPI path template, as in <see cref="Diagnostic.Path"/>.</param>
    /// <param name="statusCode">The response key, as in <see cref="Diagnostic.StatusCode"/>, or <c>null</c>.</param>
    SourceLocation? Locate(string method, string path, string? statusCode);
}

/// <summary>Gives each diagnostic about an operation or a response its <see cref="Diagnostic.Declaration"/>.</summary>
public static class Declarations
{
    /// <summary>
    /// <paramref name="results"/> with every diagnostic that names an operation located by <paramref name="locator"/>;
    /// the order and the document positions stay as they are.
    /// </summary>
    public static IReadOnlyList<LintResult> Attach(IReadOnlyList<LintResult> results, IDeclarationLocator locator) =>
        results.Select(result => result with { Diagnostics = result.Diagnostics.Select(diagnostic => Attach(diagnostic, locator)).ToArray() }).ToArray();

    /// <summary><paramref name="diagnostic"/> with its declaration, when it names an operation that is located.</summary>
    public static Diagnostic Attach(Diagnostic diagnostic, IDeclarationLocator locator)
    {
        if (diagnostic.Method is null || diagnostic.Path is null)
        {
            return diagnostic;
        }

        var declaration = locator.Locate(diagnostic.Method, diagnostic.Path, diagnostic.StatusCode);
        return declaration is null ? diagnostic : diagnostic with { Declaration = declaration };
    }

    /// <summary>
    /// Where a line-oriented output reports <paramref name="diagnostic"/>: its declaration in the C# when located,
    /// with the document position appended to the message (<c>… (obj/OrdersApi.json(83,11))</c>), else the document.
    /// </summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="showFile">How the output names a file (relative to its folder, full).</param>
    public static (SourceLocation Location, string Message) Reported(Diagnostic diagnostic, Func<string, string> showFile)
    {
        if (diagnostic.Declaration is not { } declaration)
        {
            return (diagnostic.Location, diagnostic.Message);
        }

        var document = diagnostic.Location;
        var position = document.HasPosition
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{showFile(document.File)}({document.Line},{document.Column})")
            : showFile(document.File);
        return (declaration, $"{diagnostic.Message} ({position})");
    }

    /// <summary>The source files that located at least one diagnostic: editing one of them must lint again.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<LintResult> results) =>
        results.SelectMany(result => result.Diagnostics)
            .Select(diagnostic => diagnostic.Declaration?.File)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
