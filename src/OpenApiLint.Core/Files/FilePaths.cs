namespace OpenApiLint.Core.Files;

/// <summary>
/// How every output names a file, and how files are told apart: one place, so the text, JSON, SARIF, HTML and build
/// outputs name a file the same way, and the tool and the build compare paths the same way on every OS.
/// </summary>
public static class FilePaths
{
    /// <summary>
    /// Whether the file system is taken to ignore case: yes on Windows and macOS (their default file systems), no on
    /// Linux. The same answer as <see cref="Path.GetRelativePath(string, string)"/> gives.
    /// </summary>
    public static bool IgnoreCase { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsMacCatalyst();

    /// <summary>Compares full paths as the file system does (<see cref="IgnoreCase"/>).</summary>
    public static StringComparer Comparer { get; } = IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Compares paths as the file system does (<see cref="IgnoreCase"/>).</summary>
    public static StringComparison Comparison { get; } = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> with forward slashes (<c>specs/orders.yaml</c>,
    /// <c>../api.json</c>), so output reads the same on every machine; the full path when no relative form exists
    /// (another drive). Names that are not paths pass through unchanged.
    /// </summary>
    public static string Relative(string path, string baseDirectory)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path;
        }

        try
        {
            var full = Path.GetFullPath(path, baseDirectory);
            var relative = Path.GetRelativePath(baseDirectory, full);
            return Slashes(Path.IsPathRooted(relative) ? full : relative);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> when it lies inside it (<c>obj/Api.json</c>,
    /// the OS's separators), else its full path: how a compiler names files in build output.
    /// </summary>
    public static string RelativeInside(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path, baseDirectory);
        return IsInside(full, baseDirectory) ? Path.GetRelativePath(baseDirectory, full) : full;
    }

    /// <summary>Whether <paramref name="path"/> lies inside <paramref name="directory"/> (its relative form does not climb out).</summary>
    public static bool IsInside(string path, string directory)
    {
        var relative = Relative(path, directory);
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal);
    }

    /// <summary>Whether two paths name the same file (both made full against <paramref name="baseDirectory"/>).</summary>
    public static bool Same(string path, string other, string baseDirectory) =>
        Comparer.Equals(Path.GetFullPath(path, baseDirectory), Path.GetFullPath(other, baseDirectory));

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

    /// <summary>A relative path (as <see cref="Relative"/> gives it) as a URI reference: each segment percent-encoded, slashes kept.</summary>
    public static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The absolute <c>file:</c> URI of a file.</summary>
    public static string FileUri(string file, string baseDirectory) => new Uri(Path.GetFullPath(file, baseDirectory)).AbsoluteUri;

    private static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
}
