using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Core.Tests.Linting;

public sealed class DeclarationsTests
{
    private static readonly SourceLocation Document = new("/api/obj/Api.json", "/paths/~1orders/post/responses/200", 8, 11, 8, 16);

    private sealed class Recording : IDeclarationLocator
    {
        public List<(string Method, string Path, string? Code)> Asked { get; } = [];

        public SourceLocation? Locate(string method, string path, string? statusCode)
        {
            Asked.Add((method, path, statusCode));
            return statusCode == "404" ? null : new SourceLocation("/api/Program.cs", "", 3, statusCode is null ? 8 : 38, 3, 45);
        }
    }

    [Test]
    public void A_finding_about_a_code_asks_for_that_code_and_one_about_the_operation_for_the_endpoint()
    {
        var locator = new Recording();
        var aboutCode = Declarations.Attach(new Diagnostic("OAL0001", Severity.Error, "m", Document, [], "/orders", "post", "200"), locator);
        var aboutOperation = Declarations.Attach(new Diagnostic("OAL0002", Severity.Error, "m", Document, [], "/orders", "post"), locator);
        var notLocated = Declarations.Attach(new Diagnostic("OAL0001", Severity.Error, "m", Document, [], "/orders", "post", "404"), locator);
        var aboutDocument = Declarations.Attach(new Diagnostic("OAL0008", Severity.Error, "m", Document, []), locator);

        Assert.Multiple(() =>
        {
            Assert.That(locator.Asked, Is.EqualTo(new[] { ("post", "/orders", (string?)"200"), ("post", "/orders", null), ("post", "/orders", "404") }));
            Assert.That(aboutCode.Declaration?.Column, Is.EqualTo(38));
            Assert.That(aboutOperation.Declaration?.Column, Is.EqualTo(8));
            Assert.That(notLocated.Declaration, Is.Null);
            Assert.That(aboutDocument.Declaration, Is.Null);
            Assert.That(aboutCode.Location, Is.EqualTo(Document), "the document position is kept");
        });
    }

    [Test]
    public void Line_outputs_report_at_the_declaration_and_keep_the_document_position_in_the_message()
    {
        var located = new Diagnostic("OAL0001", Severity.Error, "POST /orders declares 200", Document, [], "/orders", "post", "200", Declaration: new SourceLocation("/api/Program.cs", "", 3, 38, 3, 45));

        var (location, message) = Declarations.Reported(located, file => Path.GetFileName(file));
        var (plainLocation, plainMessage) = Declarations.Reported(located with { Declaration = null }, file => file);

        Assert.Multiple(() =>
        {
            Assert.That(location.File, Is.EqualTo("/api/Program.cs"));
            Assert.That(message, Is.EqualTo("POST /orders declares 200 (Api.json(8,11))"));
            Assert.That(plainLocation, Is.EqualTo(Document));
            Assert.That(plainMessage, Is.EqualTo("POST /orders declares 200"));
        });
    }
}
