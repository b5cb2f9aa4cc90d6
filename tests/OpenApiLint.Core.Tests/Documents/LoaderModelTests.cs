using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Documents;

/// <summary>
/// What the loader builds for the rules, where it differs from what Microsoft.OpenApi alone gave: the loader hands the
/// reader only what the rules read and takes body schemas and parameter references from the raw document.
/// </summary>
[TestFixture]
public sealed class LoaderModelTests
{
    [Test]
    public void Swagger2ResponseWithoutSchemaDeclaresNoBody()
    {
        var document = Lint.Load("""
            swagger: "2.0"
            info: { title: T, version: "1" }
            produces: [application/json, application/xml]
            paths:
              /items/{id}:
                delete:
                  responses:
                    "204": { description: Deleted }
                    "200": { description: The item, schema: { type: object, properties: { id: { type: string } } } }
            """);

        var responses = document.Operations.Single().Responses;
        Assert.That(responses.Select(r => $"{r.StatusKey} [{string.Join(",", r.MediaTypes)}] {(r.BodyPropertyNames is null ? "-" : string.Join(",", r.BodyPropertyNames))}"),
            Is.EqualTo(new[] { "204 [] -", "200 [application/json,application/xml] id" }));
    }

    [Test]
    public void BodyPropertiesAreFoundThroughReferencesToAnyPointer()
    {
        var document = Lint.Load("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  responses:
                    "401":
                      description: No
                      content:
                        application/json:
                          schema: { type: object, properties: { code: { type: string }, message: { type: string } } }
                    "429":
                      description: Slow down
                      content:
                        application/json:
                          schema: { $ref: "#/paths/~1a/get/responses/401/content/application~1json/schema" }
                    "500":
                      description: Broken
                      content:
                        application/json:
                          schema: { allOf: [ { $ref: "#/components/schemas/Wrapped/allOf/0" }, { properties: { trace: { type: string } } } ] }
            components:
              schemas:
                Wrapped:
                  allOf:
                    - properties: { type: { type: string } }
            """);

        Assert.That(document.Operations.Single().Responses.Select(r => $"{r.StatusKey} {string.Join(",", r.BodyPropertyNames!.Order())}"),
            Is.EqualTo(new[] { "401 code,message", "429 code,message", "500 trace,type" }));
    }

    [Test]
    public void BooleanSchemasOfOpenApi31Load()
    {
        var document = Lint.Load("""
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  responses:
                    "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties: { id: { type: string }, additionalProperties: false, anything: true }
            """);

        Assert.That(document.Operations.Single().Responses.Single().BodyPropertyNames!.Order(), Is.EqualTo(new[] { "additionalProperties", "anything", "id" }));
    }

    [Test]
    public void OnlyHeaderParametersBecomeRequestHeadersWhetherInlineOrReferenced()
    {
        var document = Lint.Load("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                parameters:
                  - $ref: "#/components/parameters/Trace"
                get:
                  parameters:
                    - $ref: "#/components/parameters/Top"
                    - $ref: "#/components/parameters/Chained"
                    - $ref: "#/components/parameters/Missing"
                    - { name: If-None-Match, in: header }
                    - { name: page, in: query }
                  responses:
                    "200": { description: OK }
            components:
              parameters:
                Trace: { name: X-Trace, in: header }
                Top: { name: $top, in: query }
                Chained: { $ref: "#/components/parameters/Match" }
                Match: { name: If-Match, in: header }
            """);

        Assert.That(document.Operations.Single().RequestHeaders.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "If-Match", "If-None-Match", "X-Trace" }));
    }

    [Test]
    public void UnfollowableResponseReferencesAreUnresolvedNotRefused()
    {
        var document = Lint.Load("""
            swagger: "2.0"
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  responses:
                    "200": { $ref: "notes.txt" }
                    "404": { $ref: "" }
                    "500": { $ref: "https://example.com/errors.yaml#/Boom" }
            """);

        Assert.That(document.Operations.Single().Responses.Select(r => $"{r.StatusKey} {r.IsResolved}"), Is.EqualTo(new[] { "200 False", "404 False", "500 False" }));
        Assert.That(document.References.Select(site => $"{site.Kind} {site.Problem}"), Is.EqualTo(new[]
        {
            "RelativeFile notes.txt cannot be read: file not found",
            "Local ",
            "Remote remote references are never fetched",
        }));
    }

    [Test]
    public void ReferencesInAFileUsedTwiceAreMetOnceAndReportedOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "openapi-lint-inline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "common.yaml"), """
                Problem:
                  description: A problem
                  content:
                    application/json:
                      schema: { $ref: "#/Schemas/Nope" }
                """);
            var path = Path.Combine(folder, "openapi.yaml");
            File.WriteAllText(path, """
                openapi: 3.0.3
                info: { title: T, version: "1" }
                paths:
                  /a:
                    get:
                      responses:
                        "400": { $ref: "common.yaml#/Problem" }
                        "500": { $ref: "common.yaml#/Problem" }
                """);

            var document = OpenApiDocumentLoader.Load(path).Document!;

            Assert.That(document.References.Select(site => $"{Path.GetFileName(site.Site.File)}#{site.Site.Pointer} {site.Target} {site.Problem}"), Is.EqualTo(new[]
            {
                "openapi.yaml#/paths/~1a/get/responses/400 common.yaml#/Problem ",
                "common.yaml#/Problem/content/application~1json/schema #/Schemas/Nope '/Schemas/Nope' does not exist in common.yaml",
                "openapi.yaml#/paths/~1a/get/responses/500 common.yaml#/Problem ",
            }));
            Assert.That(document.References[1].ScopePointers, Is.EqualTo(new[] { "/paths/~1a/get/responses/400", "/paths/~1a/get/responses/500" }));
            Assert.That(new OpenApiLint.Core.Linting.Linter().Lint(document, Lint.BuiltIn("recommended")).Where(d => d.RuleId == OpenApiLint.Core.Rules.RuleIds.UnresolvedReference).Select(d => $"{Path.GetFileName(d.Location.File)}:{d.Location.Line}:{d.Location.Column}"),
                Is.EqualTo(new[] { "common.yaml:5:17" }));
            Assert.That(document.Operations.Single().Responses.Select(r => $"{r.StatusKey} {Path.GetFileName(r.Definition!.File)}#{r.Definition.Pointer} [{string.Join(",", r.MediaTypes)}]"),
                Is.EqualTo(new[] { "400 common.yaml#/Problem [application/json]", "500 common.yaml#/Problem [application/json]" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ReferenceSites_WithTheSameTarget_ShareOneString_AndOnlyTheUnresolvedCarryTheirScope()
    {
        var document = Lint.Load("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a:
                get:
                  responses:
                    "404": { $ref: "#/components/responses/NotFound" }
                    "410": { $ref: "#/components/responses/NotFound" }
                    "500": { $ref: "#/components/responses/Missing" }
            components:
              responses:
                NotFound: { description: Not found }
            """);

        var sites = document.References;
        Assert.That(sites.Select(site => $"{site.Site.Pointer} {site.Target} [{string.Join(",", site.ScopePointers)}]"), Is.EqualTo(new[]
        {
            "/paths/~1a/get/responses/404 #/components/responses/NotFound []",
            "/paths/~1a/get/responses/410 #/components/responses/NotFound []",
            "/paths/~1a/get/responses/500 #/components/responses/Missing [/paths/~1a/get/responses/500]",
        }));
        Assert.That(sites[1].Target, Is.SameAs(sites[0].Target));
    }
}
