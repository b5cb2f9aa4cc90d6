using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>The fixture documents copied beside the test assembly, and the rulesets they are linted with.</summary>
internal static class Fixtures
{
    public static string Folder { get; } = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    /// <summary>Every fixture that is a whole OpenAPI document (shared/ holds referenced fragments only).</summary>
    public static IReadOnlyList<string> Documents { get; } =
    [
        Path.Combine(Folder, "bookshop.openapi.yaml"),
        Path.Combine(Folder, "library.swagger.yaml"),
        Path.Combine(Folder, "warehouse.swagger.json"),
        Path.Combine(Folder, "gallery.openapi.json"),
    ];

    public static IEnumerable<string> Json => Documents.Where(path => path.EndsWith(".json", StringComparison.Ordinal));

    public static IEnumerable<string> Yaml => Documents.Where(path => path.EndsWith(".yaml", StringComparison.Ordinal));

    /// <summary>Every built-in ruleset: mutated documents are linted against each, so every rule runs.</summary>
    public static IReadOnlyList<Ruleset> Rulesets { get; } = BuiltInRulesets.Names
        .Select(name => RulesetLoader.LoadBuiltIn(name).Ruleset ?? throw new InvalidOperationException($"built-in {name} does not load"))
        .ToArray();
}
