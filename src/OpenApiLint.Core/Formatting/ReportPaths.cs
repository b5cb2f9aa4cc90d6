namespace OpenApiLint.Core.Formatting;

/// <summary>How reports name files: relative to the run's working folder, with forward slashes, so output is the same on every machine.</summary>
public static class ReportPaths
{
    /// <summary>
    /// <paramref name="file"/> relative to <paramref name="workingDirectory"/> (<c>specs/orders.yaml</c>, <c>../api.json</c>),
    /// or the full path when no relative form exists (another drive). Names that are not paths pass through unchanged.
    /// </summary>
    public static string Display(string file, string workingDirectory)
    {
        if (string.IsNullOrEmpty(file))
        {
            return file;
        }

        try
        {
            var full = Path.GetFullPath(file, workingDirectory);
            var relative = Path.GetRelativePath(workingDirectory, full);
            return Slashes(Path.IsPathRooted(relative) ? full : relative);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }

    /// <summary>Whether <paramref name="file"/> lies inside <paramref name="workingDirectory"/> (its display form does not climb out).</summary>
    public static bool IsInside(string file, string workingDirectory)
    {
        var display = Display(file, workingDirectory);
        return !Path.IsPathRooted(display) && display != ".." && !display.StartsWith("../", StringComparison.Ordinal);
    }

    /// <summary>The absolute <c>file:</c> URI of a folder, with the trailing slash SARIF's base ids need.</summary>
    public static string FolderUri(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!full.EndsWith(Path.DirectorySeparatorChar) && !full.EndsWith(Path.AltDirectorySeparatorChar))
        {
            full += Path.DirectorySeparatorChar;
        }

        return new Uri(full).AbsoluteUri;
    }

    /// <summary>A relative display path as a URI reference: each segment percent-encoded, slashes kept.</summary>
    public static string RelativeUri(string displayPath) =>
        string.Join('/', displayPath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The absolute <c>file:</c> URI of a file.</summary>
    public static string FileUri(string file, string workingDirectory) => new Uri(Path.GetFullPath(file, workingDirectory)).AbsoluteUri;

    private static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
}
