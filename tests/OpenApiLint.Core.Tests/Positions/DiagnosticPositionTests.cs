using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Positions;

/// <summary>
/// Exact line:column (and end) of whole lint runs, computed from the raw text of JSON and YAML documents alike,
/// including <c>$ref</c>'d responses (reported at the reference site, the definition related) and Swagger 2.0.
/// </summary>
[TestFixture]
public sealed class DiagnosticPositionTests
{
    private static string Full(Diagnostic d) =>
        $"{d.Location.Line}:{d.Location.Column}-{d.Location.EndLine}:{d.Location.EndColumn} {d.RuleId} {d.Location.Pointer}"
        + string.Concat(d.RelatedLocations.Select(r => $" -> {r.Line}:{r.Column}-{r.EndLine}:{r.EndColumn} {r.Pointer}"));

    private static string[] FullRun(string text, string fileName, string ruleset = "minimal-codes")
    {
        var document = OpenApiDocumentLoader.Load(fileName, Encoding.UTF8.GetBytes(text));
        Assert.That(document.Error, Is.Null);
        return new Linter().Lint(document.Document!, Lint.BuiltIn(ruleset)).Select(Full).ToArray();
    }

    private const string Yaml = """
        openapi: 3.0.3
        info:
          title: Orders
          version: '1'
        paths:
          /orders:
            post:
              responses:
                '200':
                  description: OK
                "201":
                  description: Created
                404:
                  $ref: '#/components/responses/NotFound'
          /orders/{id}:
            delete:
              responses:
                '204':
                  $ref: '#/components/responses/Deleted'
        components:
          responses:
            NotFound:
              description: Not found
            Deleted:
              description: Deleted
              content:
                text/plain: {}
        """;

    private static readonly string[] YamlExpected =
    [
        "9:9-9:14 OAL0001 /paths/~1orders/post/responses/200",
        "9:9-9:14 OAL0005 /paths/~1orders/post/responses/200",
        "11:9-11:14 OAL0005 /paths/~1orders/post/responses/201",
        "13:9-13:12 OAL0001 /paths/~1orders/post/responses/404 -> 22:5-22:13 /components/responses/NotFound",
        "18:9-18:14 OAL0004 /paths/~1orders~1{id}/delete/responses/204 -> 24:5-24:12 /components/responses/Deleted",
    ];

    [Test]
    public void Yaml_document()
    {
        Assert.That(FullRun(Yaml, "openapi.yaml"), Is.EqualTo(YamlExpected));
    }

    private const string Json = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "200": { "description": "OK" },
                  "201": {
                    "description": "Created"
                  },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/orders/{id}": {
              "delete": {
                "responses": { "204": { "$ref": "#/components/responses/Deleted" } }
              }
            }
          },
          "components": {
            "responses": {
              "NotFound": { "description": "Not found" },
              "Deleted": { "description": "Deleted", "content": { "text/plain": {} } }
            }
          }
        }
        """;

    [Test]
    public void Json_document()
    {
        Assert.That(FullRun(Json, "openapi.json"), Is.EqualTo(new[]
        {
            "8:11-8:16 OAL0001 /paths/~1orders/post/responses/200",
            "8:11-8:16 OAL0005 /paths/~1orders/post/responses/200",
            "9:11-9:16 OAL0005 /paths/~1orders/post/responses/201",
            "12:11-12:16 OAL0001 /paths/~1orders/post/responses/404 -> 24:7-24:17 /components/responses/NotFound",
            "18:24-18:29 OAL0004 /paths/~1orders~1{id}/delete/responses/204 -> 25:7-25:16 /components/responses/Deleted",
        }));
    }

    [Test]
    public void Json_without_extension_is_sniffed_and_positioned_as_json()
    {
        Assert.That(FullRun(Json, "openapi")[0], Is.EqualTo("8:11-8:16 OAL0001 /paths/~1orders/post/responses/200"));
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Other_line_breaks_give_the_same_positions(string lineBreak)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FullRun(Yaml.ReplaceLineEndings(lineBreak), "openapi.yaml"), Is.EqualTo(YamlExpected));
            Assert.That(FullRun(Json.ReplaceLineEndings(lineBreak), "openapi.json"), Is.EqualTo(FullRun(Json, "openapi.json")));
        });
    }

    [Test]
    public void Byte_order_mark_is_not_counted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FullRun("\uFEFF" + Yaml, "openapi.yaml"), Is.EqualTo(YamlExpected));
            Assert.That(FullRun("\uFEFF" + Json, "openapi.json"), Is.EqualTo(FullRun(Json, "openapi.json")));
        });
    }

    [Test]
    public void Swagger_2_yaml()
    {
        const string text = """
            swagger: "2.0"
            info: { title: Orders, version: "1" }
            produces: [application/json]
            paths:
              /orders:
                get:
                  parameters:
                    - in: header
                      name: If-None-Match
                      type: string
                  responses:
                    200:
                      description: OK
                    304:
                      $ref: '#/responses/NotModified'
                post:
                  responses:
                    201:
                      description: Created
                      schema: { type: object }
            responses:
              NotModified:
                description: Not modified
                schema: { type: string }
            """;

        Assert.That(FullRun(text, "swagger.yaml", "recommended"), Is.EqualTo(new[]
        {
            "12:9-12:12 OAL0005 /paths/~1orders/get/responses/200",
            "14:9-14:12 OAL0004 /paths/~1orders/get/responses/304 -> 22:3-22:14 /responses/NotModified",
            "18:9-18:12 OAL0003 /paths/~1orders/post/responses/201",
        }));
    }

    [Test]
    public void Swagger_2_json()
    {
        const string text = """
            {"swagger": "2.0", "info": {"title": "Orders", "version": "1"},
             "paths": {"/orders": {"post": {"responses": {
               "200": {"description": "OK", "schema": {"type": "object"}},
               "405": {"$ref": "#/responses/MethodNotAllowed"}}}}},
             "responses": {"MethodNotAllowed": {"description": "No"}}}
            """;

        Assert.That(FullRun(text, "swagger.json", "http-semantics"), Is.EqualTo(new[]
        {
            "4:4-4:9 OAL0003 /paths/~1orders/post/responses/405 -> 5:16-5:34 /responses/MethodNotAllowed",
        }));
    }

    [Test]
    public void Columns_count_utf16_code_units_and_tabs_as_one()
    {
        // 😀 is one character but two UTF-16 code units; é is one.
        var text = "openapi: 3.0.3\ninfo: {title: \"é😀\", version: '1'}\npaths:\n  /commandes:\n    post:\n      responses: {\"200\": {description: \"😀 é\"}, \"418\": {description: \"x\"}}\n";
        var json = "{\n\t\"openapi\": \"3.0.3\", \"paths\": {\"/😀\": {\"post\": {\"responses\": {\"200\": {\"description\": \"OK\", \"content\": {\"a/b\": {}}}}}}}}";

        Assert.Multiple(() =>
        {
            Assert.That(FullRun(text, "openapi.yaml"), Is.EqualTo(new[]
            {
                "6:19-6:24 OAL0001 /paths/~1commandes/post/responses/200",
                "6:19-6:24 OAL0005 /paths/~1commandes/post/responses/200",
                "6:49-6:54 OAL0001 /paths/~1commandes/post/responses/418",
            }));
            Assert.That(FullRun(json, "openapi.json"), Is.EqualTo(new[] { "2:63-2:68 OAL0001 /paths/~1😀/post/responses/200" }));
        });
    }

    [Test]
    public void Path_keys_with_slashes_and_tildes()
    {
        const string text = """
            openapi: 3.1.0
            paths:
              "/files/{path}~backup":
                get:
                  responses:
                    '200': { description: OK }
            """;

        Assert.That(FullRun(text, "openapi.yaml"), Is.EqualTo(new[] { "6:9-6:14 OAL0005 /paths/~1files~1{path}~0backup/get/responses/200" }));
    }

    [Test]
    public void Keys_reached_through_yaml_anchors()
    {
        const string text = """
            openapi: 3.0.3
            paths:
              /a:
                post:
                  responses:
                    '200': &noBody
                      description: OK
                    '202': *noBody
            """;

        // The alias makes 202 a copy of 200: each is reported at its own key.
        Assert.That(FullRun(text, "openapi.yaml", "recommended"), Is.EqualTo(new[]
        {
            "6:9-6:14 OAL0005 /paths/~1a/post/responses/200",
            "8:9-8:14 OAL0005 /paths/~1a/post/responses/202",
        }));
    }

    [Test]
    public void Related_location_in_a_json_file_beside_a_yaml_document()
    {
        using var folder = new TempFolder();
        var document = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: 'common/responses.json#/Created'
            """);
        var responses = folder.Write("common/responses.json", """
            {
              "Created": {
                "description": "Created"
              }
            }
            """);

        var diagnostic = Lint.RunFile(document, Lint.BuiltIn("recommended")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Full(diagnostic), Is.EqualTo("6:9-6:14 OAL0003 /paths/~1orders/post/responses/201 -> 2:3-2:12 /Created"));
            Assert.That(diagnostic.Location.File, Is.EqualTo(document));
            Assert.That(diagnostic.RelatedLocations[0].File, Is.EqualTo(responses));
        });
    }

    [Test]
    public void Reference_chain_across_files_relates_the_final_definition()
    {
        using var folder = new TempFolder();
        var document = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: 'responses.yaml#/Created'
            """);
        folder.Write("responses.yaml", """
            Created:
              $ref: 'more.yaml#/Created'
            """);
        var more = folder.Write("more.yaml", """
            Created:
              description: Created
            """);

        var diagnostic = Lint.RunFile(document, Lint.BuiltIn("recommended")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Full(diagnostic), Is.EqualTo("6:9-6:14 OAL0003 /paths/~1orders/post/responses/201 -> 1:1-1:8 /Created"));
            Assert.That(diagnostic.RelatedLocations[0].File, Is.EqualTo(more), "where the response is finally defined");
        });
    }
}
