using System.Globalization;
using System.Text.Json;
using Json.Schema;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// Checks a ruleset against <c>rulesets/ruleset.schema.json</c> (JsonSchema.Net, MIT, on System.Text.Json): every
/// call validates, there is no quota and no cache. Each error names the offending key and sits at the start of the
/// member or item it is about; the wording is ours, built from the failing keyword and the schema's own values, so it
/// does not change with the validator's releases.
/// </summary>
internal static class RulesetSchema
{
    private static readonly Lazy<(JsonSchema Schema, JsonDocument Json)> Loaded = new(() =>
    {
        var text = BuiltInRulesets.SchemaText;
        // A registry of its own: the global one is shared with anything else in the process (another MSBuild task).
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 });
        return (schema, JsonDocument.Parse(text));
    });

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>Keywords whose next segment names a subschema rather than being a keyword itself.</summary>
    private static readonly HashSet<string> NamingKeywords = new(StringComparer.Ordinal) { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas" };

    /// <summary>The schema errors of <paramref name="root"/>, in text order; empty when it is valid.</summary>
    /// <param name="root">The parsed ruleset.</param>
    /// <param name="text">Its text, for positions.</param>
    /// <param name="file">Its name, as errors show it.</param>
    /// <remarks>
    /// The schema accepts any well-formed rule id under <c>rules</c> (it lists the built-in ones for editors); which ids
    /// the linter knows is the binder's check, against the rules it runs.
    /// </remarks>
    public static IReadOnlyList<LoadError> Validate(JsonElement root, string text, string file)
    {
        var (schema, schemaJson) = Loaded.Value;
        var results = schema.Evaluate(root, Options);
        if (results.IsValid)
        {
            return [];
        }

        var failures = new List<(string Pointer, string Message)>();
        var typed = new HashSet<string>(StringComparer.Ordinal);
        // Shallow evaluation paths first, so that of several type errors about one value the outermost one is kept.
        foreach (var detail in (results.Details ?? [results]).OrderBy(detail => detail.EvaluationPath.ToString().Length))
        {
            if (detail.Errors is null || detail.IsValid)
            {
                continue;
            }

            var evaluationPath = JsonPointer.Split(detail.EvaluationPath.ToString());
            if (UnderIf(evaluationPath))
            {
                // An "if" that fails only chooses "else"; it is not an error.
                continue;
            }

            var instancePointer = detail.InstanceLocation.ToString();
            var instance = Find(root, instancePointer);
            var subschema = SchemaAt(schemaJson.RootElement, evaluationPath);
            foreach (var (keyword, fallback) in detail.Errors)
            {
                if (keyword == "type" && !typed.Add(instancePointer))
                {
                    continue;
                }

                failures.Add(Describe(keyword, fallback, instance, instancePointer, subschema, evaluationPath, root));
            }
        }

        var spans = RulesetPositions.Resolve(text, failures.Select(failure => failure.Pointer));
        return failures
            .Select(failure => new LoadError(file, spans[failure.Pointer].Line, spans[failure.Pointer].Column, failure.Message))
            .DistinctBy(error => (error.Line, error.Column, error.Message))
            .OrderBy(error => error.Line).ThenBy(error => error.Column)
            .ToArray();
    }

    private static (string Pointer, string Message) Describe(
        string keyword, string fallback, JsonElement? instance, string pointer, JsonElement? subschema, IReadOnlyList<string> evaluationPath, JsonElement root)
    {
        var at = At(root, pointer);
        JsonElement? Keyword(string name) => subschema is { ValueKind: JsonValueKind.Object } node && node.TryGetProperty(name, out var value) ? value : null;

        switch (keyword)
        {
            case "" when evaluationPath.Count > 0 && evaluationPath[^1] == "additionalProperties":
                return (pointer, $"Property '{JsonPointer.Split(pointer)[^1]}' has not been defined and the schema does not allow additional properties{at}");
            case "type" when instance is { } value && Keyword("type") is { } expected:
                var names = expected.ValueKind == JsonValueKind.Array
                    ? expected.EnumerateArray().Select(item => TypeName(item.GetString()))
                    : [TypeName(expected.GetString())];
                return (pointer, $"Invalid type. Expected {string.Join(", ", names)} but got {InstanceType(value)}{at}");
            case "enum" when instance is { } value:
                return (pointer, $"Value {value.GetRawText()} is not defined in enum{at}");
            case "pattern" when instance is { ValueKind: JsonValueKind.String } value && Keyword("pattern") is { } pattern:
                return (pointer, $"String '{value.GetString()}' does not match regex pattern '{pattern.GetString()}'{at}");
            case "minLength" when instance is { ValueKind: JsonValueKind.String } value && Keyword("minLength") is { } minimum:
                return (pointer, $"String '{value.GetString()}' is less than minimum length of {minimum.GetRawText()}{at}");
            case "minItems" when instance is { ValueKind: JsonValueKind.Array } value && Keyword("minItems") is { } minimum:
                return (pointer, $"Array item count {value.GetArrayLength()} is less than minimum count of {minimum.GetRawText()}{at}");
            case "minimum" when instance is { ValueKind: JsonValueKind.Number } value && Keyword("minimum") is { } minimum:
                return (pointer, $"{(value.TryGetInt64(out _) ? "Integer" : "Float")} {value.GetRawText()} is less than minimum value of {minimum.GetRawText()}{at}");
            case "required" when instance is { ValueKind: JsonValueKind.Object } value && Keyword("required") is { } required:
                var missing = required.EnumerateArray().Select(name => name.GetString()!).Where(name => !value.TryGetProperty(name, out _));
                return (pointer, $"Required properties are missing from object: {string.Join(", ", missing)}{at}");
            case "uniqueItems" when instance is { ValueKind: JsonValueKind.Array } value:
                var index = FirstRepeat(value);
                var item = JsonPointer.Append(pointer, index.ToString(CultureInfo.InvariantCulture));
                return (item, $"Non-unique array item at index {index}{At(root, item)}");
            default:
                // A keyword the wording above does not know yet: the validator's own sentence, still positioned.
                return (pointer, $"{fallback.TrimEnd('.')}{at}");
        }
    }

    private static bool UnderIf(IReadOnlyList<string> evaluationPath)
    {
        for (var index = 0; index < evaluationPath.Count; index++)
        {
            if (evaluationPath[index] == "if" && (index == 0 || !NamingKeywords.Contains(evaluationPath[index - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subschema an evaluation path leads to, following the schema's local <c>$ref</c>s.</summary>
    private static JsonElement? SchemaAt(JsonElement schemaRoot, IReadOnlyList<string> evaluationPath)
    {
        JsonElement? current = schemaRoot;
        foreach (var segment in evaluationPath)
        {
            if (current is not { } node)
            {
                return null;
            }

            current = segment == "$ref" && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference)
                && reference.GetString() is { } target && target.StartsWith('#')
                ? (JsonPointer.FromFragment(target) is { } local ? Find(schemaRoot, local) : null)
                : Step(node, segment);
        }

        return current;
    }

    private static JsonElement? Find(JsonElement root, string pointer)
    {
        JsonElement? current = root;
        foreach (var segment in JsonPointer.Split(pointer))
        {
            current = current is { } node ? Step(node, segment) : null;
        }

        return current;
    }

    private static JsonElement? Step(JsonElement node, string segment) => node.ValueKind switch
    {
        JsonValueKind.Object when node.TryGetProperty(segment, out var member) => member,
        JsonValueKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.GetArrayLength() => node[index],
        _ => null,
    };

    /// <summary>" at 'methods.get.allowed[1]'", the path as a ruleset's author reads it; nothing for the root.</summary>
    private static string At(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return "";
        }

        var path = new System.Text.StringBuilder();
        JsonElement? current = root;
        foreach (var segment in JsonPointer.Split(pointer))
        {
            if (current is { ValueKind: JsonValueKind.Array })
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (segment.AsSpan().IndexOfAny(" .[]()'\"\t\r\n") >= 0 || segment.Length == 0)
            {
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
            else
            {
                path.Append(path.Length == 0 ? "" : ".").Append(segment);
            }

            current = current is { } node ? Step(node, segment) : null;
        }

        return $" at '{path}'";
    }

    private static int FirstRepeat(JsonElement array)
    {
        var items = array.EnumerateArray().ToArray();
        for (var index = 1; index < items.Length; index++)
        {
            for (var earlier = 0; earlier < index; earlier++)
            {
                if (JsonElement.DeepEquals(items[earlier], items[index]))
                {
                    return index;
                }
            }
        }

        return 0;
    }

    private static string TypeName(string? schemaType) => schemaType switch
    {
        null or "" => "?",
        var name => char.ToUpperInvariant(name[0]) + name[1..],
    };

    private static string InstanceType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "Object",
        JsonValueKind.Array => "Array",
        JsonValueKind.String => "String",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "Integer" : "Float",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        _ => "Null",
    };
}
