namespace OpenApiLint.Cli.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose; fixtures are copied into it by name.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        // Resolved through links (/tmp may be one), so paths the tool prints compare equal to ours.
        var root = new DirectoryInfo(System.IO.Path.GetTempPath()).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? System.IO.Path.GetTempPath();
        Path = Directory.CreateDirectory(System.IO.Path.Combine(root, "openapi-lint-tests", Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Copies the fixture <paramref name="fixture"/> to <paramref name="relative"/> (default: same name); returns the full path.</summary>
    public string Copy(string fixture, string? relative = null)
    {
        var target = this[relative ?? fixture];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(Fixtures.PathOf(fixture), target, overwrite: true);
        return target;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/>; returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var target = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
        return target;
    }

    /// <summary>Every file below the folder, relative, sorted, with forward slashes.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file must not fail the test that finished.
        }
    }
}
