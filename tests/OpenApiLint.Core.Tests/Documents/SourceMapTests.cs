using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Tests.Documents;

[TestFixture]
public sealed class SourceMapTests
{
    private const string Json = """
        {
          "openapi": "3.1.0",
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "201": { "description": "Created" },
                  "400": { "description": "Bad" }
                }
              }
            }
          },
          "tags": [ { "name": "a" }, "b" ]
        }
        """;

    private const string Yaml = """
        openapi: 3.1.0
        paths:
          /orders:
            post:
              responses:
                201:
                  description: Created
                '400':
                  description: Bad
        tags:
          - name: a
          - b
          - {name: c}
          - [x, y]
        """;

    private static IEnumerable<TestCaseData> JsonCases()
    {
        yield return Case("", 1, 1, 1, 2);
        yield return Case("/openapi", 2, 3, 2, 12);
        yield return Case("/paths", 3, 3, 3, 10);
        yield return Case("/paths/~1orders", 4, 5, 4, 14);
        yield return Case("/paths/~1orders/post/responses/201", 7, 11, 7, 16);
        yield return Case("/paths/~1orders/post/responses/400/description", 8, 20, 8, 33);
        yield return Case("/tags/0", 13, 13, 13, 14);
        yield return Case("/tags/0/name", 13, 15, 13, 21);
        yield return Case("/tags/1", 13, 30, 13, 33);
        // Missing pointers resolve to their deepest existing ancestor.
        yield return Case("/paths/~1orders/get/responses", 4, 5, 4, 14);
        yield return Case("/paths/~1orders/post/responses/201/headers/Location", 7, 11, 7, 16);
        yield return Case("/tags/2", 13, 3, 13, 9);
        yield return Case("/tags/01", 13, 3, 13, 9);
        yield return Case("/openapi/0", 2, 3, 2, 12);
        yield return Case("/nothing", 1, 1, 1, 2);
        yield return Case("not a pointer", 1, 1, 1, 2);
    }

    private static IEnumerable<TestCaseData> YamlCases()
    {
        yield return Case("", 1, 1, 1, 8);
        yield return Case("/openapi", 1, 1, 1, 8);
        yield return Case("/paths/~1orders", 3, 3, 3, 10);
        yield return Case("/paths/~1orders/post/responses/201", 6, 9, 6, 12);
        yield return Case("/paths/~1orders/post/responses/201/description", 7, 11, 7, 22);
        yield return Case("/paths/~1orders/post/responses/400", 8, 9, 8, 14);
        yield return Case("/tags", 10, 1, 10, 5);
        yield return Case("/tags/0", 11, 5, 11, 9);
        yield return Case("/tags/0/name", 11, 5, 11, 9);
        yield return Case("/tags/1", 12, 5, 12, 6);
        yield return Case("/tags/2", 13, 5, 13, 6);
        yield return Case("/tags/2/name", 13, 6, 13, 10);
        yield return Case("/tags/3", 14, 5, 14, 6);
        yield return Case("/tags/3/1", 14, 9, 14, 10);
        yield return Case("/paths/~1orders/get", 3, 3, 3, 10);
        yield return Case("/tags/4/name", 10, 1, 10, 5);
        yield return Case("/nothing", 1, 1, 1, 8);
    }

    [TestCaseSource(nameof(JsonCases))]
    public void Json_pointer_resolves_to_expected_span(string pointer, SourceSpan expected) =>
        Assert.That(ResolveJson(Json, pointer), Is.EqualTo(expected));

    [TestCaseSource(nameof(YamlCases))]
    public void Yaml_pointer_resolves_to_expected_span(string pointer, SourceSpan expected) =>
        Assert.That(ResolveYaml(Yaml, pointer), Is.EqualTo(expected));

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Json_line_breaks_other_than_lf_give_the_same_spans(string lineBreak)
    {
        var pointers = JsonCases().Select(c => (string)c.Arguments[0]!).ToList();
        var expected = SourceMaps.ForJson(Encoding.UTF8.GetBytes(Json)).Resolve(pointers);

        var actual = SourceMaps.ForJson(Encoding.UTF8.GetBytes(Json.ReplaceLineEndings(lineBreak))).Resolve(pointers);

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Yaml_line_breaks_other_than_lf_give_the_same_spans(string lineBreak)
    {
        var pointers = YamlCases().Select(c => (string)c.Arguments[0]!).ToList();
        var expected = SourceMaps.ForYaml(Yaml).Resolve(pointers);

        var actual = SourceMaps.ForYaml(Yaml.ReplaceLineEndings(lineBreak)).Resolve(pointers);

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void Json_byte_order_mark_is_not_counted()
    {
        byte[] utf8 = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("""{"a": 1}""")];

        var spans = SourceMaps.ForJson(utf8).Resolve(["", "/a"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans[""], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(1, 2, 1, 5)));
        });
    }

    [Test]
    public void Yaml_byte_order_mark_is_not_counted_nor_part_of_the_first_key()
    {
        var spans = SourceMaps.ForYaml("\uFEFFa: 1\nb: 2\n").Resolve(["/a", "/b"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/b"], Is.EqualTo(new SourceSpan(2, 1, 2, 2)));
        });
    }

    [Test]
    public void Json_columns_count_utf16_code_units_after_multibyte_characters()
    {
        // é is 2 UTF-8 bytes and 1 code unit; 😀 is 4 bytes and 2 code units (a surrogate pair).
        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes("""{"é😀": 1, "key": 2}""")).Resolve(["/é😀", "/key"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/é😀"], Is.EqualTo(new SourceSpan(1, 2, 1, 7)));
            Assert.That(spans["/key"], Is.EqualTo(new SourceSpan(1, 12, 1, 17)));
        });
    }

    [Test]
    public void Yaml_columns_count_utf16_code_units_after_multibyte_characters()
    {
        var spans = SourceMaps.ForYaml("{é😀: 1, key: 2}").Resolve(["/é😀", "/key"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/é😀"], Is.EqualTo(new SourceSpan(1, 2, 1, 5)));
            Assert.That(spans["/key"], Is.EqualTo(new SourceSpan(1, 10, 1, 13)));
        });
    }

    [Test]
    public void Tab_counts_as_one_column()
    {
        var json = SourceMaps.ForJson(Encoding.UTF8.GetBytes("{\n\t\t\"a\": 1\n}")).Resolve(["/a"]);
        var yaml = SourceMaps.ForYaml("a:\t{b: 1}\n").Resolve(["/a/b"]);

        Assert.Multiple(() =>
        {
            Assert.That(json["/a"], Is.EqualTo(new SourceSpan(2, 3, 2, 6)));
            Assert.That(yaml["/a/b"], Is.EqualTo(new SourceSpan(1, 5, 1, 6)));
        });
    }

    [Test]
    public void Json_escaped_tokens_and_escaped_names_match()
    {
        // "\u0061b" is the name "ab"; "x~y/z" needs ~0 and ~1 in a pointer.
        var text = """{"\u0061b": {"x~y/z": true}}""";

        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve(["/ab", "/ab/x~0y~1z"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/ab"], Is.EqualTo(new SourceSpan(1, 2, 1, 11)));
            Assert.That(spans["/ab/x~0y~1z"], Is.EqualTo(new SourceSpan(1, 14, 1, 21)));
        });
    }

    [Test]
    public void Results_do_not_depend_on_the_order_of_the_pointers()
    {
        var pointers = JsonCases().Select(c => (string)c.Arguments[0]!).ToList();
        var map = SourceMaps.ForJson(Encoding.UTF8.GetBytes(Json));

        var forward = map.Resolve(pointers);
        var backward = map.Resolve(Enumerable.Reverse(pointers));

        Assert.That(backward, Is.EquivalentTo(forward));
    }

    [Test]
    public void Every_requested_pointer_gets_a_span_once_even_when_repeated()
    {
        var spans = SourceMaps.ForYaml(Yaml).Resolve(["/openapi", "/openapi", "/tags/1", "/missing"]);

        Assert.That(spans.Keys, Is.EquivalentTo(new[] { "/openapi", "/tags/1", "/missing" }));
    }

    [Test]
    public void Json_array_root_and_nested_indices()
    {
        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes("[10, [20, 30]]")).Resolve(["", "/0", "/1", "/1/1", "/1/-", "/2"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans[""], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/0"], Is.EqualTo(new SourceSpan(1, 2, 1, 4)));
            Assert.That(spans["/1"], Is.EqualTo(new SourceSpan(1, 6, 1, 7)));
            Assert.That(spans["/1/1"], Is.EqualTo(new SourceSpan(1, 11, 1, 13)));
            Assert.That(spans["/1/-"], Is.EqualTo(new SourceSpan(1, 6, 1, 7)));
            Assert.That(spans["/2"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
        });
    }

    [Test]
    public void Json_comments_and_trailing_commas_are_tolerated()
    {
        var text = """
            // leading comment
            {
              /* a block
                 comment */ "a": [1, 2,],
            }
            """;

        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve(["/a", "/a/1"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(4, 17, 4, 20)));
            Assert.That(spans["/a/1"], Is.EqualTo(new SourceSpan(4, 26, 4, 27)));
        });
    }

    [Test]
    public void Json_duplicate_names_resolve_to_the_first()
    {
        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes("""{"a": 1, "a": 2}""")).Resolve(["/a"]);

        Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(1, 2, 1, 5)));
    }

    [Test]
    public void Json_malformed_text_keeps_what_was_found_before_the_error()
    {
        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes("{\"a\": {\"b\": 1},\n \"c\": [1, }")).Resolve(["/a/b", "/d"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/a/b"], Is.EqualTo(new SourceSpan(1, 8, 1, 11)));
            Assert.That(spans["/d"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
        });
    }

    [Test]
    public void Empty_documents_resolve_to_the_start()
    {
        var json = SourceMaps.ForJson(ReadOnlyMemory<byte>.Empty).Resolve(["", "/a"]);
        var yaml = SourceMaps.ForYaml("# nothing here\n").Resolve(["", "/a"]);

        Assert.Multiple(() =>
        {
            Assert.That(json.Values, Is.All.EqualTo(new SourceSpan(1, 1, 1, 1)));
            Assert.That(yaml.Values, Is.All.EqualTo(new SourceSpan(1, 1, 1, 1)));
        });
    }

    [Test]
    public void Json_deep_pointer_past_the_reader_default_depth_resolves()
    {
        const int depth = 100;
        var text = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var pointer = string.Concat(Enumerable.Repeat("/a", depth));

        var spans = SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve([pointer]);

        Assert.That(spans[pointer], Is.EqualTo(new SourceSpan(1, ((depth - 1) * 5) + 2, 1, ((depth - 1) * 5) + 5)));
    }

    [Test]
    public void Yaml_block_sequence_root_and_quoted_keys()
    {
        var text = """
            - "x y": 1
              'z': 2
            - plain
            """;

        var spans = SourceMaps.ForYaml(text).Resolve(["", "/0", "/0/x y", "/0/z", "/1"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans[""], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/0"], Is.EqualTo(new SourceSpan(1, 3, 1, 8)));
            Assert.That(spans["/0/x y"], Is.EqualTo(new SourceSpan(1, 3, 1, 8)));
            Assert.That(spans["/0/z"], Is.EqualTo(new SourceSpan(2, 3, 2, 6)));
            Assert.That(spans["/1"], Is.EqualTo(new SourceSpan(3, 3, 3, 8)));
        });
    }

    [Test]
    public void Yaml_flow_collections_span_their_opening_bracket()
    {
        var spans = SourceMaps.ForYaml("{a: [1, &n {b: 2}], c: 3}").Resolve(["", "/a", "/a/1", "/a/1/b", "/c"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans[""], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(1, 2, 1, 3)));
            // An anchor before the bracket is part of the span.
            Assert.That(spans["/a/1"], Is.EqualTo(new SourceSpan(1, 9, 1, 13)));
            Assert.That(spans["/a/1/b"], Is.EqualTo(new SourceSpan(1, 13, 1, 14)));
            Assert.That(spans["/c"], Is.EqualTo(new SourceSpan(1, 21, 1, 22)));
        });
    }

    [Test]
    public void Yaml_pointer_through_an_alias_stops_at_the_alias()
    {
        var text = """
            base: &base
              description: shared
            ok: *base
            merged:
              <<: *base
              extra: 1
            """;

        var spans = SourceMaps.ForYaml(text).Resolve(["/ok", "/ok/description", "/merged/description", "/merged/extra", "/base/description"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/ok"], Is.EqualTo(new SourceSpan(3, 1, 3, 3)));
            Assert.That(spans["/ok/description"], Is.EqualTo(new SourceSpan(3, 5, 3, 10)));
            // Keys brought in by a merge key are not in the text of the mapping: they resolve to the mapping.
            Assert.That(spans["/merged/description"], Is.EqualTo(new SourceSpan(4, 1, 4, 7)));
            Assert.That(spans["/merged/extra"], Is.EqualTo(new SourceSpan(6, 3, 6, 8)));
            Assert.That(spans["/base/description"], Is.EqualTo(new SourceSpan(2, 3, 2, 14)));
        });
    }

    [Test]
    public void Yaml_only_the_first_document_is_used()
    {
        var spans = SourceMaps.ForYaml("a: 1\n---\nb: 2\n").Resolve(["/a", "/b"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/a"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
            Assert.That(spans["/b"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
        });
    }

    [Test]
    public void Yaml_syntax_error_keeps_what_was_found_before_it()
    {
        var spans = SourceMaps.ForYaml("a:\n  b: 1\n c: 2\n").Resolve(["/a/b", "/c"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/a/b"], Is.EqualTo(new SourceSpan(2, 3, 2, 4)));
            Assert.That(spans["/c"], Is.EqualTo(new SourceSpan(1, 1, 1, 2)));
        });
    }

    [Test]
    public void Yaml_multiline_scalar_value_ends_on_its_last_line()
    {
        var spans = SourceMaps.ForYaml("- |\n  one\n  two\n- x\n").Resolve(["/0", "/1"]);

        Assert.Multiple(() =>
        {
            Assert.That(spans["/0"], Is.EqualTo(new SourceSpan(1, 3, 4, 1)));
            Assert.That(spans["/1"], Is.EqualTo(new SourceSpan(4, 3, 4, 4)));
        });
    }

    private static TestCaseData Case(string pointer, int line, int column, int endLine, int endColumn) =>
        new TestCaseData(pointer, new SourceSpan(line, column, endLine, endColumn)).SetArgDisplayNames(pointer.Length == 0 ? "(root)" : pointer);

    private static SourceSpan ResolveJson(string text, string pointer) =>
        SourceMaps.ForJson(Encoding.UTF8.GetBytes(text)).Resolve([pointer])[pointer];

    private static SourceSpan ResolveYaml(string text, string pointer) =>
        SourceMaps.ForYaml(text).Resolve([pointer])[pointer];
}
