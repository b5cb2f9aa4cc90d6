namespace OpenApiLint.Core.Tests.Support;

/// <summary>Finds the repository's own files (and the shared guidelines beside it) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the tests holding <c>rulesets/ruleset.schema.json</c>.</summary>
    public static string Root { get; } = FindUp(directory => File.Exists(Path.Combine(directory, "rulesets", "ruleset.schema.json")))
        ?? throw new InvalidOperationException("The repository root (with rulesets/ruleset.schema.json) was not found above " + TestContext.CurrentContext.TestDirectory);

    /// <summary>A file of the repository, by its path relative to the root (forward slashes).</summary>
    public static string PathOf(string relativePath) => Path.Combine([Root, .. relativePath.Split('/')]);

    /// <summary>
    /// The guideline texts: <c>shared/guidelines</c> in the nearest folder above the tests that has one (in a
    /// checkout, <c>../shared/guidelines</c> beside the repository); <c>null</c> when there is none.
    /// </summary>
    public static string? GuidelinesFolder { get; } = FindUp(directory => Directory.Exists(Path.Combine(directory, "shared", "guidelines"))) is { } parent
        ? Path.Combine(parent, "shared", "guidelines")
        : null;

    private static string? FindUp(Func<string, bool> found)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (found(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
