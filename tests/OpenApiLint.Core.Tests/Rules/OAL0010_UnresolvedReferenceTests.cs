using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0010_UnresolvedReferenceTests
{
    private const string Id = RuleIds.UnresolvedReference;

    [Test]
    public void Missing_local_target_is_reported_at_the_ref_member()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Missing'
                  responses:
                    '404':
                      $ref: '#/components/responses/NotFound'
            components:
              responses:
                Found: { description: Found }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "7:11 OAL0010 error /paths/~1orders/get/parameters/0/$ref | $ref '#/components/parameters/Missing' cannot be resolved: its target does not exist",
            "10:11 OAL0010 error /paths/~1orders/get/responses/404/$ref | $ref '#/components/responses/NotFound' cannot be resolved: its target does not exist",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Path), Is.EqualTo(new[] { "/orders", "/orders" }));
            Assert.That(diagnostics.Select(d => d.Method), Is.EqualTo(new[] { "get", "get" }));
            Assert.That(diagnostics.Select(d => d.StatusCode), Is.EqualTo(new[] { null, "404" }));
        });
    }

    [Test]
    public void Resolved_local_references_are_not_reported()
    {
        const string document = """
            openapi: 3.0.3
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
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
              schemas:
                Order: { type: object }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended")), Is.Empty);
    }

    [Test]
    public void Fragment_that_is_not_a_pointer_is_reported()
    {
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/orders": { "get": { "responses": { "200": { "$ref": "#NotFound" } } } }
              }
            }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("recommended"), Id, "openapi.json")), Is.EqualTo(new[]
        {
            "5:51 OAL0010 error /paths/~1orders/get/responses/200/$ref | $ref '#NotFound' cannot be resolved: its fragment is not a JSON pointer",
        }));
    }

    [Test]
    public void Relative_file_problems_are_reported()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      $ref: 'responses.yaml#/Ok'
                    '404':
                      $ref: 'responses.yaml#/NotFound'
                    '500':
                      $ref: 'missing.yaml#/Error'
                    '503':
                      $ref: 'broken.yaml#/Unavailable'
            """);
        folder.Write("responses.yaml", """
            Ok:
              description: OK
              content: { application/json: {} }
            """);
        folder.Write("broken.yaml", "Unavailable: [unclosed\n");

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"));

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "10:11 OAL0010 error /paths/~1orders/get/responses/404/$ref | $ref 'responses.yaml#/NotFound' cannot be resolved: '/NotFound' does not exist in responses.yaml",
            "12:11 OAL0010 error /paths/~1orders/get/responses/500/$ref | $ref 'missing.yaml#/Error' cannot be resolved: missing.yaml cannot be read: file not found",
            "14:11 OAL0010 error /paths/~1orders/get/responses/503/$ref | $ref 'broken.yaml#/Unavailable' cannot be resolved: broken.yaml(2,1) cannot be read: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'",
        }));
    }

    [Test]
    public void Unresolved_reference_inside_a_referenced_file_is_reported_in_that_file()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      $ref: 'responses.yaml#/Ok'
            """);
        var responsesPath = folder.Write("responses.yaml", """
            Ok:
              description: OK
              content:
                application/json:
                  schema:
                    $ref: '#/Schemas/Order'
            """);

        var diagnostic = Lint.RunFile(documentPath, Lint.BuiltIn("recommended")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Message, Is.EqualTo("$ref '#/Schemas/Order' cannot be resolved: '/Schemas/Order' does not exist in responses.yaml"));
            Assert.That(Lint.Where(diagnostic.Location), Is.EqualTo($"{responsesPath} 6:9 /Ok/content/application~1json/schema/$ref"));
        });
    }

    [Test]
    public void Problem_in_a_file_shared_by_several_operations_is_reported_once()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  x-openapi-lint-ignore: [OAL0010]
                  responses:
                    '200': { $ref: 'responses.yaml#/Ok' }
              /b:
                get:
                  responses:
                    '200': { $ref: 'responses.yaml#/Ok' }
              /c:
                get:
                  responses:
                    '200': { $ref: 'responses.yaml#/Ok' }
            """);
        var responsesPath = folder.Write("responses.yaml", """
            Ok:
              description: OK
              content:
                application/json:
                  schema: { $ref: '#/Missing' }
            """);

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"), Id);

        // /a ignores it; /b and /c share the one place in responses.yaml: one finding, kept for /b.
        Assert.That(diagnostics.Select(d => $"{Lint.Where(d.Location)} {d.Path}"), Is.EqualTo(new[]
        {
            $"{responsesPath} 5:17 /Ok/content/application~1json/schema/$ref /b",
        }));
    }

    [Test]
    public void Ignore_on_the_operation_or_response_silences_references_under_it()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  x-openapi-lint-ignore: [OAL0010]
                  responses:
                    '200':
                      $ref: '#/components/responses/Missing'
              /b:
                get:
                  responses:
                    '200':
                      description: OK
                      x-openapi-lint-ignore: [OAL0010]
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Missing' }
              /c:
                get:
                  responses:
                    '200':
                      $ref: '#/components/responses/Missing'
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn("recommended"), Id).Select(d => d.Path), Is.EqualTo(new[] { "/c" }));
    }

    [Test]
    public void Swagger_2_references_are_checked()
    {
        const string document = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
                      schema:
                        $ref: '#/definitions/Order'
            definitions:
              Item: { type: object }
            """;

        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
        {
            "10:13 OAL0010 error $ref '#/definitions/Order' cannot be resolved: its target does not exist",
        }));
    }

    [Test]
    public void Cycle_of_response_references_is_reported_at_the_reference_that_closes_it()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { $ref: '#/components/responses/A' }
            components:
              responses:
                A: { $ref: '#/components/responses/B' }
                B: { $ref: '#/components/responses/A' }
            """;

        var loaded = Lint.Load(document);
        var diagnostics = Lint.Run(document, Lint.BuiltIn("recommended"), Id);

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "11:10 OAL0010 error /components/responses/B/$ref | $ref '#/components/responses/A' cannot be resolved: it closes a cycle of references: #/components/responses/A → #/components/responses/B → #/components/responses/A",
        }));
        Assert.That(loaded.Operations.Single().Responses.Single().IsResolved, Is.False);
    }

    [Test]
    public void Path_item_that_refers_to_itself_is_reported()
    {
        const string document = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /a:
                $ref: '#/paths/~1a'
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
        {
            "5:5 OAL0010 error /paths/~1a/$ref | $ref '#/paths/~1a' cannot be resolved: it closes a cycle of references: #/paths/~1a → #/paths/~1a",
        }));
    }

    [Test]
    public void Cycle_across_files_is_reported_in_the_file_that_closes_it()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { $ref: 'a.yaml#/R' }
              /items:
                $ref: 'items.yaml'
            """);
        folder.Write("a.yaml", "R: { $ref: 'b.yaml#/R' }\n");
        var bPath = folder.Write("b.yaml", "Other: { description: x }\nR:\n  $ref: 'a.yaml#/R'\n");
        var itemsPath = folder.Write("items.yaml", "$ref: 'openapi.yaml#/paths/~1items'\n");

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"), Id);

        Assert.That(diagnostics.Select(d => $"{Lint.Where(d.Location)} {d.Path} | {d.Message}"), Is.EqualTo(new[]
        {
            $"{bPath} 3:3 /R/$ref /orders | $ref 'a.yaml#/R' cannot be resolved: it closes a cycle of references: a.yaml#/R → b.yaml#/R → a.yaml#/R",
            $"{itemsPath} 1:1 /$ref  | $ref 'openapi.yaml#/paths/~1items' cannot be resolved: it closes a cycle of references: #/paths/~1items → items.yaml# → #/paths/~1items",
        }));
    }

    [Test]
    public void Cycle_of_schema_references_is_reported_and_a_recursive_schema_is_not()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Node' }
            components:
              schemas:
                Node:
                  properties:
                    child: { $ref: '#/components/schemas/Node' }
                    other: { $ref: '#/components/schemas/Alias' }
                Alias: { $ref: '#/components/schemas/Same' }
                Same: { $ref: '#/components/schemas/Alias' }
            """;

        Assert.That(Lint.Describe(Lint.Run(document, Lint.BuiltIn("recommended"), Id)), Is.EqualTo(new[]
        {
            "19:13 OAL0010 error /components/schemas/Same/$ref | $ref '#/components/schemas/Alias' cannot be resolved: it closes a cycle of references: #/components/schemas/Alias → #/components/schemas/Same → #/components/schemas/Alias",
        }));
    }
}
