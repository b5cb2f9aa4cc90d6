using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>The outcome of linting one file: its diagnostics (sorted), or the errors that kept it from being linted.</summary>
/// <param name="File">The file as the caller named it.</param>
/// <param name="Document">The loaded document; <c>null</c> when it could not be loaded.</param>
/// <param name="Ruleset">The ruleset it was checked against; <c>null</c> when the ruleset could not be loaded.</param>
/// <param name="Diagnostics">Findings, sorted by file, line, column and rule id.</param>
/// <param name="Errors">Load errors of the document or its ruleset (exit code 2 territory).</param>
public sealed record LintResult(
    string File,
    OpenApiLintDocument? Document,
    Ruleset? Ruleset,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<LoadError> Errors)
{
    /// <summary>Whether the file was linted (loaded, with a loaded ruleset).</summary>
    public bool Linted => Errors.Count == 0;

    /// <summary>How many diagnostics have <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => Diagnostics.Count(diagnostic => diagnostic.Severity == severity);
}
