using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Tests.Documents;

/// <summary>
/// What a parsed file knows of its own parse: the length of the JSON text its metadata was sized by (a large file's
/// metadata is let go by that length when it is disposed), and that disposing it twice, as the loader does, is safe.
/// </summary>
[TestFixture]
public sealed class ParsedFileTests
{
    [Test]
    public void JsonLength_OfJson_IsTheTextWithoutItsByteOrderMark()
    {
        var text = "{ \"openapi\": \"3.0.3\" }\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        using var parsed = SyntaxReader.Read("openapi.json", bytes, DocumentFormat.Json);

        Assert.That(parsed.JsonLength, Is.EqualTo(text.Length));
    }

    [Test]
    public void JsonLength_OfYaml_IsTheJsonWrittenFromIt()
    {
        using var parsed = SyntaxReader.Read("openapi.yaml", Encoding.UTF8.GetBytes("openapi: 3.0.3\ninfo: { title: T }\n"), DocumentFormat.Yaml);

        Assert.That(parsed.JsonLength, Is.EqualTo("""{"openapi":"3.0.3","info":{"title":"T"}}""".Length));
    }

    [Test]
    public void JsonLength_OfALargeDocument_IsAtLeastWhereItsMetadataIsLetGo()
    {
        // Just over the threshold, checked beside the load for duplicate keys as every document this large is.
        var padding = new string('x', ParsedFile.UnpooledMetadataBytes);
        var bytes = Encoding.UTF8.GetBytes($$"""{ "openapi": "3.0.3", "x-padding": "{{padding}}" }""");

        var parsed = SyntaxReader.Read("openapi.json", bytes, DocumentFormat.Json);
        parsed.Dispose();
        parsed.Dispose();

        Assert.That(parsed.JsonLength, Is.EqualTo(bytes.Length).And.GreaterThanOrEqualTo(ParsedFile.UnpooledMetadataBytes));
        Assert.That(parsed.DuplicateKeyError(), Is.Null);
    }
}
