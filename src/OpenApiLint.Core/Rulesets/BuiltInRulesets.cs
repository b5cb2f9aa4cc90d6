using System.Reflection;

namespace OpenApiLint.Core.Rulesets;

/// <summary>The rulesets shipped inside the assembly (the files of <c>rulesets/</c>), and the ruleset schema.</summary>
public static class BuiltInRulesets
{
    private const string ResourcePrefix = "OpenApiLint.Rulesets.";
    private const string SchemaFileName = "ruleset.schema.json";

    /// <summary>The ruleset used when nothing is named and no <c>.openapi-lint.json</c> is found.</summary>
    public const string DefaultName = "recommended";

    /// <summary>Names of the built-in rulesets, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) && !name.EndsWith(SchemaFileName, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Whether <paramref name="name"/> names a built-in ruleset.</summary>
    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The JSON text of a built-in ruleset.</summary>
    public static string GetText(string name) => ReadResource(name + ".json")
        ?? throw new ArgumentException($"'{name}' is not a built-in ruleset; built-ins: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The JSON Schema of the ruleset format.</summary>
    public static string SchemaText => ReadResource(SchemaFileName) ?? throw new InvalidOperationException("The ruleset schema is not embedded.");

    private static string? ReadResource(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
