namespace OpenApiLint.Cli.Tests.Support;

/// <summary>The fixture documents, rulesets and schemas copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static string SarifSchemaPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "sarif-schema-2.1.0.json");
}
