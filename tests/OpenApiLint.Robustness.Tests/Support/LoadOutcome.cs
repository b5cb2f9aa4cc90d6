using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>What any input must produce: a document that lints into diagnostics, or one clean load error.</summary>
internal static class LoadOutcome
{
    // Text that only an exception leaking through as a message would contain.
    private static readonly string[] ExceptionText =
    [
        "Exception", "Object reference not set", "Index was outside", "Specified argument was out of the range",
        "Nullable object must have a value", "Sequence contains", "   at ", "Value cannot be null",
    ];

    /// <summary>Loads and lints <paramref name="bytes"/> as <paramref name="path"/>; throws <see cref="PropertyViolation"/> otherwise.</summary>
    /// <returns>Whether the document loaded (for the tests' statistics).</returns>
    public static bool Check(string path, byte[] bytes, string input)
    {
        try
        {
            return CheckOnce(path, bytes, input);
        }
        catch (PropertyViolation violation)
        {
            // Kept for replay: the same bytes, beside the fixture's name, loaded from the fixture's folder.
            var folder = Path.Combine(Path.GetTempPath(), "openapi-lint-fuzz");
            Directory.CreateDirectory(folder);
            var saved = Path.Combine(folder, $"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..12]}{Path.GetExtension(path)}");
            File.WriteAllBytes(saved, bytes);
            throw new PropertyViolation($"{violation.Message.Split('\n')[0]} (input saved as {saved})", input, violation.InnerException);
        }
    }

    private static bool CheckOnce(string path, byte[] bytes, string input)
    {
        DocumentLoadResult result;
        try
        {
            result = OpenApiDocumentLoader.Load(path, bytes);
        }
        catch (Exception error)
        {
            throw new PropertyViolation($"OpenApiDocumentLoader.Load threw {error.GetType().Name}: {error.Message}", input, error);
        }

        if (result.Document is not { } document)
        {
            CheckError(result.Error ?? throw new PropertyViolation("neither a document nor an error", input), path, bytes, input);
            return false;
        }

        foreach (var ruleset in Fixtures.Rulesets)
        {
            IReadOnlyList<Diagnostic> diagnostics;
            try
            {
                diagnostics = new Linter().Lint(document, ruleset);
            }
            catch (Exception error)
            {
                throw new PropertyViolation($"Linter.Lint ({ruleset.Name}) threw {error.GetType().Name}: {error.Message}", input, error);
            }

            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Message.Any(char.IsControl) || diagnostic.Location.Line < 0 || diagnostic.Location.Column < 0)
                {
                    throw new PropertyViolation($"malformed diagnostic: {diagnostic}", input);
                }
            }
        }

        return true;
    }

    private static void CheckError(LoadError error, string path, byte[] bytes, string input)
    {
        var line = error.ToString();
        if (error.File != path)
        {
            throw new PropertyViolation($"the load error names '{error.File}', not the document: {line}", input);
        }

        if (string.IsNullOrWhiteSpace(error.Message) || line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
        {
            throw new PropertyViolation($"the load error is not one line: {line}", input);
        }

        if (ExceptionText.FirstOrDefault(text => error.Message.Contains(text, StringComparison.Ordinal)) is { } leaked)
        {
            throw new PropertyViolation($"the load error leaks an exception ('{leaked}'): {line}", input);
        }

        var lines = 1 + bytes.Count(b => b == (byte)'\n');
        if (error.Line < 0 || error.Column < 0 || error.Line > lines + 1)
        {
            throw new PropertyViolation($"the load error's position is outside the text ({lines} lines): {line}", input);
        }
    }
}
