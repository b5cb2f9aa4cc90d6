using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Suppressions;

/// <summary>
/// A finding's fingerprint names what it is about (rule, method, path template, status code, subject) and nothing that
/// moves when the document is edited: every rule gives the subject it concerns.
/// </summary>
[TestFixture]
public sealed class FingerprintTests
{
    private static string[] Fingerprints(string document, string rulesetJson) =>
        Lint.Run(document, Lint.Ruleset(rulesetJson)).Select(d => d.Fingerprint.ToString()).ToArray();

    [Test]
    public void Every_rule_names_its_subject()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '200': { description: OK }
                    '201': { description: Created }
                    '2000': { description: typo }
                    '500': { description: Oops, content: { application/json: { schema: { type: object, properties: { error: { type: string } } } } } }
                    default: { description: Error }
              /orders/{id}:
                get:
                  responses:
                    '304': { description: Not modified }
                    '404': { $ref: '#/components/responses/Missing' }
                    '410': { $ref: 'https://example.com/r.yaml#/Gone' }
                delete:
                  responses:
                    '204': { description: Deleted, content: { application/json: {} } }
            """;
        const string ruleset = """
            {
              "extends": "minimal-codes",
              "maxDistinctCodes": 3,
              "default": { "allowed": false },
              "methods": { "post": { "required": ["201", "400", "401"] } },
              "codes": {
                "201": { "responseHeaders": ["Location", "ETag"] },
                "304": { "requestHeaders": ["If-None-Match", "If-Modified-Since"] },
                "500": { "errorBodyProperties": ["code", "message"] }
              }
            }
            """;

        Assert.That(Fingerprints(document, ruleset), Is.EquivalentTo(new[]
        {
            "OAL0001 POST /orders 200",
            "OAL0005 POST /orders 200",
            "OAL0002 POST /orders 400, 401",
            "OAL0003 POST /orders 201 Location, ETag",
            "OAL0005 POST /orders 201",
            "OAL0012 POST /orders 2000",
            "OAL0007 POST /orders 500 code, message",
            "OAL0009 POST /orders default",
            "OAL0001 GET /orders/{id} 304",
            "OAL0006 GET /orders/{id} 304 If-None-Match, If-Modified-Since",
            "OAL0010 GET /orders/{id} 404 #/components/responses/Missing",
            "OAL0011 GET /orders/{id} 410 https://example.com/r.yaml#/Gone",
            "OAL0001 GET /orders/{id} 410",
            "OAL0004 DELETE /orders/{id} 204",
            "OAL0008",
        }));
    }

    [Test]
    public void Reformatting_reordering_and_converting_to_JSON_keep_every_fingerprint()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '200': { description: OK }
                    '201': { description: Created }
              /orders/{id}:
                delete:
                  responses:
                    '404': { description: Missing }
            """;
        const string json = """
            {
              "paths": {
                "/orders/{id}": { "delete": { "responses": { "404": { "description": "Missing" } } } },
                "/orders": {
                  "post": {
                    "responses": {
                      "201": { "description": "Created" },

                      "200": { "description": "OK" }
                    }
                  }
                }
              },
              "info": { "version": "1", "title": "t" },
              "openapi": "3.0.3"
            }
            """;
        var ruleset = Lint.BuiltIn("minimal-codes");

        var fromYaml = Lint.Run(yaml, ruleset).Select(d => d.Fingerprint).Order().ToArray();
        var fromJson = Lint.Run(json, ruleset, fileName: "openapi.json").Select(d => d.Fingerprint).Order().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(fromYaml, Has.Length.EqualTo(4));
            Assert.That(fromJson, Is.EqualTo(fromYaml));
        });
    }

    [Test]
    public void Line_column_and_message_are_not_part_of_the_fingerprint()
    {
        var a = new Diagnostic("OAL0001", Severity.Error, "one message", new SourceLocation("a.yaml", "/x", 3, 4, 3, 9), [], "/orders", "post", "200");
        var b = a with { Message = "another", Location = new SourceLocation("a.json", "/y", 30, 1, 30, 2), Severity = Severity.Warning };

        Assert.Multiple(() =>
        {
            Assert.That(b.Fingerprint, Is.EqualTo(a.Fingerprint));
            Assert.That((a with { StatusCode = "201" }).Fingerprint, Is.Not.EqualTo(a.Fingerprint));
            Assert.That((a with { Subject = "Location" }).Fingerprint, Is.Not.EqualTo(a.Fingerprint));
        });
    }

    [Test]
    public void A_narrower_subject_is_a_narrowing_of_the_wider_one()
    {
        var wide = new Fingerprint("OAL0003", "post", "/orders", "201", "Location, ETag");

        Assert.Multiple(() =>
        {
            Assert.That((wide with { Subject = "ETag" }).IsNarrowingOf(wide), Is.True);
            Assert.That((wide with { Subject = "Allow" }).IsNarrowingOf(wide), Is.False);
            Assert.That(wide.IsNarrowingOf(wide with { Subject = "ETag" }), Is.False);
            Assert.That((wide with { Subject = "ETag", StatusCode = "200" }).IsNarrowingOf(wide), Is.False);
        });
    }
}
