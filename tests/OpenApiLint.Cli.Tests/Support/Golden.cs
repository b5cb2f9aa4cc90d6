using System.Runtime.CompilerServices;

namespace OpenApiLint.Cli.Tests.Support;

/// <summary>
/// Golden files: expected output checked in under Golden/. Set OPENAPILINT_UPDATE_GOLDEN=1 to rewrite them from the
/// actual output (then review the diff).
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var sourcePath = Path.Combine(SourceFolder(callerFile), "Golden", name);
        if (Environment.GetEnvironmentVariable("OPENAPILINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(sourcePath, actual);
            Assert.Inconclusive($"golden file {name} rewritten");
        }

        var expectedPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", name);
        Assert.That(File.Exists(expectedPath), Is.True, $"golden file {name} is missing; run with OPENAPILINT_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(actual.Replace("\r\n", "\n", StringComparison.Ordinal), Is.EqualTo(expected), $"output differs from Golden/{name}");
    }

    private static string SourceFolder(string callerFile)
    {
        for (var folder = Path.GetDirectoryName(callerFile); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "OpenApiLint.Cli.Tests.csproj")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("the test project folder was not found");
    }
}
