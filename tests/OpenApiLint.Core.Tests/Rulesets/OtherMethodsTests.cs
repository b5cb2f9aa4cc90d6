using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>The <c>*</c> key under <c>methods</c>: the policy for every method the ruleset does not list.</summary>
[TestFixture]
public sealed class OtherMethodsTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private const string Base = """
        {
          "name": "base",
          "methods": {
            "get": { "allowed": ["200", "404"] },
            "*": { "allowed": ["204", "400"], "rationale": "every other method" }
          }
        }
        """;

    [TestCase("get", new[] { "200", "404" })]
    [TestCase("patch", new[] { "204", "400" })]
    [TestCase("head", new[] { "204", "400" })]
    [TestCase("options", new[] { "204", "400" })]
    [TestCase("trace", new[] { "204", "400" })]
    public void A_method_not_listed_takes_the_star_policy(string method, string[] expected)
    {
        var ruleset = Lint.Ruleset(Base);

        Assert.That(ruleset.ForMethod(method)?.Allowed, Is.EqualTo(expected));
    }

    [Test]
    public void Star_policy_is_what_the_linter_checks_for_an_unlisted_method()
    {
        var diagnostics = Lint.Run(Doc.Operation("trace", "200"), Lint.Ruleset(Base), "OAL0001");

        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(new[]
        {
            $"{Doc.KeyPosition} OAL0001 error TRACE /orders declares 200; base allows TRACE: 204, 400",
        }));
    }

    [Test]
    public void Extends_inherits_star_and_a_method_listed_later_starts_from_it()
    {
        _folder.Write("base.json", Base);
        var team = _folder.Write("team.json", """
            {
              "extends": "./base.json",
              "methods": {
                "patch": { "addAllowed": ["409"] },
                "*": { "removeAllowed": ["400"] }
              }
            }
            """);

        var ruleset = RulesetLoader.LoadFile(team).Ruleset!;

        Assert.Multiple(() =>
        {
            // '*' is changed first; patch, listed now for the first time, starts from the changed '*'.
            Assert.That(ruleset.ForMethod("patch")?.Allowed, Is.EqualTo(new[] { "204", "409" }));
            Assert.That(ruleset.ForMethod("patch")?.Rationale, Is.EqualTo("every other method"));
            Assert.That(ruleset.ForMethod("head")?.Allowed, Is.EqualTo(new[] { "204" }));
            Assert.That(ruleset.ForMethod("get")?.Allowed, Is.EqualTo(new[] { "200", "404" }), "a listed method is not touched by '*'");
        });
    }

    [Test]
    public void An_override_can_change_star_for_some_paths()
    {
        var ruleset = Lint.Ruleset("""
            {
              "methods": { "*": { "allowed": ["204"] } },
              "overrides": [ { "paths": ["/legacy/**"], "ruleset": { "methods": { "*": { "addAllowed": ["200"] } } } } ]
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(ruleset.ForOperation("/legacy/a", "options").ForMethod("options")?.Allowed, Is.EqualTo(new[] { "204", "200" }));
            Assert.That(ruleset.ForOperation("/orders", "options").ForMethod("options")?.Allowed, Is.EqualTo(new[] { "204" }));
        });
    }

    [Test]
    public void Without_star_an_unlisted_method_has_no_policy()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "get": { "allowed": ["200"] } } }""");

        Assert.That(ruleset.ForMethod("patch"), Is.Null);
    }

    [Test]
    public void Star_in_an_override_method_list_is_refused()
    {
        var result = RulesetLoader.LoadText("""{ "overrides": [ { "paths": ["**"], "methods": ["*"], "ruleset": {} } ] }""", "/virtual/team.json");

        Assert.That(result.Errors, Is.Not.Empty);
    }
}
