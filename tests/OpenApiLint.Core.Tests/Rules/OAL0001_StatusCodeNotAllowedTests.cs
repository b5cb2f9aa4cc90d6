using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0001_StatusCodeNotAllowedTests
{
    private const string Id = RuleIds.StatusCodeNotAllowed;

    private const string PostOrders200 = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            post:
              responses:
                '200':
                  description: OK
                '201':
                  description: Created
        """;

    [Test]
    public void Code_outside_the_methods_allowed_list_is_reported_at_its_key()
    {
        var diagnostics = Lint.Run(PostOrders200, Lint.BuiltIn("minimal-codes"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "7:9 OAL0001 error /paths/~1orders/post/responses/200 | POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500",
        }));
        var diagnostic = diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Location.File, Is.EqualTo("openapi.yaml"));
            Assert.That((diagnostic.Location.EndLine, diagnostic.Location.EndColumn), Is.EqualTo((7, 14)));
            Assert.That(diagnostic.Path, Is.EqualTo("/orders"));
            Assert.That(diagnostic.Method, Is.EqualTo("post"));
            Assert.That(diagnostic.StatusCode, Is.EqualTo("200"));
            Assert.That(diagnostic.RelatedLocations, Is.Empty);
            Assert.That(diagnostic.Rationale, Does.StartWith("\"For each HTTP method, you should try to use only status codes marked with X in the following table.\""));
        });
    }

    [Test]
    public void Allowed_codes_are_not_reported()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "allowed": ["200", "201"] } } }""");

        Assert.That(Lint.Run(PostOrders200, ruleset, Id), Is.Empty);
    }

    [Test]
    public void A_method_without_policy_may_declare_any_code()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "get": { "allowed": ["200"] } } }""");

        Assert.That(Lint.Run(PostOrders200, ruleset, Id), Is.Empty);
    }

    [Test]
    public void A_policy_without_allowed_list_allows_any_code()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "required": ["201"] } } }""");

        Assert.That(Lint.Run(PostOrders200, ruleset, Id), Is.Empty);
    }

    [Test]
    public void Empty_allowed_list_allows_nothing()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "allowed": [] } } }""");

        Assert.That(Lint.Lines(Lint.Run(PostOrders200, ruleset, Id)), Is.EqualTo(new[]
        {
            "7:9 OAL0001 error POST /orders declares 200; team allows POST: none",
            "9:9 OAL0001 error POST /orders declares 201; team allows POST: none",
        }));
    }

    private const string Ranges = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            get:
              responses:
                '200':
                  description: OK
                '404':
                  description: Not found
                4XX:
                  description: Client error
                5XX:
                  description: Server error
        """;

    // 4XX in the document: allowed explicitly, or (with anyCodeInRange) by any allowed 4xx code.
    [TestCase("[\"200\", \"4XX\", \"5XX\"]", "explicit", new string[0])]
    [TestCase("[\"200\", \"404\", \"4XX\", \"500\"]", "explicit", new[] { "13:9 GET /orders declares 5XX; team allows GET: 200, 404, 4XX, 500" })]
    [TestCase("[\"200\", \"404\", \"500\"]", "explicit", new[] { "11:9 GET /orders declares 4XX; team allows GET: 200, 404, 500", "13:9 GET /orders declares 5XX; team allows GET: 200, 404, 500" })]
    [TestCase("[\"200\", \"404\", \"500\"]", "anyCodeInRange", new string[0])]
    [TestCase("[\"200\", \"404\"]", "anyCodeInRange", new[] { "13:9 GET /orders declares 5XX; team allows GET: 200, 404" })]
    [TestCase("[\"200\", \"4XX\"]", "anyCodeInRange", new[] { "13:9 GET /orders declares 5XX; team allows GET: 200, 4XX" })]
    public void Range_keys_are_allowed_explicitly_or_by_any_code_in_range(string allowed, string rangesAllowed, string[] expected)
    {
        var ruleset = Lint.Ruleset($$"""
            { "methods": { "get": { "allowed": {{allowed}} } }, "ranges": { "allowed": "{{rangesAllowed}}" } }
            """);

        var lines = Lint.Run(Ranges, ruleset, Id).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Message}");

        Assert.That(lines, Is.EqualTo(expected));
    }

    [Test]
    public void An_allowed_range_allows_every_code_in_it_but_not_other_ranges()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "get": { "allowed": ["2XX", "4XX"] } } }""");

        var lines = Lint.Run(Ranges, ruleset, Id).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Message}");

        Assert.That(lines, Is.EqualTo(new[] { "13:9 GET /orders declares 5XX; team allows GET: 2XX, 4XX" }));
    }

    [Test]
    public void Default_responses_and_invalid_keys_are_left_to_their_own_rules()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { description: OK }
                    default: { description: Error }
                    '2000': { description: Typo }
            """;
        var ruleset = Lint.Ruleset("""{ "methods": { "get": { "allowed": ["200"] } } }""");

        Assert.That(Lint.Run(document, ruleset).Select(d => d.RuleId), Is.EqualTo(new[] { RuleIds.InvalidStatusCodeKey }));
    }

    [Test]
    public void Ignore_on_the_operation_silences_the_rule_for_the_whole_operation()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  x-openapi-lint-ignore: [OAL0001]
                  responses:
                    '200': { description: OK }
                    '409': { description: Conflict }
                get:
                  x-openapi-lint-ignore: [OAL0005]
                  responses:
                    '302': { description: Found }
            """;

        var lines = Lint.Lines(Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id));

        Assert.That(lines, Is.EqualTo(new[] { "13:9 OAL0001 error GET /orders declares 302; minimal-codes allows GET: 200, 401, 403, 404, 500" }));
    }

    [Test]
    public void Ignore_on_a_response_silences_the_rule_for_that_response_only()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '200':
                      description: OK
                      x-openapi-lint-ignore: OAL0005, OAL0001
                    '409':
                      description: Conflict
            """;

        var lines = Lint.Lines(Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id));

        Assert.That(lines, Is.EqualTo(new[] { "10:9 OAL0001 error POST /orders declares 409; minimal-codes allows POST: 201, 400, 401, 403, 500" }));
    }

    [TestCase("warning", Severity.Warning)]
    [TestCase("info", Severity.Info)]
    public void Severity_comes_from_the_ruleset(string severity, Severity expected)
    {
        var ruleset = Lint.Ruleset($$"""{ "extends": "minimal-codes", "rules": { "OAL0001": "{{severity}}" } }""");

        Assert.That(Lint.Run(PostOrders200, ruleset, Id).Select(d => d.Severity), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Severity_off_turns_the_rule_off()
    {
        var ruleset = Lint.Ruleset("""{ "extends": "minimal-codes", "rules": { "OAL0001": { "severity": "off", "rationale": "legacy API" } } }""");

        Assert.That(Lint.Run(PostOrders200, ruleset, Id), Is.Empty);
    }

    [Test]
    public void Swagger_2_json_is_checked_with_json_positions()
    {
        const string document = """
            {
              "swagger": "2.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders": {
                  "post": {
                    "responses": {
                      "201": { "description": "Created" },
                      "204": { "description": "No content" }
                    }
                  }
                }
              }
            }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id, "swagger.json");

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "9:11 OAL0001 error /paths/~1orders/post/responses/204 | POST /orders declares 204; minimal-codes allows POST: 201, 400, 401, 403, 500",
        }));
    }

    [Test]
    public void OpenApi_3_1_is_checked()
    {
        const string document = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /orders/{id}:
                delete:
                  responses:
                    '204': { description: Deleted }
                    '404': { description: Not found }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "8:9 OAL0001 error /paths/~1orders~1{id}/delete/responses/404 | DELETE /orders/{id} declares 404; minimal-codes allows DELETE: 200, 204, 401, 403, 500",
        }));
    }

    [Test]
    public void Referenced_response_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      description: Created
                    '404':
                      $ref: '#/components/responses/NotFound'
            components:
              responses:
                NotFound:
                  description: Not found
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("minimal-codes"), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("9:9 OAL0001 error /paths/~1orders/post/responses/404 | POST /orders declares 404; minimal-codes allows POST: 201, 400, 401, 403, 500"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 13:5 /components/responses/NotFound" }));
        });
    }
}
