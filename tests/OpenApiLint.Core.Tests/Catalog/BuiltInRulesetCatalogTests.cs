using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// The built-in rulesets as shipped: valid against the schema, embedded as they are in <c>rulesets/</c>, and
/// traceable: every policy and severity change carries a rationale quoting its guideline verbatim.
/// </summary>
[TestFixture]
public sealed partial class BuiltInRulesetCatalogTests
{
    private static readonly string[] Expected = ["conditional-requests", "http-semantics", "minimal-codes", "platform-of-trust", "recommended"];

    private static IEnumerable<TestCaseData> EachBuiltIn() => Expected.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    private static string FileText(string name) => File.ReadAllText(RepositoryFiles.PathOf($"rulesets/{name}.json"));

    [Test]
    public void The_built_ins_are_the_files_of_the_rulesets_folder()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("rulesets"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "ruleset.schema")
            .Order(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(BuiltInRulesets.Names, Is.EqualTo(Expected));
            Assert.That(files, Is.EqualTo(Expected));
            Assert.That(BuiltInRulesets.DefaultName, Is.EqualTo("recommended"));
            Assert.That(BuiltInRulesets.SchemaText, Is.EqualTo(File.ReadAllText(RepositoryFiles.PathOf("rulesets/ruleset.schema.json"))));
            foreach (var name in Expected)
            {
                Assert.That(BuiltInRulesets.GetText(name), Is.EqualTo(FileText(name)), $"embedded {name} is the file");
            }
        });
    }

    /// <summary>
    /// The loader never validates built-ins, so this is the check that they follow the schema, through the loader's
    /// own validator.
    /// </summary>
    [Test]
    public void Every_built_in_is_valid_against_the_schema()
    {
        var failures = new List<string>();

        foreach (var name in Expected)
        {
            using var document = System.Text.Json.JsonDocument.Parse(FileText(name));
            failures.AddRange(RulesetSchema.Validate(document.RootElement, FileText(name), name).Select(error => error.ToString()));
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void The_schema_is_draft_07_with_its_id()
    {
        var schema = JObject.Parse(File.ReadAllText(RepositoryFiles.PathOf("rulesets/ruleset.schema.json")));

        Assert.Multiple(() =>
        {
            Assert.That((string?)schema["$schema"], Is.EqualTo("http://json-schema.org/draft-07/schema#"));
            Assert.That((string?)schema["$id"], Is.EqualTo("urn:openapi-lint:ruleset-schema"));
        });
    }

    [TestCaseSource(nameof(EachBuiltIn))]
    public void Built_in_loads_and_names_itself(string name)
    {
        var text = JObject.Parse(FileText(name));
        var ruleset = Lint.BuiltIn(name);

        Assert.Multiple(() =>
        {
            Assert.That((string?)text["name"], Is.EqualTo(name));
            Assert.That((string?)text["$schema"], Is.EqualTo("./ruleset.schema.json"));
            Assert.That(ruleset.Name, Is.EqualTo(name));
            Assert.That(ruleset.Title, Is.Not.Empty);
            Assert.That(ruleset.Description, Is.Not.Empty);
            // The guideline is cited by its title: a folder or file outside the product means nothing to a user.
            Assert.That(ruleset.Source, Does.Contain("“").And.Not.Contain("shared").And.Not.Contain(".txt").And.Not.Contain("/"));
            // No built-in requires codes (rulesets/README.md explains why).
            Assert.That(ruleset.Methods.Values.SelectMany(policy => policy.Required), Is.Empty);
        });
    }

    /// <summary>Every <c>rationale</c> anywhere in a built-in, with where it is.</summary>
    private static IEnumerable<(string Path, JToken Value)> Rationales(JToken token) =>
        token.SelectTokens("$..rationale").Select(value => (value.Path, value));

    [TestCaseSource(nameof(EachBuiltIn))]
    public void Every_rationale_is_a_non_empty_string(string name)
    {
        var rationales = Rationales(JToken.Parse(FileText(name))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(rationales, Is.Not.Empty);
            foreach (var (path, value) in rationales)
            {
                Assert.That(value.Type, Is.EqualTo(JTokenType.String), path);
                Assert.That(((string?)value)?.Trim(), Is.Not.Empty, path);
            }
        });
    }

    /// <summary>
    /// Everything a built-in turns on: each method policy with codes, each code policy (also inside overrides),
    /// each rule entry (a severity change, or the cap's rule). Each must say why.
    /// </summary>
    private static IEnumerable<(string Path, JObject Setting)> PoliciesThatTurnSomethingOn(JObject root)
    {
        IEnumerable<(string, JObject)> In(JObject? part)
        {
            foreach (var property in (part?["methods"] as JObject)?.Properties() ?? [])
            {
                yield return (property.Value.Path, (JObject)property.Value);
            }

            foreach (var property in (part?["codes"] as JObject)?.Properties() ?? [])
            {
                yield return (property.Value.Path, (JObject)property.Value);

                // A requirement written as an object with a sentence of its own must quote it too.
                var entries = new[] { "responseHeaders", "requestHeaders", "errorBodyProperties" }
                    .SelectMany(list => (property.Value[list] as JArray)?.OfType<JObject>() ?? [])
                    .Concat(property.Value["body"] is JObject body ? [body] : []);
                foreach (var entry in entries.Where(entry => entry["rationale"] is not null))
                {
                    yield return (entry.Path, entry);
                }
            }

            foreach (var property in (part?["rules"] as JObject)?.Properties() ?? [])
            {
                // A bare severity string has no room for a rationale: built-ins must use the object form.
                yield return (property.Value.Path, property.Value as JObject ?? new JObject());
            }
        }

        var all = In(root).ToList();
        foreach (var item in (root["overrides"] as JArray) ?? [])
        {
            all.AddRange(In(item["ruleset"] as JObject));
        }

        return all;
    }

    [TestCaseSource(nameof(EachBuiltIn))]
    public void Every_policy_and_severity_change_has_a_rationale(string name)
    {
        var root = JObject.Parse(FileText(name));
        var missing = PoliciesThatTurnSomethingOn(root).Where(entry => string.IsNullOrWhiteSpace((string?)entry.Setting["rationale"])).Select(entry => entry.Path);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty);
            if (root["maxDistinctCodes"] is not null)
            {
                Assert.That((string?)root.SelectToken("rules.OAL0008.rationale"), Is.Not.Empty, "the cap's rationale lives in rules.OAL0008");
            }
        });
    }

    [GeneratedRegex("\"(?<quote>[^\"]+)\"")]
    private static partial Regex Quoted();

    /// <summary>
    /// The guideline files each built-in encodes, as the guidelines folder's own README maps them (the product never
    /// names those files); a built-in no row maps, like recommended, draws on every guideline.
    /// </summary>
    private static IReadOnlyList<string> TracedFiles(string name, string guidelinesFolder)
    {
        var files = File.ReadLines(Path.Combine(guidelinesFolder, "README.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.TrimEnd().EndsWith($"| `{name}` |", StringComparison.Ordinal))
            .Select(line => Regex.Match(line, @"^\| (?<file>[0-9]{3}_[0-9a-f]+\.txt) \|").Groups["file"].Value)
            .Where(file => file.Length > 0)
            .ToArray();
        return files.Length > 0 ? files : Directory.GetFiles(guidelinesFolder, "*.txt").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Every policy a built-in turns on quotes its guideline: its rationale holds at least one quoted sentence, and
    /// every quoted passage in it appears verbatim in the guideline files the ruleset is traced to.
    /// </summary>
    [TestCaseSource(nameof(EachBuiltIn))]
    public void Every_rationale_quotes_its_guideline_verbatim(string name)
    {
        if (RepositoryFiles.GuidelinesFolder is not { } folder)
        {
            Assert.Ignore("shared/guidelines is not beside the repository (expected at ../shared/guidelines)");
            return;
        }

        var files = TracedFiles(name, folder);
        var guideline = RuleCatalogTests.Normalize(string.Join(" ", files.Select(file => File.ReadAllText(Path.Combine(folder, file)))));
        var root = JObject.Parse(FileText(name));
        var problems = new List<string>();

        foreach (var (path, setting) in PoliciesThatTurnSomethingOn(root))
        {
            var quotes = Quoted().Matches((string?)setting["rationale"] ?? "").Select(match => match.Groups["quote"].Value).ToArray();
            if (quotes.Length == 0)
            {
                problems.Add($"{path}: no quoted sentence");
            }

            problems.AddRange(quotes
                .Where(quote => !guideline.Contains(RuleCatalogTests.Normalize(quote), StringComparison.Ordinal))
                .Select(quote => $"{path}: not in {string.Join(", ", files)}: \"{quote}\""));
        }

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.All.Matches<string>(file => File.Exists(Path.Combine(folder, file))), "traced files exist");
            Assert.That(problems, Is.Empty);
            Assert.That((string?)root["source"], Does.Not.Contain(files[0]), "source names the guideline by its title, not its file");
        });
    }
}
