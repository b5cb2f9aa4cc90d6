using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Positions;

/// <summary>
/// A path item given by <c>$ref</c> (3.1 <c>components.pathItems</c>, or a file): a finding about one of its responses
/// is reported at the response key where it is written, with the reference site related.
/// </summary>
[TestFixture]
public sealed class PathItemReferenceTests
{
    private static string Full(Diagnostic d) =>
        $"{d.Location.Line}:{d.Location.Column} {d.RuleId} {d.Location.Pointer}"
        + string.Concat(d.RelatedLocations.Select(r => $" -> {Path.GetFileName(r.File)} {r.Line}:{r.Column} {r.Pointer}"));

    [Test]
    public void Response_of_a_component_path_item_is_reported_where_it_is_written()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /orders:
                $ref: '#/components/pathItems/Orders'
            components:
              pathItems:
                Orders:
                  post:
                    responses:
                      '201':
                        description: Created
                      '204':
                        description: Done
                        content: { application/json: { schema: { type: object } } }
            """;
        var document = OpenApiDocumentLoader.Load("openapi.yaml", Encoding.UTF8.GetBytes(text)).Document!;

        var diagnostics = new Linter().Lint(document, Lint.BuiltIn("recommended")).Select(Full).ToArray();

        Assert.That(diagnostics, Is.EqualTo(new[]
        {
            "11:11 OAL0003 /components/pathItems/Orders/post/responses/201 -> openapi.yaml 4:3 /paths/~1orders",
            "15:13 OAL0004 /components/pathItems/Orders/post/responses/204/content -> openapi.yaml 4:3 /paths/~1orders",
        }));
    }

    [Test]
    public void Referenced_response_inside_a_component_path_item_relates_both_definitions()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /orders:
                $ref: '#/components/pathItems/Orders'
            components:
              pathItems:
                Orders:
                  post:
                    responses:
                      '201':
                        $ref: '#/components/responses/Created'
              responses:
                Created:
                  description: Created
            """;
        var document = OpenApiDocumentLoader.Load("openapi.yaml", Encoding.UTF8.GetBytes(text)).Document!;

        var diagnostic = new Linter().Lint(document, Lint.BuiltIn("recommended")).Single();

        Assert.That(Full(diagnostic), Is.EqualTo(
            "11:11 OAL0003 /components/pathItems/Orders/post/responses/201 -> openapi.yaml 14:5 /components/responses/Created -> openapi.yaml 4:3 /paths/~1orders"));
    }

    [Test]
    public void Error_body_of_a_component_path_item_is_read_where_it_is_written()
    {
        // The body schema is recorded under the definition, not under /paths: its properties must still be found.
        const string text = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /orders:
                $ref: '#/components/pathItems/Orders'
            components:
              pathItems:
                Orders:
                  get:
                    responses:
                      '500':
                        description: Failed
                        content:
                          application/json:
                            schema: { type: object, properties: { code: {}, type: {}, message: {} } }
            """;
        var document = OpenApiDocumentLoader.Load("openapi.yaml", Encoding.UTF8.GetBytes(text)).Document!;

        var diagnostics = new Linter().Lint(document, Lint.BuiltIn("conditional-requests")).Where(d => d.RuleId == "OAL0007");

        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void Response_of_a_path_item_in_a_file_is_reported_in_that_file()
    {
        using var folder = new TempFolder();
        var document = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                $ref: 'paths/orders.yaml'
            """);
        var pathFile = folder.Write("paths/orders.yaml", """
            post:
              responses:
                '201':
                  description: Created
            """);

        var diagnostic = Lint.RunFile(document, Lint.BuiltIn("recommended")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(Full(diagnostic), Is.EqualTo("3:5 OAL0003 /post/responses/201 -> openapi.yaml 4:3 /paths/~1orders"));
            Assert.That(diagnostic.Location.File, Is.EqualTo(pathFile));
            Assert.That(diagnostic.RelatedLocations[0].File, Is.EqualTo(document));
            Assert.That(diagnostic.Path, Is.EqualTo("/orders"));
        });
    }
}
