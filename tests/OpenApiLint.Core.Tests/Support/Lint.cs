using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
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
        var result = RulesetLoader.LoadText(json, path, RuleCatalog.Ids);
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

    /// <summary>
    /// Diagnostics for a document under a ruleset: of every rule, or of <paramref name="ruleId"/> only. One method
    /// with optional parameters, so that a rule id can never be taken for a file name by overload resolution.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Run(string document, Ruleset ruleset, string? ruleId = null, string fileName = "openapi.yaml")
    {
        // A file name passed where the rule id goes would filter everything out and let a test pass on nothing.
        if (ruleId is not null && RuleCatalog.Find(ruleId) is null)
        {
            throw new ArgumentException($"'{ruleId}' is not a rule id; pass a file name as fileName:", nameof(ruleId));
        }

        return Declared(new Linter().Lint(Load(document, fileName), ruleset)).Where(diagnostic => ruleId is null || diagnostic.RuleId == ruleId).ToArray();
    }

    /// <summary>Diagnostics for a document file on disk (relative <c>$ref</c>s need one), optionally of one rule only.</summary>
    public static IReadOnlyList<Diagnostic> RunFile(string path, Ruleset ruleset, string? ruleId = null)
    {
        var result = OpenApiDocumentLoader.Load(path);
        Assert.That(result.Error, Is.Null, "the document should load");
        return Declared(new Linter().Lint(result.Document!, ruleset)).Where(diagnostic => ruleId is null || diagnostic.RuleId == ruleId).ToArray();
    }

    /// <summary>
    /// While set (by <c>RuleMessageTests</c>, running every fixture), every diagnostic the fixtures' linting produces
    /// is added here.
    /// </summary>
    public static readonly AsyncLocal<List<Diagnostic>?> Recording = new();

    /// <summary>
    /// Fails the fixture when a diagnostic's message does not come from one of its rule's declared templates
    /// (<see cref="RuleDescriptor.Messages"/>): every fixture checks the messages it makes the rules say.
    /// </summary>
    private static IReadOnlyList<Diagnostic> Declared(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var rule = RuleCatalog.Find(diagnostic.RuleId);
            Assert.That(rule, Is.Not.Null, $"{diagnostic.RuleId} is a catalog rule");
            Assert.That(rule!.Descriptor.Messages.Any(message => message.Matches(diagnostic.Message)), Is.True,
                $"'{diagnostic.Message}' comes from one of {diagnostic.RuleId}'s messages: {string.Join(" | ", rule.Descriptor.Messages.Select(message => message.Template))}");
        }

        Recording.Value?.AddRange(diagnostics);
        return diagnostics;
    }

    /// <summary>
    /// "line:col ruleId severity pointer | message" for one diagnostic: everything a fixture asserts, in one string
    /// whose mismatch reads well in a failure.
    /// </summary>
    public static string Describe(Diagnostic d) =>
        $"{d.Location.Line}:{d.Location.Column} {d.RuleId} {d.Severity.ToName()} {d.Location.Pointer} | {d.Message}";

    /// <summary><see cref="Describe(Diagnostic)"/> for each diagnostic, in the linter's order.</summary>
    public static string[] Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(Describe).ToArray();

    /// <summary>"file line:col pointer" for a location (the primary one or a related one).</summary>
    public static string Where(SourceLocation location) => $"{location.File} {location.Line}:{location.Column} {location.Pointer}";

    /// <summary>"line:col ruleId message" lines: compact, exact, easy to compare.</summary>
    public static string[] Lines(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.RuleId} {d.Severity.ToName()} {d.Message}").ToArray();
}
