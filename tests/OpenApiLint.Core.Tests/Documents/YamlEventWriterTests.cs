using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Tests.Documents;

/// <summary>
/// The loader writes YAML as JSON straight from the parser's events; <see cref="YamlToJson.Convert"/> builds a tree.
/// Both must give the same value, the same error at the same place, and the writer must hand merge keys to the tree.
/// </summary>
[TestFixture]
public sealed partial class YamlEventWriterTests
{
    private static readonly string[] Documents =
    [
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "a: null\nb: ~\nc:\nd: true\ne: False\nf: 42\ng: -17\nh: +5\ni: 0x1F\nj: 0o17\nk: 12345678901234567890\n",
        "a: 1.5\nb: 1.50\nc: .5\nd: -2.5e3\ne: .inf\nf: -.Inf\ng: .nan\nh: 1_000\ni: 0x\nj: 2024-01-31\nk: 1e400\n",
        "a: '42'\nb: \"true\"\nc: 'null'\nd: ''\ne: !!str 42\nf: ! 7\ng: hello world\nh: yes\n",
        "literal: |\n  42\n  true\nfolded: >\n  one\n  two\n",
        "quoted: \"tab\\there \\u00e9 \\\"q\\\" \\\\ back\"\nunicode: héllo wörld ✓\nhtml: <b>&amp;</b>\n",
        "- 1\n- [2, 3]\n- {a: b}\n- - x\n  - y\n",
        "\uFEFFopenapi: 3.1.0\n",
        "",
        "# only a comment\n",
        "a: 1\n---\nb: [\n",
        "responses:\n  '200': &ok\n    description: OK\n    content: {application/json: {}}\n  '201': *ok\n  '202': *ok\n",
        "items:\n  - &first {a: 1, b: [1, 2]}\n  - *first\n  - [*first, *first]\n",
        "list: [&x 1, *x, &y [2, *x], *y]\n",
        "- &code 201\n- {*code : created}\n",
        "a: &a 1\nb: *a\na2: &a [redefined]\nc: *a\n",
        "a: &n\nb: *n\n",
        "top: &t\n  inner: &i {k: v}\n  again: *i\ncopy: *t\n",
        "? complex\n: value\n200: a\ntrue: b\nnull: c\n",
        "base: &base {a: 1, b: 2}\nderived:\n  <<: *base\n  b: 3\n",
        "derived:\n  x: 0\n  <<: [{a: 1}, {a: 2, b: 2}]\n  b: 3\n",
        "'<<': 1\n",
        "a:\n  <<: [1, 2]\n",
        "<<: {a: 1}\n<<: {b: 2}\n",
        "a: 1\nb: 2\na: 3\n",
        "x: {k: 1, k: 2}\n",
        "200: a\n'200': b\n",
        "a:\n  b: 1\n c: 2\n",
        "key: @bad\n",
        "a: [1, 2\n",
        "a: [1\nb: c: d\n",
        "a: 1\nb: *nope\n",
        "a: &a [*a]\n",
        "? [a, b]\n: c\n",
        "? *undefined\n: c\n",
        "anchor: &m {k: v}\n? *m\n: c\n",
    ];

    [TestCaseSource(nameof(Documents))]
    public void The_event_writer_gives_what_the_tree_gives(string text)
    {
        var events = ViaEvents(text, null, out var leftToTree);

        Assert.Multiple(() =>
        {
            Assert.That(events, Is.EqualTo(ViaTree(text, null)));
            Assert.That(leftToTree, Is.EqualTo(MergeKey().IsMatch(text)), "only a document with a merge key is left to the tree");
        });
    }

    [TestCase("a: &a 1\nb: [*a, *a, *a]\n", 2, 256, 5_000_000)]
    [TestCase("[1, 2, 3]", 100, 256, 3)]
    [TestCase("a: &a [1, 2, 3]\nb: [*a, *a]\n", 100, 256, 8)]
    [TestCase("a: {b: {c: {d: 1}}}\n", 100, 3, 5_000_000)]
    [TestCase("a: {b: {c: 1}}\n", 100, 3, 5_000_000)]
    [TestCase("a: &a [[1]]\nb: [[*a]]\n", 100, 4, 5_000_000)]
    public void Limits_stop_both_at_the_same_place(string text, int aliases, int depth, int nodes)
    {
        var limits = new YamlLimits(aliases, depth, nodes);

        Assert.That(ViaEvents(text, limits, out _), Is.EqualTo(ViaTree(text, limits)));
    }

    [Test]
    public void A_merge_key_is_left_to_the_tree()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.That(YamlToJson.TryWriteJson(YamlText.CreateParser(Encoding.UTF8.GetBytes("a: 1\nb:\n  <<: {c: 2}\n")), output), Is.False);
    }

    [Test]
    public void A_document_with_anchors_is_written_without_the_tree()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Multiple(() =>
        {
            Assert.That(YamlToJson.TryWriteJson(YamlText.CreateParser(Encoding.UTF8.GetBytes("a: &x [1, {b: 2}]\nc: [*x, *x]\n")), output), Is.True);
            Assert.That(Encoding.UTF8.GetString(output.WrittenSpan), Is.EqualTo("""{"a":[1,{"b":2}],"c":[[1,{"b":2}],[1,{"b":2}]]}"""));
        });
    }

    /// <summary>The JSON the event writer gives (or the error it throws); the tree's when it leaves the text to the tree, as the loader does.</summary>
    private static string ViaEvents(string text, YamlLimits? limits, out bool leftToTree)
    {
        leftToTree = false;
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var output = new ArrayBufferWriter<byte>();
        try
        {
            if (!YamlToJson.TryWriteJson(YamlText.CreateParser(bytes.AsMemory(start)), output, limits))
            {
                leftToTree = true;
                return ViaTree(text, limits);
            }

            return JsonNode.Parse(output.WrittenSpan)?.ToJsonString() ?? "null";
        }
        catch (YamlLoadException error)
        {
            return $"error ({error.Line},{error.Column}): {error.Message}";
        }
    }

    private static string ViaTree(string text, YamlLimits? limits)
    {
        try
        {
            return YamlToJson.Convert(text, limits)?.ToJsonString() ?? "null";
        }
        catch (YamlLoadException error)
        {
            return $"error ({error.Line},{error.Column}): {error.Message}";
        }
    }

    /// <summary>A plain <c>&lt;&lt;</c> key (a quoted one is an ordinary key).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[\s{,])<<:", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex MergeKey();
}
