using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Rules;

[TestFixture]
public sealed class OAL0013_ReferenceOutsideFolderTests
{
    private const string Id = RuleIds.ReferenceOutsideFolder;

    [Test]
    public void References_leaving_the_folder_are_refused_even_when_the_file_exists()
    {
        using var folder = new TempFolder();
        var secret = folder.Write("secret.yaml", "Error: { description: Secret, headers: { X-Secret: { schema: { type: string } } } }\n");
        var documentPath = folder.Write("api/openapi.yaml", $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '404':
                      $ref: '../secret.yaml#/Error'
                    '500':
                      $ref: '{{secret}}#/Error'
                    '503':
                      $ref: 'file://{{secret}}#/Error'
                    '401':
                      $ref: 'sub/../../secret.yaml#/Error'
            """);

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"));

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "8:11 OAL0013 error /paths/~1orders/get/responses/404/$ref | $ref '../secret.yaml#/Error' points outside the document's folder and was not followed",
            $"10:11 OAL0013 error /paths/~1orders/get/responses/500/$ref | $ref '{secret}#/Error' points outside the document's folder and was not followed",
            $"12:11 OAL0013 error /paths/~1orders/get/responses/503/$ref | $ref 'file://{secret}#/Error' points outside the document's folder and was not followed",
            "14:11 OAL0013 error /paths/~1orders/get/responses/401/$ref | $ref 'sub/../../secret.yaml#/Error' points outside the document's folder and was not followed",
        }));
    }

    [Test]
    public void A_symbolic_link_inside_the_folder_that_leads_out_of_it_is_refused()
    {
        using var folder = new TempFolder();
        var secret = folder.Write("secret.yaml", "Error: { description: Secret }\n");
        var documentPath = folder.Write("api/openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '404':
                      $ref: 'errors.yaml#/Error'
                    '500':
                      $ref: 'linked/secret.yaml#/Error'
            """);
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(documentPath)!, "errors.yaml"), secret);
        Directory.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(documentPath)!, "linked"), Path.GetDirectoryName(secret)!);

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"));

        Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[]
        {
            "8:11 OAL0013 error /paths/~1orders/get/responses/404/$ref | $ref 'errors.yaml#/Error' points outside the document's folder and was not followed",
            "10:11 OAL0013 error /paths/~1orders/get/responses/500/$ref | $ref 'linked/secret.yaml#/Error' points outside the document's folder and was not followed",
        }));
    }

    [Test]
    public void A_symbolic_link_that_stays_inside_the_folder_is_followed()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: 'created.yaml#/Created'
            """);
        var real = folder.Write("shared/responses.yaml", "Created: { description: Created }\n");
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(documentPath)!, "created.yaml"), real);

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"), Id);

        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void References_into_sub_folders_are_followed()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                post:
                  responses:
                    '201':
                      $ref: 'shared/responses.yaml#/Created'
            """);
        folder.Write("shared/responses.yaml", """
            Created:
              description: Created
              headers:
                Location:
                  $ref: '../headers.yaml#/Location'
            """);
        folder.Write("headers.yaml", "Location: { schema: { type: string } }\n");

        var diagnostics = Lint.RunFile(documentPath, Lint.BuiltIn("recommended"));

        // shared/../headers.yaml is still inside the document's folder: it is followed, and Location is found.
        Assert.That(Lint.Describe(diagnostics), Is.Empty);
    }

    [Test]
    public void Ignore_on_the_response_silences_the_rule()
    {
        using var folder = new TempFolder();
        var documentPath = folder.Write("api/openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: OK
                      x-openapi-lint-ignore: [OAL0013]
                      content:
                        application/json:
                          schema: { $ref: '../schemas.yaml#/Order' }
            """);

        Assert.That(Lint.RunFile(documentPath, Lint.BuiltIn("recommended"), Id), Is.Empty);
    }
}
