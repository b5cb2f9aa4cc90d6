using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Tests.Support;

/// <summary>Lints inline documents against inline or built-in rulesets, the way the fixtures need.</summary>
internal static class Lint
{
    /// <summary>Loads <paramref name="text"/> as if read from <paramref name="fileName"/>; fails the test when it does not load.</summary>
    public static OpenApiLintDocument Load(string text, string fileName = "openapi.yaml")
    {
        var result = OpenApiDocumentLoader.Load(fileName, System.Text.Encoding.UTF8.GetBytes(text));
        Assert.That(result.Error, Is.Null, "the document should load");
        return result.Document!;
    }

    /// <summary>The load error for <paramref name="text"/>; fails the test when it loads.</summary>
    public static LoadError LoadError(string text, string fileName = "openapi.yaml")
    {
        var result = OpenApiDocumentLoader.Load(fileName, System.Text.Encoding.UTF8.GetBytes(text));
        Assert.That(result.Error, Is.Not.Null, "the document should not load");
        return result.Error!;
    }

    /// <summary>A ruleset from inline JSON; fails the test when it does not load.</summary>
    public static Ruleset Ruleset(string json, string path = "/virtual/team.json")
    {
        var result = RulesetLoader.LoadText(json, path);
        Assert.That(result.Errors, Is.Empty, "the ruleset should load");
        return result.Ruleset!;
    }

    /// <summary>A built-in ruleset.</summary>
    public static Ruleset BuiltIn(string name)
    {
        var result = RulesetLoader.LoadBuiltIn(name);
        Assert.That(result.Errors, Is.Empty, $"built-in '{name}' should load");
        return result.Ruleset!;
    }

    /// <summary>Diagnostics for a document under a ruleset, all rules.</summary>
    public static IReadOnlyList<Diagnostic> Run(string document, Ruleset ruleset, string fileName = "openapi.yaml") =>
        new Linter().Lint(Load(document, fileName), ruleset);

    /// <summary>Diagnostics of one rule only.</summary>
    public static IReadOnlyList<Diagnostic> Run(string document, Ruleset ruleset, string ruleId, string fileName = "openapi.yaml") =>
        Run(document, ruleset, fileName).Where(diagnostic => diagnostic.RuleId == ruleId).ToArray();

    /// <summary>"line:col ruleId message" lines: compact, exact, easy to compare.</summary>
    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.RuleId} {d.Severity.ToName()} {d.Message}").ToArray();
}
