namespace OpenApiLint.MSBuild;

/// <summary>Full paths, as the compiler prints them, unless the project sets GenerateFullPaths to false.</summary>
internal sealed class PathDisplay(bool fullPaths, string projectDirectory)
{
    public string Show(string fullPath)
    {
        if (fullPaths)
        {
            return fullPath;
        }

        var relative = Path.GetRelativePath(projectDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
