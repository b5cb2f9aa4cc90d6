using System.Text.Json.Nodes;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Tests.Documents;

[TestFixture]
public sealed class YamlToJsonTests
{
    [TestCase("null", "null")]
    [TestCase("~", "null")]
    [TestCase("", "null")]
    [TestCase("NULL", "null")]
    [TestCase("true", "true")]
    [TestCase("True", "true")]
    [TestCase("TRUE", "true")]
    [TestCase("false", "false")]
    [TestCase("yes", "\"yes\"")]
    [TestCase("on", "\"on\"")]
    [TestCase("42", "42")]
    [TestCase("-17", "-17")]
    [TestCase("+5", "5")]
    [TestCase("0x1F", "31")]
    [TestCase("0o17", "15")]
    [TestCase("12345678901234567890", "12345678901234567890")]
    [TestCase("1.5", "1.5")]
    [TestCase("1.50", "1.50")]
    [TestCase(".5", "0.5")]
    [TestCase("-2.5e3", "-2500")]
    [TestCase(".inf", "\".inf\"")]
    [TestCase("-.Inf", "\"-.Inf\"")]
    [TestCase(".nan", "\".nan\"")]
    [TestCase("1_000", "\"1_000\"")]
    [TestCase("0x", "\"0x\"")]
    [TestCase("2024-01-31", "\"2024-01-31\"")]
    [TestCase("'42'", "\"42\"")]
    [TestCase("\"true\"", "\"true\"")]
    [TestCase("'null'", "\"null\"")]
    [TestCase("''", "\"\"")]
    [TestCase("!!str 42", "\"42\"")]
    [TestCase("!!str true", "\"true\"")]
    [TestCase("hello world", "\"hello world\"")]
    public void Scalars_follow_the_core_schema(string yamlValue, string expectedJson)
    {
        var root = YamlToJson.Convert($"value: {yamlValue}\n");

        Assert.That(root!["value"]?.ToJsonString() ?? "null", Is.EqualTo(expectedJson));
    }

    [Test]
    public void Literal_and_folded_scalars_are_strings()
    {
        var text = """
            literal: |
              42
              true
            folded: >
              one
              two
            """;

        var root = YamlToJson.Convert(text);

        // Clip chomping keeps a final line break only where the text has one; the last line here has none.
        Assert.That(root!.ToJsonString(), Is.EqualTo("""{"literal":"42\ntrue\n","folded":"one two"}"""));
    }

    [Test]
    public void Keys_are_always_strings_as_written()
    {
        var text = """
            200: ok
            true: yes
            1.5: x
            ~: n
            """;

        var root = (JsonObject)YamlToJson.Convert(text)!;

        Assert.That(root.Select(member => member.Key), Is.EqualTo(new[] { "200", "true", "1.5", "~" }));
    }

    [Test]
    public void Nested_mappings_sequences_and_flow_style_convert()
    {
        var text = """
            openapi: 3.1.0
            paths:
              /orders:
                post:
                  responses:
                    201: {description: Created, headers: {Location: {schema: {type: string}}}}
            tags: [a, 'b', 3]
            """;

        var root = YamlToJson.Convert(text);

        Assert.That(
            root!.ToJsonString(),
            Is.EqualTo("""{"openapi":"3.1.0","paths":{"/orders":{"post":{"responses":{"201":{"description":"Created","headers":{"Location":{"schema":{"type":"string"}}}}}}}},"tags":["a","b",3]}"""));
    }

    [TestCase("")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n")]
    public void Empty_document_gives_null(string text) =>
        Assert.That(YamlToJson.Convert(text), Is.Null);

    [Test]
    public void Only_the_first_document_is_converted()
    {
        // The second document would be a syntax error: it is never read.
        var root = YamlToJson.Convert("a: 1\n---\nb: [\n");

        Assert.That(root!.ToJsonString(), Is.EqualTo("""{"a":1}"""));
    }

    [Test]
    public void Byte_order_mark_is_ignored()
    {
        var root = (JsonObject)YamlToJson.Convert("\uFEFFopenapi: 3.1.0\n")!;

        Assert.That(root.ContainsKey("openapi"), Is.True);
    }

    [Test]
    public void Aliases_expand_to_independent_copies()
    {
        var text = """
            base: &base {type: object, required: [id]}
            one: *base
            two: *base
            """;

        var root = YamlToJson.Convert(text)!;
        root["one"]!["required"]!.AsArray().Add("name");

        Assert.Multiple(() =>
        {
            Assert.That(root["two"]!.ToJsonString(), Is.EqualTo("""{"type":"object","required":["id"]}"""));
            Assert.That(root["base"]!.ToJsonString(), Is.EqualTo("""{"type":"object","required":["id"]}"""));
            Assert.That(root["one"]!.ToJsonString(), Is.EqualTo("""{"type":"object","required":["id","name"]}"""));
        });
    }

    [Test]
    public void Alias_to_a_scalar_can_be_a_key()
    {
        var root = YamlToJson.Convert("- &code 201\n- {*code : created}\n")!;

        Assert.That(root.ToJsonString(), Is.EqualTo("""[201,{"201":"created"}]"""));
    }

    [Test]
    public void Alias_bomb_fails_at_the_alias_that_crosses_the_node_limit()
    {
        var text = """
            a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert(text));

        // 672,605 values precede g's items and each *f adds 597,871: the 8th *f crosses 5,000,000.
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML alias expansion exceeds the limit of 5000000 nodes"));
            Assert.That(error.Line, Is.EqualTo(7));
            Assert.That(error.Column, Is.EqualTo(29));
        });
    }

    [Test]
    public void Alias_count_is_limited()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("a: &a 1\nb: [*a, *a, *a]\n", new YamlLimits(MaxAliasExpansions: 2)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML alias expansion exceeds the limit of 2 aliases"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Column, Is.EqualTo(13));
        });
    }

    [Test]
    public void Node_count_is_limited_without_aliases_too()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("[1, 2, 3]", new YamlLimits(MaxNodes: 3)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML document exceeds the limit of 3 nodes"));
            Assert.That(error.Line, Is.EqualTo(1));
            Assert.That(error.Column, Is.EqualTo(8));
        });
    }

    [Test]
    public void Depth_over_the_limit_fails_where_the_nesting_starts()
    {
        var text = """
            a:
              b:
                c:
                  d: 1
            """;

        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert(text, new YamlLimits(MaxDepth: 3)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML nesting exceeds the maximum depth of 3"));
            Assert.That(error.Line, Is.EqualTo(4));
            Assert.That(error.Column, Is.EqualTo(7));
        });
    }

    [Test]
    public void Depth_within_the_limit_converts()
    {
        var text = "a:\n  b:\n    c: 1\n";

        Assert.That(YamlToJson.Convert(text, new YamlLimits(MaxDepth: 3))!.ToJsonString(), Is.EqualTo("""{"a":{"b":{"c":1}}}"""));
    }

    [Test]
    public void Default_depth_limit_stops_deep_flow_nesting()
    {
        var text = new string('[', 300) + new string(']', 300);

        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert(text));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML nesting exceeds the maximum depth of 256"));
            Assert.That(error.Column, Is.EqualTo(257));
        });
    }

    [Test]
    public void Depth_counts_what_an_alias_expands_to()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("a: &a [[1]]\nb: [[*a]]\n", new YamlLimits(MaxDepth: 4)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("YAML nesting exceeds the maximum depth of 4"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Column, Is.EqualTo(6));
        });
    }

    [TestCase("a: 1\nb: 2\na: 3\n", "a", 3, 1)]
    [TestCase("x: {k: 1, k: 2}\n", "k", 1, 11)]
    [TestCase("200: a\n'200': b\n", "200", 2, 1)]
    [TestCase("<<: {a: 1}\n<<: {b: 2}\n", "<<", 2, 1)]
    public void Duplicate_keys_fail_at_the_second_key(string text, string key, int line, int column)
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert(text));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"duplicate key '{key}'"));
            Assert.That(error.Line, Is.EqualTo(line));
            Assert.That(error.Column, Is.EqualTo(column));
        });
    }

    [TestCase("a:\n  b: 1\n c: 2\n", 3, 2, "while parsing a block mapping, did not find expected key")]
    [TestCase("key: @bad\n", 1, 6, "while scanning for the next token, found character that cannot start any token")]
    [TestCase("a: [1, 2\n", 2, 1, "while parsing a flow sequence, did not find expected ',' or ']'")]
    public void Syntax_errors_report_the_parser_position_and_one_sentence(string text, int line, int column, string message)
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert(text));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(message));
            Assert.That(error.Line, Is.EqualTo(line));
            Assert.That(error.Column, Is.EqualTo(column));
            Assert.That(error.InnerException, Is.Not.Null);
        });
    }

    [Test]
    public void Parser_failures_other_than_yaml_exceptions_become_load_exceptions()
    {
        // YamlDotNet 16.3.0 throws InvalidOperationException from its scanner on this input.
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("a: [1\nb: c: d\n"));

        Assert.That(error.Message, Is.EqualTo("the YAML is malformed"));
    }

    [Test]
    public void Undefined_alias_fails_at_the_alias()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("a: 1\nb: *nope\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("the alias '*nope' refers to an undefined anchor"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Column, Is.EqualTo(4));
        });
    }

    [Test]
    public void Complex_keys_are_rejected()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("? [a, b]\n: c\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("a mapping key must be a scalar"));
            Assert.That(error.Line, Is.EqualTo(1));
            Assert.That(error.Column, Is.EqualTo(3));
        });
    }

    [Test]
    public void Merge_keys_merge_mappings_where_explicit_keys_and_earlier_mappings_win()
    {
        var text = """
            base: &base
              a: 1
              b: 2
            other: &other
              b: 20
              c: 30
            derived:
              b: 5
              <<: [*base, *other]
              d: 4
            """;

        var root = YamlToJson.Convert(text)!;

        Assert.Multiple(() =>
        {
            Assert.That(root["derived"]!.ToJsonString(), Is.EqualTo("""{"b":5,"a":1,"c":30,"d":4}"""));
            Assert.That(root["base"]!.ToJsonString(), Is.EqualTo("""{"a":1,"b":2}"""));
        });
    }

    [Test]
    public void Merge_of_a_single_alias_and_of_an_anchored_inline_mapping()
    {
        var text = """
            responses:
              default: &error
                description: Error
              '404':
                <<: *error
                description: Not found
            first:
              <<: &shared {x: 1, y: 2}
            second: *shared
            """;

        var root = YamlToJson.Convert(text)!;

        Assert.Multiple(() =>
        {
            Assert.That(root["responses"]!["404"]!.ToJsonString(), Is.EqualTo("""{"description":"Not found"}"""));
            Assert.That(root["first"]!.ToJsonString(), Is.EqualTo("""{"x":1,"y":2}"""));
            Assert.That(root["second"]!.ToJsonString(), Is.EqualTo("""{"x":1,"y":2}"""));
        });
    }

    [Test]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        var root = (JsonObject)YamlToJson.Convert("'<<': 1\n")!;

        Assert.That(root.Select(member => (member.Key, member.Value?.GetValue<long>())), Is.EqualTo(new[] { ("<<", (long?)1) }));
    }

    [Test]
    public void Merge_of_something_other_than_mappings_fails_at_the_merge_key()
    {
        var error = Assert.Throws<YamlLoadException>(() => YamlToJson.Convert("a:\n  <<: [1, 2]\n"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("the merge key '<<' needs a mapping or a sequence of mappings"));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Column, Is.EqualTo(3));
        });
    }

    [Test]
    public void Null_values_and_null_sequence_items_are_kept()
    {
        var root = YamlToJson.Convert("a:\nb: [~, null, '']\n")!;

        Assert.That(root.ToJsonString(), Is.EqualTo("""{"a":null,"b":[null,null,""]}"""));
    }
}
