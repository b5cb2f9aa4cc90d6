using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>A team's <c>.openapi-lint.json</c> is found by walking up from the document's folder, as .editorconfig is.</summary>
[TestFixture]
public sealed class TeamFileTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private const string PostOrders200 = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            post:
              responses:
                '200': { description: OK, content: { application/json: {} } }
        """;

    [Test]
    public void Nearest_team_file_above_the_folder_wins()
    {
        var top = _folder.Write(RulesetLoader.TeamFileName, """{ "extends": "minimal-codes" }""");
        var nearer = _folder.Write("services/" + RulesetLoader.TeamFileName, """{ "extends": "recommended" }""");
        var deep = _folder.Folder("services/orders/api/v1");
        var beside = _folder.Folder("other/api");

        Assert.Multiple(() =>
        {
            Assert.That(RulesetLoader.FindTeamFile(deep), Is.EqualTo(nearer));
            Assert.That(RulesetLoader.FindTeamFile(Path.Combine(_folder.Path, "services")), Is.EqualTo(nearer));
            Assert.That(RulesetLoader.FindTeamFile(beside), Is.EqualTo(top));
        });
    }

    [Test]
    public void Team_file_is_used_for_documents_below_it()
    {
        _folder.Write(RulesetLoader.TeamFileName, """{ "extends": "minimal-codes", "rules": { "OAL0001": "warning" } }""");
        var document = _folder.Write("api/v1/openapi.yaml", PostOrders200);

        var result = new LintRunner(new RulesetResolver(null)).LintFile(document);

        Assert.Multiple(() =>
        {
            Assert.That(result.Linted, Is.True);
            Assert.That(result.Ruleset!.FilePath, Is.EqualTo(Path.Combine(_folder.Path, RulesetLoader.TeamFileName)));
            Assert.That(Lint.Lines(result.Diagnostics), Is.EqualTo(new[]
            {
                "7:9 OAL0001 warning POST /orders declares 200; .openapi-lint.json allows POST: 201, 400, 401, 403, 500",
            }));
        });
    }

    [Test]
    public void Explicit_ruleset_wins_over_the_team_file()
    {
        _folder.Write(RulesetLoader.TeamFileName, """{ "extends": "minimal-codes" }""");
        var document = _folder.Write("openapi.yaml", PostOrders200);

        var result = new LintRunner(new RulesetResolver("platform-of-trust")).LintFile(document);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ruleset!.Name, Is.EqualTo("platform-of-trust"));
            Assert.That(result.Diagnostics, Is.Empty, "platform-of-trust allows 200 on POST");
        });
    }

    [Test]
    public void Explicit_ruleset_file_is_relative_to_the_base_directory()
    {
        _folder.Write("config/strict.json", """{ "methods": { "post": { "allowed": ["201"] } } }""");
        var document = _folder.Write("openapi.yaml", PostOrders200);

        var result = new LintRunner(new RulesetResolver("config/strict.json", _folder.Path)).LintFile(document);

        Assert.That(Lint.Lines(result.Diagnostics), Is.EqualTo(new[] { "7:9 OAL0001 error POST /orders declares 200; strict allows POST: 201" }));
    }

    [Test]
    public void Without_a_team_file_recommended_is_used()
    {
        var document = _folder.Write("openapi.yaml", PostOrders200);
        Assume.That(RulesetLoader.FindTeamFile(_folder.Path), Is.Null, "a .openapi-lint.json above the temp folder would be found first");

        var result = new LintRunner(new RulesetResolver(null)).LintFile(document);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ruleset!.Name, Is.EqualTo(BuiltInRulesets.DefaultName));
            Assert.That(result.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void Broken_team_file_is_a_load_error_with_position_and_nothing_is_linted()
    {
        var teamFile = _folder.Write(RulesetLoader.TeamFileName, "{\n  \"extends\": \"minimal-codes\",\n  \"rules\": { \"OAL0001\": \"loud\" }\n}\n");
        var document = _folder.Write("openapi.yaml", PostOrders200);

        var result = new LintRunner(new RulesetResolver(null)).LintFile(document);

        Assert.Multiple(() =>
        {
            Assert.That(result.Linted, Is.False);
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Errors.Select(error => error.ToString()), Is.EqualTo(new[]
            {
                $"{teamFile}(3,14): error OAL9002: Value \"loud\" is not defined in enum at 'rules.OAL0001'",
            }));
        });
    }

    [Test]
    public void Each_ruleset_is_loaded_once_for_many_documents()
    {
        _folder.Write(RulesetLoader.TeamFileName, """{ "extends": "minimal-codes" }""");
        var paths = Enumerable.Range(0, 8).Select(i => _folder.Write($"api{i}/openapi.yaml", PostOrders200)).ToArray();

        var results = new LintRunner(new RulesetResolver(null)).LintFiles(paths, maxParallelism: 4);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.File), Is.EqualTo(paths), "results keep the input order");
            Assert.That(results.Select(r => r.Ruleset).Distinct().Count(), Is.EqualTo(1));
            Assert.That(results.Select(r => r.Diagnostics.Count), Is.All.EqualTo(1));
        });
    }
}
