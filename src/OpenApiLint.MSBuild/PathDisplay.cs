using OpenApiLint.Core.Files;

namespace OpenApiLint.MSBuild;

/// <summary>
/// Full paths, as the compiler prints them, unless the project sets GenerateFullPaths to false; then relative to the
/// project when inside it (<see cref="FilePaths.RelativeInside"/>, the same rule the tool's outputs share).
/// </summary>
internal sealed class PathDisplay(bool fullPaths, string projectDirectory)
{
    public string Show(string fullPath) => fullPaths ? fullPath : FilePaths.RelativeInside(fullPath, projectDirectory);
}
