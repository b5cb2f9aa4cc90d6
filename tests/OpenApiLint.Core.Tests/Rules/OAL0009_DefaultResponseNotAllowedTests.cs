using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0009_DefaultResponseNotAllowedTests
{
    private const string Id = RuleIds.DefaultResponseNotAllowed;

    private const string WithDefaults = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            get:
              responses:
                '200': { description: OK }
                default: { description: Error }
          /legacy/orders:
            get:
              responses:
                '200': { description: OK }
                default: { description: Error }
        """;

    [Test]
    public void Default_response_is_reported_when_the_ruleset_disallows_it()
    {
        var ruleset = Lint.Ruleset("""{ "default": { "allowed": false }, "rules": { "OAL0009": { "severity": "warning", "rationale": "\"explicit codes\"" } } }""");

        var diagnostics = Lint.Run(WithDefaults, ruleset, Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "8:9 OAL0009 warning /paths/~1orders/get/responses/default | GET /orders declares a default response; team wants explicit status codes",
            "13:9 OAL0009 warning /paths/~1legacy~1orders/get/responses/default | GET /legacy/orders declares a default response; team wants explicit status codes",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].StatusCode, Is.EqualTo("default"));
            Assert.That(diagnostics[0].Rationale, Is.EqualTo("\"explicit codes\""));
        });
    }

    [Test]
    public void Default_response_is_allowed_unless_the_ruleset_says_otherwise()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(WithDefaults, Lint.Ruleset("{}"), Id), Is.Empty);
            Assert.That(Lint.Run(WithDefaults, Lint.Ruleset("""{ "default": { "allowed": true } }"""), Id), Is.Empty);
            foreach (var name in new[] { "minimal-codes", "conditional-requests", "http-semantics", "platform-of-trust", "recommended" })
            {
                Assert.That(Lint.Run(WithDefaults, Lint.BuiltIn(name), Id), Is.Empty, name);
            }
        });
    }

    [Test]
    public void Override_can_allow_defaults_in_a_legacy_area()
    {
        var ruleset = Lint.Ruleset("""
            {
              "default": { "allowed": false },
              "rules": { "OAL0009": "error" },
              "overrides": [ { "paths": ["/legacy/**"], "ruleset": { "default": { "allowed": true } } } ]
            }
            """);

        var diagnostics = Lint.Run(WithDefaults, ruleset, Id);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Path), Is.EqualTo(new[] { "/orders" }));
            Assert.That(diagnostics.Select(d => d.Severity), Is.EqualTo(new[] { Severity.Error }));
        });
    }

    [Test]
    public void Ignore_on_the_operation_and_on_the_response()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  x-openapi-lint-ignore: [OAL0009]
                  responses:
                    default: { description: Error }
              /b:
                get:
                  responses:
                    default: { description: Error, x-openapi-lint-ignore: [OAL0009] }
              /c:
                get:
                  responses:
                    default: { description: Error }
            """;
        var ruleset = Lint.Ruleset("""{ "default": { "allowed": false } }""");

        Assert.That(Lint.Run(document, ruleset, Id).Select(d => d.Path), Is.EqualTo(new[] { "/c" }));
    }

    [Test]
    public void Swagger_2_referenced_default_is_reported_at_the_reference_site_with_the_definition_related()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { description: OK }
                    default:
                      $ref: '#/responses/Error'
            responses:
              Error:
                description: Error
            """;
        var ruleset = Lint.Ruleset("""{ "default": { "allowed": false } }""");

        var diagnostic = Lint.Run(document, ruleset, Id).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostic), Is.EqualTo("8:9 OAL0009 warning /paths/~1orders/get/responses/default | GET /orders declares a default response; team wants explicit status codes"));
            Assert.That(diagnostic.RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 11:3 /responses/Error" }));
        });
    }
}
