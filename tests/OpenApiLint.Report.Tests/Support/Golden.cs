using System.Runtime.CompilerServices;

namespace OpenApiLint.Report.Tests.Support;

/// <summary>
/// Compares output with a golden file under <c>Golden/</c> in the source tree. Set OPENAPILINT_UPDATE_GOLDEN=1 to
/// rewrite the golden files after an intended change, then review the diff.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string actual, string fileName)
    {
        var path = Path.Combine(SourceFolder(), "Golden", fileName);
        var normalized = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("OPENAPILINT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            Assert.Warn($"golden file {fileName} rewritten");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"golden file {path} is missing; run with OPENAPILINT_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != normalized)
        {
            var actualPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, fileName + ".actual");
            File.WriteAllText(actualPath, normalized);
            TestContext.AddTestAttachment(actualPath, "actual output");
        }

        Assert.That(normalized, Is.EqualTo(expected), $"output differs from {fileName}; the actual output is attached");
    }

    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!;
}
