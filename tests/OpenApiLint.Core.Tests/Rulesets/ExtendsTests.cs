using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rulesets;

[TestFixture]
public sealed class ExtendsTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private static Ruleset Loaded(string path)
    {
        var result = RulesetLoader.LoadFile(path);
        Assert.That(result.Errors, Is.Empty);
        return result.Ruleset!;
    }

    private static IReadOnlyList<string>? Allowed(Ruleset ruleset, string method) => ruleset.ForMethod(method)?.Allowed;

    [Test]
    public void Built_in_then_relative_file_then_the_file_itself()
    {
        _folder.Write("rules/base.json", """
            {
              "name": "base",
              "methods": { "post": { "addAllowed": ["409", "422"] } },
              "codes": { "201": { "responseHeaders": ["Location"] } },
              "rules": { "OAL0005": { "severity": "info", "rationale": "bodies are documented elsewhere" } }
            }
            """);
        var team = _folder.Write("rules/team.json", """
            {
              "extends": ["minimal-codes", "./base.json"],
              "methods": { "post": { "removeAllowed": ["422", "500"] } },
              "codes": { "201": { "body": "any" } },
              "rules": { "OAL0005": "warning" }
            }
            """);

        var ruleset = Loaded(team);

        Assert.Multiple(() =>
        {
            Assert.That(Allowed(ruleset, "post"), Is.EqualTo(new[] { "201", "400", "401", "403", "409" }));
            Assert.That(Allowed(ruleset, "get"), Is.EqualTo(new[] { "200", "401", "403", "404", "500" }), "untouched methods are inherited");
            Assert.That(ruleset.ForMethod("post")!.Rationale, Does.StartWith("\"For each HTTP method"), "the rationale is inherited with the list");
            // Code policies merge property by property: the header from base, the body from the team file.
            Assert.That(ruleset.ForCode("201")!.ResponseHeaders, Is.EqualTo(new[] { "Location" }));
            Assert.That(ruleset.ForCode("201")!.Body, Is.EqualTo(BodyRequirement.Any));
            Assert.That(ruleset.ForCode("204")!.Body, Is.EqualTo(BodyRequirement.Forbidden));
            // A rule entry given as a plain severity keeps the inherited rationale.
            // (It still does; the setting now also records that the team file set the severity without a sentence, so
            // the output names that file instead of quoting base's sentence as the reason for the team's severity.)
            Assert.That((ruleset.Rules["OAL0005"].Severity, ruleset.Rules["OAL0005"].Rationale), Is.EqualTo((Severity.Warning, "bodies are documented elsewhere")));
            Assert.That((ruleset.Rules["OAL0005"].SetBy, ruleset.Rules["OAL0005"].SetWithoutSentence), Is.EqualTo((new GuidelineOrigin("team", null), true)));
            Assert.That(ruleset.MaxDistinctCodes, Is.EqualTo(8));
            Assert.That(ruleset.Name, Is.EqualTo("team"), "the name is the file's own: its file name when it has none");
            Assert.That(ruleset.Title, Is.EqualTo("HTTP Status Response Codes"), "the title is inherited when the file has none");
            Assert.That(ruleset.FilePath, Is.EqualTo(team));
            Assert.That(ruleset.Extends, Is.EqualTo(new[] { "minimal-codes", Path.Combine(_folder.Path, "rules", "base.json") }));
        });
    }

    [Test]
    public void Later_entries_win()
    {
        _folder.Write("a.json", """{ "methods": { "get": { "allowed": ["200"] } }, "maxDistinctCodes": 3 }""");
        _folder.Write("b.json", """{ "methods": { "get": { "allowed": ["204"] } }, "default": { "allowed": false } }""");
        var ab = _folder.Write("ab.json", """{ "extends": ["./a.json", "./b.json"] }""");
        var ba = _folder.Write("ba.json", """{ "extends": ["./b.json", "./a.json"], "maxDistinctCodes": 5 }""");

        var first = Loaded(ab);
        var second = Loaded(ba);

        Assert.Multiple(() =>
        {
            Assert.That(Allowed(first, "get"), Is.EqualTo(new[] { "204" }));
            Assert.That(Allowed(second, "get"), Is.EqualTo(new[] { "200" }));
            Assert.That((first.MaxDistinctCodes, second.MaxDistinctCodes), Is.EqualTo((3, 5)));
            Assert.That((first.Default.Allowed, second.Default.Allowed), Is.EqualTo((false, false)));
        });
    }

    [Test]
    public void Allowed_replaces_and_add_or_remove_edit()
    {
        var ruleset = Lint.Ruleset("""
            {
              "extends": "minimal-codes",
              "methods": {
                "get": { "allowed": ["200", "304"] },
                "delete": { "addAllowed": ["404", "202"], "removeAllowed": ["200"] },
                "head": { "addAllowed": ["200"] },
                "options": { "removeAllowed": ["200"] }
              }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Allowed(ruleset, "get"), Is.EqualTo(new[] { "200", "304" }));
            Assert.That(Allowed(ruleset, "delete"), Is.EqualTo(new[] { "204", "401", "403", "500", "404", "202" }));
            // HEAD has GET's column in minimal-codes (200 is in it already); OPTIONS starts from the '*' list.
            Assert.That(Allowed(ruleset, "head"), Is.EqualTo(new[] { "200", "401", "403", "404", "500" }));
            Assert.That(Allowed(ruleset, "options"), Is.EqualTo(new[] { "201", "204", "400", "401", "403", "404", "500" }));
        });
    }

    [Test]
    public void Adding_a_code_to_a_method_without_list_does_not_restrict_it()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201': { description: Created, headers: { Location: { schema: { type: string } } } }
                    '409': { description: Conflict }
            """;
        var ruleset = Lint.Ruleset("""{ "extends": "recommended", "methods": { "post": { "addAllowed": ["409"] } } }""");

        Assert.That(Lint.Run(document, ruleset), Is.Empty);
    }

    [Test]
    public void Text_anchors_relative_extends_at_its_path()
    {
        _folder.Write("base.json", """{ "methods": { "put": { "allowed": ["204"] } } }""");

        var result = RulesetLoader.LoadText("""{ "extends": "./base.json" }""", Path.Combine(_folder.Path, "virtual.json"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(Allowed(result.Ruleset!, "put"), Is.EqualTo(new[] { "204" }));
            Assert.That(result.Ruleset!.Name, Is.EqualTo("virtual"));
        });
    }

    [Test]
    public void Extends_cycle_is_an_error()
    {
        var a = _folder.Write("a.json", """{ "extends": "./b.json" }""");
        var b = _folder.Write("b.json", """{ "extends": ["recommended", "./a.json"] }""");

        Assert.That(RulesetLoader.LoadFile(a).Errors, Is.EqualTo(new[]
        {
            new LoadError(b, 0, 0, $"'extends' forms a cycle: {a} -> {b} -> {a}") { Code = LoadErrorCodes.RulesetNotLoaded },
        }));
    }

    [Test]
    public void Extending_itself_is_a_cycle()
    {
        var self = _folder.Write("self.json", """{ "extends": "self.json" }""");

        Assert.That(RulesetLoader.LoadFile(self).Errors, Is.EqualTo(new[]
        {
            new LoadError(self, 0, 0, $"'extends' forms a cycle: {self} -> {self}") { Code = LoadErrorCodes.RulesetNotLoaded },
        }));
    }

    [Test]
    public void Diamond_is_not_a_cycle()
    {
        _folder.Write("base.json", """{ "methods": { "get": { "allowed": ["200"] } } }""");
        _folder.Write("left.json", """{ "extends": "./base.json", "methods": { "get": { "addAllowed": ["404"] } } }""");
        _folder.Write("right.json", """{ "extends": "./base.json" }""");
        var top = _folder.Write("top.json", """{ "extends": ["./left.json", "./right.json"] }""");

        // right re-applies base after left: layers apply in order, so base's list replaces left's addition.
        Assert.That(Allowed(Loaded(top), "get"), Is.EqualTo(new[] { "200" }));
    }

    [Test]
    public void Missing_parent_file_is_named_by_the_file_that_extends_it()
    {
        var team = _folder.Write("team.json", """{ "extends": ["recommended", "./missing.json"] }""");

        Assert.That(RulesetLoader.LoadFile(team).Errors, Is.EqualTo(new[]
        {
            new LoadError(team, 0, 0, $"'extends' names '{Path.Combine(_folder.Path, "missing.json")}': ruleset file not found") { Code = LoadErrorCodes.RulesetNotLoaded },
        }));
    }

    [Test]
    public void Unknown_built_in_parent()
    {
        var team = _folder.Write("team.json", """{ "extends": "minimal" }""");

        Assert.That(RulesetLoader.LoadFile(team).Errors, Is.EqualTo(new[]
        {
            new LoadError(team, 0, 0, "'extends' names 'minimal', which is neither a file nor a built-in (conditional-requests, http-semantics, minimal-codes, platform-of-trust, recommended)") { Code = LoadErrorCodes.RulesetNotLoaded },
        }));
    }

    [Test]
    public void Broken_parent_reports_its_own_errors_with_positions()
    {
        var parent = _folder.Write("parent.json", "{\n  \"codes\": { \"204\": { \"body\": \"nothing\" } }\n}\n");
        var team = _folder.Write("team.json", """{ "extends": "./parent.json" }""");

        Assert.That(RulesetLoader.LoadFile(team).Errors.Select(error => error.ToString()), Is.EqualTo(new[]
        {
            $"{parent}(2,23): error OAL9002: Value \"nothing\" is not defined in enum at 'codes.204.body'",
        }));
    }

    [Test]
    public void Load_resolves_names_and_paths()
    {
        var team = _folder.Write("team.json", """{ "extends": "http-semantics" }""");

        var byName = RulesetLoader.Load("conditional-requests");
        var byRelativePath = RulesetLoader.Load("team.json", _folder.Path);
        var byAbsolutePath = RulesetLoader.Load(team);

        Assert.Multiple(() =>
        {
            Assert.That(byName.Ruleset!.Name, Is.EqualTo("conditional-requests"));
            Assert.That(byName.Ruleset!.FilePath, Is.Null);
            Assert.That(byRelativePath.Ruleset!.FilePath, Is.EqualTo(team));
            Assert.That(byAbsolutePath.Ruleset!.Extends, Is.EqualTo(new[] { "http-semantics" }));
        });
    }
}
