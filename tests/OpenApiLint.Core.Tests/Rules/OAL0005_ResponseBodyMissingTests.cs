using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0005_ResponseBodyMissingTests
{
    private const string Id = RuleIds.ResponseBodyMissing;

    [Test]
    public void Response_without_content_is_reported_at_its_key()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "7:9 OAL0005 warning /paths/~1orders/get/responses/200 | GET /orders 200 response declares no body; recommended expects a body on 200",
        }));
        Assert.That(diagnostics[0].Rationale, Does.StartWith("“Rest specific http status codes”: \"Unlike the 204 status code, a 200 response should include a response body.\""));
    }

    [Test]
    public void A_range_expecting_bodies_never_asks_one_of_codes_that_cannot_have_content()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '100': { description: Continue }
                    '200': { description: OK }
                    '204': { description: No Content }
                    '205': { description: Reset Content }
                    '304': { description: Not Modified }
            """;

        var diagnostics = Lint.Run(document, Lint.Ruleset("""{ "codes": { "1XX": { "body": "expected" }, "2XX": { "body": "expected" }, "3XX": { "body": "expected" } } }"""), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "8:9 OAL0005 warning /paths/~1orders/post/responses/200 | POST /orders 200 response declares no body; team expects a body on 200",
        }));
    }

    [Test]
    public void Empty_content_map_is_no_body()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /jobs:
                post:
                  responses:
                    '202':
                      description: Accepted
                      content: {}
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
        {
            "7:9 OAL0005 warning POST /jobs 202 response declares no body; recommended expects a body on 202",
        }));
    }

    [Test]
    public void Response_with_content_is_not_reported()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /jobs:
                post:
                  responses:
                    '202':
                      description: Accepted
                      content:
                        application/json:
                          schema: { type: object, properties: { status: { type: string } } }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }

    [Test]
    public void Range_policy_expects_a_body_on_every_code_of_the_range()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { description: OK, content: { application/json: {} } }
                    '404': { description: Not found }
                    '503': { description: Unavailable, content: { application/json: {} } }
                    4XX: { description: Client error }
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("platform-of-trust"), Id)), Is.EqualTo(new[]
        {
            "8:9 OAL0005 error GET /orders 404 response declares no body; platform-of-trust expects a body on 404",
            "10:9 OAL0005 error GET /orders 4XX response declares no body; platform-of-trust expects a body on 4XX",
        }));
    }

    [Test]
    public void Swagger_2_response_without_schema_is_reported()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  produces: [application/json]
                  responses:
                    '200':
                      description: OK
                      schema: { type: array, items: { type: string } }
                post:
                  responses:
                    '202':
                      description: Accepted
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
        {
            "13:9 OAL0005 warning /paths/~1orders/post/responses/202 | POST /orders 202 response declares no body; recommended expects a body on 202",
        }));
    }

    [Test]
    public void Referenced_response_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      $ref: '#/components/responses/Ok'
            components:
              responses:
                Ok:
                  description: OK
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("recommended"), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("7:9 OAL0005 warning /paths/~1orders/get/responses/200 | GET /orders 200 response declares no body; recommended expects a body on 200"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 11:5 /components/responses/Ok" }));
        });
    }

    [Test]
    public void Unresolved_reference_is_left_to_OAL0010()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      $ref: '#/components/responses/Missing'
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended")).Select(d => d.RuleId), Is.EqualTo(new[] { RuleIds.UnresolvedReference }));
    }

    [Test]
    public void Ignore_on_the_response_silences_the_rule()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
                      x-openapi-lint-ignore: [OAL0005]
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }

    [Test]
    public void Raised_severity_is_applied()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("conditional-requests"), Id).Select(d => d.Severity), Is.EqualTo(new[] { Severity.Error }));
    }

    [TestCase("200")]
    [TestCase("202")]
    [TestCase("4XX")]
    [TestCase("500")]
    public void A_head_response_is_never_expected_to_have_a_body(string code)
    {
        // HEAD responses carry no body, whatever a ruleset expects of the code on other methods.
        var ruleset = Lint.Ruleset($$"""{ "codes": { "{{code}}": { "body": "expected" } } }""");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(Doc.Operation("head", code, body: false), ruleset, Id), Is.Empty);
            Assert.That(Lint.Lines(Lint.Run(Doc.Operation("get", code, body: false), ruleset, Id)), Is.EqualTo(new[]
            {
                $"{Doc.KeyPosition} OAL0005 warning GET /orders {code} response declares no body; team expects a body on {code}",
            }));
        });
    }
}
