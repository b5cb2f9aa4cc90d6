using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;

namespace OpenApiLint.Cli;

/// <summary>
/// Input that cannot be used (a broken ruleset, a document that does not load). Caught by <see cref="CliApplication"/>,
/// which prints each error once in the <c>file(line,col): error: message</c> form and exits with 2.
/// </summary>
internal sealed class InputException(IReadOnlyList<LoadError> errors) : Exception(errors.Count > 0 ? errors[0].Message : "bad input")
{
    public IReadOnlyList<LoadError> Errors { get; } = errors.Distinct().ToArray();

    /// <summary>The errors as the tool prints them, paths relative to <paramref name="workingDirectory"/>.</summary>
    public IEnumerable<string> Lines(string workingDirectory) =>
        Errors.Select(error => Line(error, workingDirectory));

    /// <summary>One load error as the tool prints it: <c>file(line,col): error: message</c>, the path relative to <paramref name="workingDirectory"/>.</summary>
    public static string Line(LoadError error, string workingDirectory) =>
        (error with { File = FilePaths.Relative(error.File, workingDirectory) }).ToString();
}
