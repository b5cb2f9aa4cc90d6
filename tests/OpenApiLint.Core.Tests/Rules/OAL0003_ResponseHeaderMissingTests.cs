using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0003_ResponseHeaderMissingTests
{
    private const string Id = RuleIds.ResponseHeaderMissing;

    [Test]
    public void Missing_header_is_reported_at_the_status_key()
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
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("http-semantics"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "7:9 OAL0003 info /paths/~1orders/post/responses/201 | POST /orders 201 response does not declare the Location header; http-semantics requires Location on 201",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].StatusCode, Is.EqualTo("201"));
            Assert.That(diagnostics[0].Rationale, Does.StartWith("\"The newly created resource can be referenced by the uri(s) returned in the entity of the response"));
        });
    }

    [TestCase("Location")]
    [TestCase("location")]
    [TestCase("LOCATION")]
    public void Declared_header_is_accepted_whatever_its_case(string header)
    {
        var document = $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      description: Created
                      headers:
                        {{header}}: { schema: { type: string } }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("http-semantics"), Id), Is.Empty);
    }

    [Test]
    public void Referenced_header_counts()
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
                      headers:
                        Location:
                          $ref: '#/components/headers/Location'
            components:
              headers:
                Location: { schema: { type: string } }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("http-semantics"), Id), Is.Empty);
    }

    [Test]
    public void Several_missing_headers_are_named_in_one_finding()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /login:
                get:
                  responses:
                    '401':
                      description: Unauthorized
                      headers:
                        WWW-Authenticate: { schema: { type: string } }
            """;
        var ruleset = Lint.Ruleset("""{ "codes": { "401": { "responseHeaders": ["WWW-Authenticate", "Retry-After", "X-Request-Id"] } } }""");

        Assert.That(Lint.Lines(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            "7:9 OAL0003 error GET /login 401 response does not declare the Retry-After, X-Request-Id headers; team requires WWW-Authenticate, Retry-After, X-Request-Id on 401",
        }));
    }

    [Test]
    public void Range_policy_applies_to_codes_without_their_own_policy()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '429':
                      description: Too many
                    '503':
                      description: Unavailable
            """;
        var ruleset = Lint.Ruleset("""
            {
              "codes": {
                "4XX": { "responseHeaders": ["X-Request-Id"] },
                "5XX": { "responseHeaders": ["X-Request-Id"] },
                "503": { "responseHeaders": ["Retry-After"] }
              }
            }
            """);

        Assert.That(Lint.Lines(Lint.Run(document, ruleset, Id)), Is.EqualTo(new[]
        {
            "7:9 OAL0003 error GET /orders 429 response does not declare the X-Request-Id header; team requires X-Request-Id on 429",
            "9:9 OAL0003 error GET /orders 503 response does not declare the Retry-After header; team requires Retry-After on 503",
        }));
    }

    [Test]
    public void Ignore_on_the_response_and_on_the_operation()
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
                      x-openapi-lint-ignore: [OAL0003]
                    '401':
                      description: Unauthorized
                put:
                  x-openapi-lint-ignore: [oal0003]
                  responses:
                    '401':
                      description: Unauthorized
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("http-semantics"), Id)), Is.EqualTo(new[]
        {
            "10:9 OAL0003 error POST /orders 401 response does not declare the WWW-Authenticate header; http-semantics requires WWW-Authenticate on 401",
        }));
    }

    [Test]
    public void Ignore_extension_in_object_form_suppresses_the_ids_it_justifies()
    {
        // As OpenApiLint.AspNetCore writes it when a suppression gives a justification.
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders/{id}": {
                  "put": {
                    "responses": { "201": { "description": "Created" }, "401": { "description": "Unauthorized" } },
                    "x-openapi-lint-ignore": { "OAL0003": "an upsert answers 201 without Location", "OAL0005": "" }
                  },
                  "post": {
                    "responses": { "201": { "description": "Created" } },
                    "x-openapi-lint-ignore": { "OAL0005": "no body on purpose" }
                  }
                }
              }
            }
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("recommended"), Id, "openapi.json")), Is.EqualTo(new[]
        {
            "11:24 OAL0003 error POST /orders/{id} 201 response does not declare the Location header; recommended requires Location on 201",
        }));
    }

    [Test]
    public void Local_reference_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: '#/components/responses/Created'
            components:
              responses:
                Created:
                  description: Created
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("http-semantics"), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("7:9 OAL0003 info /paths/~1orders/post/responses/201 | POST /orders 201 response does not declare the Location header; http-semantics requires Location on 201"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 11:5 /components/responses/Created" }));
        });
    }

    [Test]
    public void Relative_file_reference_is_reported_at_the_reference_site_with_the_other_file_related()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("api/openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: 'responses.yaml#/Created'
                    '401':
                      $ref: './responses.yaml#/Unauthorized'
            """);
        var responsesPath = folder.Write("api/responses.yaml", """
            # Shared responses.
            Created:
              description: Created
              headers:
                Location: { schema: { type: string } }
            Unauthorized:
              description: Unauthorized
            """);

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("http-semantics"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "9:9 OAL0003 error /paths/~1orders/post/responses/401 | POST /orders 401 response does not declare the WWW-Authenticate header; http-semantics requires WWW-Authenticate on 401",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Location.File, Is.EqualTo(documentPath));
            Assert.That(diagnostics[0].RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { $"{responsesPath} 6:1 /Unauthorized" }));
        });
    }

    [Test]
    public void Swagger_2_response_headers_are_read()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      description: Created
                      headers:
                        Location: { type: string }
                    '405':
                      $ref: '#/responses/MethodNotAllowed'
            responses:
              MethodNotAllowed:
                description: Method not allowed
            """;

        var diagnostic = Lint.Run(document, Lint.BuiltIn("http-semantics"), Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("11:9 OAL0003 error /paths/~1orders/post/responses/405 | POST /orders 405 response does not declare the Allow header; http-semantics requires Allow on 405"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 14:3 /responses/MethodNotAllowed" }));
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
                post:
                  responses:
                    '201':
                      $ref: '#/components/responses/Missing'
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("http-semantics")).Select(d => d.RuleId), Is.EqualTo(new[] { RuleIds.UnresolvedReference }));
    }
}
