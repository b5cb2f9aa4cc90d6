using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using OpenApiLint.Robustness.Tests.Support;

namespace OpenApiLint.Robustness.Tests;

/// <summary>
/// Damaged real documents (the fixtures: JSON and YAML; Swagger 2.0, OpenAPI 3.0 and 3.1; relative, remote and
/// escaping $refs) never make the loader or the linter throw: the answer is diagnostics or one clean load error.
/// </summary>
[TestFixture]
public sealed class LoaderFuzzTests
{
    [Test]
    public void EveryFixtureLoads()
    {
        foreach (var path in Fixtures.Documents)
        {
            Assert.That(LoadOutcome.Check(path, File.ReadAllBytes(path), path), Is.True, path);
        }
    }

    [Property(MaxTest = 400, QuietOnSuccess = true)]
    public Property ByteEditsGiveDiagnosticsOrACleanError() => Prop.ForAll(Seeds.Any, seed =>
        Mutate(seed, Fixtures.Documents, Mutations.Bytes));

    [Property(MaxTest = 400, QuietOnSuccess = true)]
    public Property TruncationsGiveDiagnosticsOrACleanError() => Prop.ForAll(Seeds.Any, seed =>
        Mutate(seed, Fixtures.Documents, Mutations.Truncate));

    [Property(MaxTest = 400, QuietOnSuccess = true)]
    public Property YamlLineEditsGiveDiagnosticsOrACleanError() => Prop.ForAll(Seeds.Any, seed =>
        Mutate(seed, Fixtures.Yaml.ToList(), Mutations.YamlLines));

    [Property(MaxTest = 400, QuietOnSuccess = true)]
    public Property JsonTreeEditsGiveDiagnosticsOrACleanError() => Prop.ForAll(Seeds.Any, seed =>
        Mutate(seed, Fixtures.Json.ToList(), Mutations.JsonTree));

    private static void Mutate(int seed, IReadOnlyList<string> documents, Func<byte[], Random, byte[]> mutate)
    {
        var random = new Random(seed);
        var path = documents[random.Next(documents.Count)];
        var bytes = mutate(File.ReadAllBytes(path), random);
        // The path stays the fixture's, so relative $refs still find shared/.
        LoadOutcome.Check(path, bytes, $"{Path.GetFileName(path)} mutated with seed {seed}:\n{Encoding.UTF8.GetString(bytes)}");
    }
}
