using OpenApiLint.Core.Files;

namespace OpenApiLint.Cli.Output;

/// <summary>
/// Writes a file the user asked for (report, baseline, ruleset) whole or not at all, through Core's
/// <see cref="AtomicFile"/>, and words a failure as a usage error naming the file as the user wrote it.
/// </summary>
internal static class ReportFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (UTF-8, no BOM), creating parent folders; returns the full path.</summary>
    /// <param name="path">Where to write: a full path.</param>
    /// <param name="content">The whole report.</param>
    /// <param name="shownAs">How messages name the file: as the user wrote it.</param>
    /// <param name="what">What is written, for messages: <c>the report</c>, <c>the baseline</c>.</param>
    public static string Write(string path, string content, string shownAs, string what = "the report") =>
        Write(path, writer => writer.Write(content), shownAs, what);

    /// <summary>
    /// Writes what <paramref name="write"/> writes to <paramref name="path"/> as it writes it; the file is replaced only
    /// when <paramref name="write"/> returns, and what it throws goes on to the caller as it is. Returns the full path.
    /// </summary>
    /// <param name="path">Where to write: a full path.</param>
    /// <param name="write">Writes the report.</param>
    /// <param name="shownAs">How messages name the file: as the user wrote it.</param>
    /// <param name="what">What is written, for messages: <c>the report</c>, <c>the baseline</c>.</param>
    public static string Write(string path, Action<TextWriter> write, string shownAs, string what = "the report")
    {
        // The file system's refusals (a full disk while the report streams included) are worded as such; what else the
        // formatter throws is not about the file, and a bad path is found before it runs.
        var writing = false;
        try
        {
            return AtomicFile.Write(path, writer =>
            {
                writing = true;
                write(writer);
                writing = false;
            });
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException || (!writing && error is NotSupportedException or ArgumentException))
        {
            throw new UsageException($"cannot write {what} to '{shownAs}': {CliApplication.OneLine(error.Message)}");
        }
    }
}
