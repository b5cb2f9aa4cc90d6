using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Linting;

[TestFixture]
public sealed class UnmatchedOverrideTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /api/Products/{id}:
            get:
              responses:
                '200': { description: OK, content: { application/json: {} } }
        """;

    private const string Team = """
        {
          "name": "products-team",
          "overrides": [
            { "paths": ["/api/products/*"], "ruleset": { "rules": { "OAL0005": "off" } } },
            { "paths": ["/api/products/*"], "methods": ["delete"], "ruleset": { "rules": { "OAL0005": "off" } } },
            {
              "paths": ["/legacy/**", "/old"],
              "ruleset": { "rules": { "OAL0001": "off" } }
            }
          ]
        }
        """;

    private static LintResult Linted(string document, Core.Rulesets.Ruleset ruleset) =>
        new("openapi.yaml", Lint.Load(document), ruleset, [], []);

    [Test]
    public void Overrides_that_match_no_operation_are_reported_at_their_position_in_the_ruleset_file()
    {
        var ruleset = Lint.Ruleset(Team, "/virtual/.openapi-lint.json");

        var unmatched = UnmatchedOverride.Find([Linted(Document, ruleset)]);

        Assert.That(unmatched.Select(item => $"{Lint.Where(item.Location)} {item.Message}"), Is.EqualTo(new[]
        {
            "/virtual/.openapi-lint.json 5:5 /overrides/1 override { paths: [/api/products/*], methods: [delete] } of products-team matches no operation of the linted documents",
            "/virtual/.openapi-lint.json 6:5 /overrides/2 override { paths: [/legacy/**, /old] } of products-team matches no operation of the linted documents",
        }));
    }

    [Test]
    public void An_override_matched_in_any_document_linted_with_its_ruleset_is_not_reported()
    {
        var ruleset = Lint.Ruleset(Team, "/virtual/.openapi-lint.json");
        var legacy = Document.Replace("/api/Products/{id}", "/legacy/a", StringComparison.Ordinal).Replace("get:", "delete:", StringComparison.Ordinal);

        var unmatched = UnmatchedOverride.Find([Linted(Document, ruleset), Linted(legacy, ruleset)]);

        Assert.That(unmatched.Select(item => item.Location.Pointer), Is.EqualTo(new[] { "/overrides/1" }));
    }

    [Test]
    public void Built_in_overrides_and_rulesets_whose_documents_did_not_load_are_not_judged()
    {
        var recommended = Lint.BuiltIn("recommended");
        var team = Lint.Ruleset(Team, "/virtual/.openapi-lint.json");

        var unmatched = UnmatchedOverride.Find(
        [
            Linted(Document, recommended),
            new LintResult("broken.yaml", null, team, [], [new Core.Diagnostics.LoadError("broken.yaml", 1, 1, "malformed")]),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(recommended.Overrides, Is.Not.Empty, "recommended has an override (HEAD) that this document does not match");
            Assert.That(unmatched, Is.Empty);
        });
    }
}
