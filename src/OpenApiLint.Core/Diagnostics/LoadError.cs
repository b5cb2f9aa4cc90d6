namespace OpenApiLint.Core.Diagnostics;

/// <summary>
/// Input that cannot be linted: a missing or malformed document, a file that is not OpenAPI, a broken ruleset.
/// Returned as a value; the library never throws for bad input.
/// </summary>
/// <param name="File">The file at fault.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Message">One sentence saying what is wrong.</param>
public sealed record LoadError(string File, int Line, int Column, string Message)
{
    /// <summary>What kind of input failed (<see cref="LoadErrorCodes"/>): set by the loader that read it.</summary>
    public string Code { get; init; } = LoadErrorCodes.DocumentNotLoaded;

    /// <summary>The canonical one-line form: <c>file(line,col): error OAL9001: message</c> (position left out when unknown).</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
}
