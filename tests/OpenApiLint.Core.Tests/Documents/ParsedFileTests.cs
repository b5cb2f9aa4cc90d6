using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Tests.Documents;

/// <summary>
/// What a parsed file knows of its own parse: the length of the JSON text its metadata was sized by (a large file's
/// metadata is let go by that length when it is disposed), that disposing it twice, as the loader does, is safe, and
/// what each pointer finds in it.
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

    /// <summary>An object of 20 members: large enough to be looked up through the name index.</summary>
    private static readonly string Indexed = string.Join(", ", Enumerable.Range(0, 20).Select(index => $"\"m{index}\": {index}"));

    private static readonly string Document = $$"""
        {
          "paths": { "/a/{id}": { "get": { "responses": { "200": "ok" } } }, "~b": [ "zero", { "one": 1 } ] },
          "big": { {{Indexed}}, "a/b": "slash", "c~d": "tilde" },
          "": { "": "empty names" }
        }
        """;

    [TestCase("", "Object")]
    [TestCase("/paths/~1a~1{id}/get/responses/200", "ok")]
    [TestCase("/paths/~0b/0", "zero")]
    [TestCase("/paths/~0b/1/one", "1")]
    [TestCase("/big/m19", "19")]
    [TestCase("/big/a~1b", "slash")]
    [TestCase("/big/c~0d", "tilde")]
    [TestCase("//", "empty names")]
    public void Find_FollowsEachToken(string pointer, string found)
    {
        using var parsed = SyntaxReader.Read("openapi.json", Encoding.UTF8.GetBytes(Document), DocumentFormat.Json);

        var element = parsed.Find(pointer);

        Assert.That(element?.ValueKind == System.Text.Json.JsonValueKind.Object ? "Object" : element?.ToString(), Is.EqualTo(found));
    }

    [TestCase("/big/m20")]
    [TestCase("/big/a/b")]
    [TestCase("/paths/~0b/2")]
    [TestCase("/paths/~0b/-1")]
    [TestCase("/paths/~0b/one")]
    [TestCase("/paths/~1a")]
    [TestCase("/big/m1/deeper")]
    [TestCase("paths")]
    public void Find_OfNothing_IsNull(string pointer)
    {
        using var parsed = SyntaxReader.Read("openapi.json", Encoding.UTF8.GetBytes(Document), DocumentFormat.Json);

        // Twice: the second lookup in the large object goes through the index the first built.
        Assert.That(new[] { parsed.Find(pointer), parsed.Find(pointer) }, Is.EqualTo(new System.Text.Json.JsonElement?[] { null, null }));
    }
}
