using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0002_RequiredStatusCodeMissingTests
{
    private const string Id = RuleIds.RequiredStatusCodeMissing;

    private const string PostOrders = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            post:
              responses:
                '201':
                  description: Created
        """;

    [Test]
    public void Missing_required_codes_are_reported_once_per_operation_at_its_responses()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "required": ["500", "201", "400"], "rationale": "\"every POST answers 201, 400 and 500\"" } } }""");

        var diagnostics = Lint.Run(PostOrders, ruleset, Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "6:7 OAL0002 error /paths/~1orders/post/responses | POST /orders does not declare 400, 500; team requires POST: 201, 400, 500",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Path, Is.EqualTo("/orders"));
            Assert.That(diagnostics[0].Method, Is.EqualTo("post"));
            Assert.That(diagnostics[0].StatusCode, Is.Null);
            Assert.That(diagnostics[0].Rationale, Is.EqualTo("\"every POST answers 201, 400 and 500\""));
        });
    }

    [Test]
    public void Declared_required_codes_are_not_reported()
    {
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "required": ["201"] }, "get": { "required": ["200"] } } }""");

        Assert.That(Lint.Run(PostOrders, ruleset, Id), Is.Empty);
    }

    [Test]
    public void Operation_without_responses_is_reported_at_the_operation()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  summary: no responses at all
            """;
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "required": ["201"] } } }""");

        Assert.That(Lint.Describe(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            // The responses member does not exist, so the position falls back to the operation's key.
            "5:5 OAL0002 error /paths/~1orders/post/responses | POST /orders does not declare 201; team requires POST: 201",
        }));
    }

    private const string WithRangeAndDefault = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders/{id}:
            get:
              responses:
                '200':
                  description: OK
                4XX:
                  description: Client error
                default:
                  description: Anything else
        """;

    [TestCase("""{ "methods": { "get": { "required": ["200", "404"] } } }""", "GET /orders/{id} does not declare 404; team requires GET: 200, 404")]
    [TestCase("""{ "methods": { "get": { "required": ["200", "404"] } }, "ranges": { "satisfiesRequired": true } }""", null)]
    [TestCase("""{ "methods": { "get": { "required": ["404", "500"] } }, "ranges": { "satisfiesRequired": true } }""", "GET /orders/{id} does not declare 500; team requires GET: 404, 500")]
    [TestCase("""{ "methods": { "get": { "required": ["404", "500"] } }, "ranges": { "satisfiesRequired": true }, "default": { "satisfiesRequired": true } }""", null)]
    [TestCase("""{ "methods": { "get": { "required": ["500"] } }, "default": { "satisfiesRequired": false } }""", "GET /orders/{id} does not declare 500; team requires GET: 500")]
    [TestCase("""{ "methods": { "get": { "required": ["500"] } }, "default": { "satisfiesRequired": true } }""", null)]
    // default counts for error codes only: a missing 201 is still missing.
    [TestCase("""{ "methods": { "get": { "required": ["201"] } }, "default": { "satisfiesRequired": true } }""", "GET /orders/{id} does not declare 201; team requires GET: 201")]
    // A required range is met by any code in it, and by the range itself.
    [TestCase("""{ "methods": { "get": { "required": ["2XX", "4XX"] } } }""", null)]
    [TestCase("""{ "methods": { "get": { "required": ["5XX"] } } }""", "GET /orders/{id} does not declare 5XX; team requires GET: 5XX")]
    public void Ranges_and_default_count_as_the_ruleset_says(string ruleset, string? expected)
    {
        var messages = Lint.Run(WithRangeAndDefault, Lint.Ruleset(ruleset), Id).Select(d => d.Message);

        Assert.That(messages, Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [Test]
    public void Ignore_on_the_operation_silences_the_rule()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  x-openapi-lint-ignore: [OAL0002]
                  responses:
                    '201': { description: Created }
                put:
                  responses:
                    '204': { description: Updated }
            """;
        var ruleset = Lint.Ruleset("""{ "methods": { "post": { "required": ["400"] }, "put": { "required": ["400"] } } }""");

        Assert.That(Lint.Lines(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            "10:7 OAL0002 error PUT /orders does not declare 400; team requires PUT: 400",
        }));
    }

    [Test]
    public void Swagger_2_operations_are_checked()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths:
              /orders:
                delete:
                  responses:
                    '204':
                      description: Deleted
            """;
        var ruleset = Lint.Ruleset("""{ "methods": { "delete": { "required": ["204", "404"] } } }""");

        Assert.That(Lint.Describe(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            "6:7 OAL0002 error /paths/~1orders/delete/responses | DELETE /orders does not declare 404; team requires DELETE: 204, 404",
        }));
    }

    [Test]
    public void OpenApi_3_1_json_is_checked()
    {
        const string document = """
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders": {
                  "get": { "responses": { "200": { "description": "OK" } } }
                }
              }
            }
            """;
        var ruleset = Lint.Ruleset("""{ "methods": { "get": { "required": ["200", "401"] } } }""");

        Assert.That(Lint.Describe(Lint.Run(document, ruleset, Id, "openapi.json")), Is.EqualTo(new[]
        {
            "6:16 OAL0002 error /paths/~1orders/get/responses | GET /orders does not declare 401; team requires GET: 200, 401",
        }));
    }
}
