using System.Text;
using System.Text.Json;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Documents;

/// <summary>
/// The loader's work grows with the size of the files, not with the number of paths through their references: each
/// target is followed and walked once and shared. Checked by counting the load's work (values walked, references
/// followed, schemas searched), not by timing: documents whose references fan out 4 ways over 10 levels have
/// 4^10 (about a million) paths to the last level, and a few thousand values.
/// </summary>
[TestFixture]
public sealed class LinearLoadTests
{
    private const int Fan = 4;

    /// <summary>Work per value of the input: each value is walked a bounded number of times (document, shared target, schema search).</summary>
    private const int WorkPerValue = 4;

    [TestCase(5)]
    [TestCase(10)]
    public void References_fanning_out_across_files_are_followed_once_per_target(int levels)
    {
        using var folder = new TempFolder();
        var files = new List<string>();
        for (var level = 0; level < levels; level++)
        {
            files.Add(folder.Write($"level{level}.json", LevelFile(level, levels)));
        }

        var path = folder.Write("openapi.json", """
            {
              "openapi": "3.0.3",
              "info": { "title": "Fan-out", "version": "1" },
              "paths": {
                "/a": { "get": { "responses": { "200": { "$ref": "level0.json#/R" }, "500": { "$ref": "level0.json#/R" } } } },
                "/b": { "$ref": "level0.json#/Path" }
              }
            }
            """);
        files.Add(path);

        var document = OpenApiDocumentLoader.Load(path).Document!;

        var values = files.Sum(file => CountValues(File.ReadAllBytes(file)));
        // R's body is S0 of level 0, which takes all four schemas of every level below.
        var expectedNames = Enumerable.Range(1, levels - 1).SelectMany(level => Enumerable.Range(0, Fan).Select(j => $"p{level}_{j}")).Append("p0_0").Order(StringComparer.Ordinal);
        var a = document.Operations.Single(operation => operation.Path == "/a");
        var b = document.Operations.Single(operation => operation.Path == "/b");
        Assert.Multiple(() =>
        {
            Assert.That(document.LoadWork, Is.LessThanOrEqualTo(WorkPerValue * values), $"{values} values in the files");
            // Each reference object is one site, however many paths lead to it.
            Assert.That(document.References, Has.Count.EqualTo(document.References.Select(site => site.Site).Distinct().Count()));
            // The document's 3; level 0: R's body, S0's 4, the path item's 5; level 1: the 4 responses' header schemas;
            // levels 1 to the one before last: 4 schemas of 4 each (the last level's schemas reference nothing).
            Assert.That(document.References, Has.Count.EqualTo(3 + 10 + Fan + (Fan * Fan * (levels - 2))));
            Assert.That(a.Responses.Select(response => $"{response.StatusKey} {Path.GetFileName(response.Definition!.File)}#{response.Definition.Pointer}"),
                Is.EqualTo(new[] { "200 level0.json#/R", "500 level0.json#/R" }));
            // Body properties come through every level (allOf of references to the next level's schemas).
            Assert.That(a.Responses[0].BodyPropertyNames!.Order(StringComparer.Ordinal), Is.EqualTo(expectedNames));
            Assert.That(b.Responses.Select(response => $"{response.StatusKey} {Path.GetFileName(response.Definition!.File)}"),
                Is.EqualTo(Enumerable.Range(0, Fan).Select(j => $"20{j} level1.json")));
            Assert.That(b.RequestHeaders.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "X-Level-1" }));
        });
    }

    [TestCase(5)]
    [TestCase(10)]
    public void References_fanning_out_within_one_file_are_followed_once_per_target(int levels)
    {
        var schemas = new List<string>();
        for (var level = 0; level < levels; level++)
        {
            for (var j = 0; j < Fan; j++)
            {
                var refs = level + 1 < levels
                    ? string.Join(", ", Enumerable.Range(0, Fan).Select(k => $$"""{ "$ref": "#/components/schemas/L{{level + 1}}_{{k}}" }"""))
                    : string.Empty;
                schemas.Add($$"""
                    "L{{level}}_{{j}}": { "properties": { "p{{level}}_{{j}}": { "type": "string" } }, "allOf": [ {{refs}} ] }
                    """);
            }
        }

        var responses = string.Join(", ", Enumerable.Range(0, 20).Select(i => $$"""
            "{{400 + i}}": { "description": "E", "content": { "application/json": { "schema": { "allOf": [ { "$ref": "#/components/schemas/L0_{{i % Fan}}" }, { "$ref": "#/components/schemas/L0_{{(i + 1) % Fan}}" } ] } } } }
            """));
        var text = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "Fan-out", "version": "1" },
              "paths": { "/a": { "get": { "responses": { {{responses}} } } } },
              "components": { "schemas": { {{string.Join(",\n", schemas)}} } }
            }
            """;

        var document = Lint.Load(text, "openapi.json");

        var expectedNames = Enumerable.Range(0, levels).SelectMany(level => Enumerable.Range(0, Fan).Select(j => $"p{level}_{j}"))
            .Where(name => !name.StartsWith("p0_", StringComparison.Ordinal) || name is "p0_0" or "p0_1")
            .Order(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(document.LoadWork, Is.LessThanOrEqualTo(WorkPerValue * CountValues(Encoding.UTF8.GetBytes(text))));
            Assert.That(document.References, Has.Count.EqualTo((20 * 2) + ((levels - 1) * Fan * Fan)));
            Assert.That(document.Operations.Single().Responses[0].BodyPropertyNames!.Order(StringComparer.Ordinal), Is.EqualTo(expectedNames));
        });
    }

    [Test]
    public void Work_grows_with_the_files_not_with_the_paths_through_them()
    {
        long WorkFor(int levels)
        {
            using var folder = new TempFolder();
            for (var level = 0; level < levels; level++)
            {
                folder.Write($"level{level}.json", LevelFile(level, levels));
            }

            var path = folder.Write("openapi.json", """
                { "openapi": "3.0.3", "info": { "title": "T", "version": "1" },
                  "paths": { "/a": { "get": { "responses": { "200": { "$ref": "level0.json#/R" } } } } } }
                """);
            return OpenApiDocumentLoader.Load(path).Document!.LoadWork;
        }

        var five = WorkFor(5);
        var ten = WorkFor(10);

        // Twice the levels: about twice the work (exponential work would be 4^5 = 1,024 times as much).
        Assert.That((double)ten / five, Is.InRange(1.5, 2.5), $"5 levels: {five}, 10 levels: {ten}");
    }

    /// <summary>
    /// Level <paramref name="level"/>: a response whose body is S0, four schemas that each take all four of the next
    /// level's through allOf, four responses and a header parameter for the path item of the level above, and a path
    /// item whose four responses and parameter are the next level's.
    /// </summary>
    private static string LevelFile(int level, int levels)
    {
        var last = level + 1 == levels;
        var next = $"level{level + 1}.json";
        var schemas = Enumerable.Range(0, Fan).Select(j =>
        {
            var refs = last ? string.Empty : string.Join(", ", Enumerable.Range(0, Fan).Select(k => $$"""{ "$ref": "{{next}}#/S{{k}}" }"""));
            return $$"""
                "S{{j}}": { "properties": { "p{{level}}_{{j}}": { "type": "string" } }, "allOf": [ {{refs}} ] }
                """;
        });
        var responses = Enumerable.Range(0, Fan).Select(j => $$"""
            "R{{j}}": { "description": "R", "headers": { "X-Rate": { "schema": { "$ref": "#/S{{j}}" } } } }
            """);
        var pathItem = last ? string.Empty : $$"""
            , "Path": { "parameters": [ { "$ref": "{{next}}#/P" } ], "get": { "responses": { {{string.Join(", ", Enumerable.Range(0, Fan).Select(j => $$"""
            "20{{j}}": { "$ref": "{{next}}#/R{{j}}" }
            """))}} } } }
            """;
        return $$"""
            {
              "R": { "description": "R", "content": { "application/json": { "schema": { "$ref": "#/S0" } } } },
              {{string.Join(",\n", schemas)}},
              {{string.Join(",\n", responses)}},
              "P": { "name": "X-Level-{{level}}", "in": "header" }
              {{pathItem}}
            }
            """;
    }

    private static int CountValues(byte[] json)
    {
        using var parsed = JsonDocument.Parse(json);
        var count = 0;
        var pending = new Stack<JsonElement>();
        pending.Push(parsed.RootElement);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            count++;
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    pending.Push(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    pending.Push(item);
                }
            }
        }

        return count;
    }
}
