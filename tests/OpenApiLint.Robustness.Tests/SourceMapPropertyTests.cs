using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using OpenApiLint.Core.Documents;
using OpenApiLint.Robustness.Tests.Support;

namespace OpenApiLint.Robustness.Tests;

/// <summary>
/// The pointer-to-position maps agree with a naive reference on random documents: random trees written with random
/// whitespace, comments, escapes and line breaks by writers that record where they put each span, positions
/// computed by scanning the text from the start, and random pointers (existing ones and missing ones, which resolve
/// to their deepest existing ancestor).
/// </summary>
[TestFixture]
public sealed class SourceMapPropertyTests
{
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property JsonPositionsAgreeWithTheReference() => Prop.ForAll(Seeds.Any, seed =>
    {
        var random = new Random(seed);
        var (text, spans) = PositionedJsonWriter.Write(RandomTree.Generate(random), random);
        var withBom = random.Next(4) == 0;
        byte[] bytes = withBom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        Compare(SourceMaps.ForJson(bytes), text, spans, random, $"seed {seed}, JSON{(withBom ? " with a byte order mark" : "")}:\n{text}");
    });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property YamlPositionsAgreeWithTheReference() => Prop.ForAll(Seeds.Any, seed =>
    {
        var random = new Random(seed);
        var (text, spans) = PositionedYamlWriter.Write(RandomTree.Generate(random), random);
        var withBom = random.Next(4) == 0;
        Compare(SourceMaps.ForYaml(withBom ? "\uFEFF" + text : text), text, spans, random, $"seed {seed}, YAML{(withBom ? " with a byte order mark" : "")}:\n{text}");
    });

    private static void Compare(ISourceMap map, string text, IReadOnlyDictionary<string, (int Start, int End)> spans, Random random, string input)
    {
        var existing = spans.Keys.ToArray();
        var pointers = Enumerable.Range(0, random.Next(1, 16))
            .Select(_ => existing[random.Next(existing.Length)])
            .Select(pointer => random.Next(4) switch
            {
                0 => pointer + "/\u0001missing",
                1 => pointer + "/99",
                _ => pointer,
            })
            .ToList();

        IReadOnlyDictionary<string, SourceSpan> resolved;
        try
        {
            resolved = map.Resolve(pointers);
        }
        catch (Exception error)
        {
            throw new PropertyViolation($"Resolve threw {error.GetType().Name}: {error.Message}", input, error);
        }

        foreach (var pointer in pointers)
        {
            var owner = pointer;
            while (!spans.ContainsKey(owner))
            {
                owner = JsonPointer.Parent(owner);
            }

            var (start, end) = spans[owner];
            var (line, column) = NaivePositions.Of(text, start);
            var (endLine, endColumn) = NaivePositions.Of(text, end);
            var expected = new SourceSpan(line, column, endLine, endColumn);
            if (!resolved.TryGetValue(pointer, out var actual) || actual != expected)
            {
                throw new PropertyViolation(
                    $"pointer '{pointer}' (span of '{owner}'): expected {expected}, got {(resolved.TryGetValue(pointer, out var got) ? got.ToString() : "nothing")}; pointers resolved together: {string.Join(" ", pointers.Select(p => $"'{p}'"))}",
                    input);
            }
        }
    }
}
