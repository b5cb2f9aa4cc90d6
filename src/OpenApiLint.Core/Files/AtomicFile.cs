using System.Text;

namespace OpenApiLint.Core.Files;

/// <summary>
/// Writes a file whole or not at all: the text goes to a hidden temporary file beside the target, flushed to disk,
/// which then replaces the target in one rename. A failure leaves whatever the user had untouched and no half-written
/// or temporary file behind. Every file the tool and the build write for the user (reports, baselines, rulesets, the
/// build's state) goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (UTF-8, no BOM), creating parent folders; returns the full path.</summary>
    /// <exception cref="IOException">The target is a folder, or the file system refused (the message says why).</exception>
    /// <exception cref="UnauthorizedAccessException">The target or its folder may not be written.</exception>
    public static string Write(string path, string content) => Write(path, writer => writer.Write(content));

    /// <summary>
    /// Writes what <paramref name="write"/> writes to <paramref name="path"/> (UTF-8, no BOM) as it writes it, creating
    /// parent folders; returns the full path. Nothing is held whole in memory (a report of megabytes goes straight to
    /// disk), and the target is replaced only when <paramref name="write"/> returns: if it throws, the exception goes
    /// on to the caller and the target is left as it was.
    /// </summary>
    /// <exception cref="IOException">The target is a folder, or the file system refused (the message says why).</exception>
    /// <exception cref="UnauthorizedAccessException">The target or its folder may not be written.</exception>
    public static string Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException("it is a folder");
        }

        var folder = Path.GetDirectoryName(full) ?? throw new IOException("it has no folder");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), WriterBufferChars))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            temporary = null;
            return full;
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>Characters the writer gathers before it encodes them to the file: far fewer system calls than its default of 1,024.</summary>
    private const int WriterBufferChars = 32 * 1024;

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
