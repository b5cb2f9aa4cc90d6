using System.Text;

namespace OpenApiLint.Cli.Output;

/// <summary>
/// Writes a report file whole or not at all: the text goes to a temporary file beside the target, which then replaces
/// the target in one rename. A failure leaves whatever the user had untouched and no half-written file behind.
/// </summary>
internal static class ReportFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (UTF-8, no BOM), creating parent folders; returns the full path.</summary>
    /// <param name="path">Where to write: a full path.</param>
    /// <param name="content">The whole report.</param>
    /// <param name="shownAs">How messages name the file: as the user wrote it.</param>
    /// <param name="what">What is written, for messages: <c>the report</c>, <c>the baseline</c>.</param>
    public static string Write(string path, string content, string shownAs, string what = "the report")
    {
        var full = Path.GetFullPath(path);
        path = shownAs;
        if (Directory.Exists(full))
        {
            throw new UsageException($"cannot write {what} to '{path}': it is a folder");
        }

        var folder = Path.GetDirectoryName(full) ?? throw new UsageException($"cannot write {what} to '{path}'");
        string? temporary = null;
        try
        {
            Directory.CreateDirectory(folder);
            temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            temporary = null;
            return full;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"cannot write {what} to '{path}': {CliApplication.OneLine(error.Message)}");
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named as such.
        }
    }
}
