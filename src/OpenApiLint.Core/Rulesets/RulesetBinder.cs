using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rulesets;

/// <summary>A ruleset that is valid JSON but not a valid ruleset, with the position of the offending value.</summary>
internal sealed class RulesetFormatException(string message, string pointer) : Exception(message)
{
    /// <summary>The offending value; the loader turns it into a line and column.</summary>
    public string Pointer { get; } = pointer;
}

/// <summary>
/// Binds a ruleset's JSON to a <see cref="RulesetPatch"/>. The schema catches most mistakes first; the binder still
/// refuses anything it cannot read (the schema check can be skipped), with the position of the value at fault.
/// </summary>
internal static class RulesetBinder
{
    private static IReadOnlyList<string> MethodNames => HttpMethods.Names;

    public static RulesetPatch Bind(JToken token)
    {
        var root = AsObject(token, "a ruleset is a JSON object");
        return BindPatch(root, topLevel: true);
    }

    private static RulesetPatch BindPatch(JObject root, bool topLevel)
    {
        var patch = new RulesetPatch();
        foreach (var property in root.Properties())
        {
            patch = property.Name switch
            {
                "$schema" when topLevel => patch,
                "name" when topLevel => patch with { Name = String(property.Value) },
                "title" when topLevel => patch with { Title = String(property.Value) },
                "description" when topLevel => patch with { Description = String(property.Value) },
                "source" when topLevel => patch with { Source = String(property.Value) },
                "extends" when topLevel => patch with { Extends = property.Value.Type == JTokenType.String ? [String(property.Value)] : Strings(property.Value) },
                "methods" => patch with { Methods = BindMethods(AsObject(property.Value, "'methods' is an object")) },
                "codes" => patch with { Codes = BindCodes(AsObject(property.Value, "'codes' is an object")) },
                "default" => BindDefault(patch, AsObject(property.Value, "'default' is an object")),
                "ranges" => BindRanges(patch, AsObject(property.Value, "'ranges' is an object")),
                "maxDistinctCodes" when topLevel => patch with { MaxDistinctCodes = PositiveInteger(property.Value) },
                "rules" => patch with { Rules = BindRules(AsObject(property.Value, "'rules' is an object")) },
                "overrides" when topLevel => patch with { Overrides = BindOverrides(property.Value) },
                _ => throw Error(property, topLevel
                    ? $"unknown property '{property.Name}'"
                    : $"'{property.Name}' is not allowed in an override (only methods, codes, default, ranges, rules)"),
            };
        }

        return patch;
    }

    private static Dictionary<string, MethodPolicyPatch> BindMethods(JObject methods)
    {
        var result = new Dictionary<string, MethodPolicyPatch>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in methods.Properties())
        {
            if (!MethodNames.Contains(property.Name))
            {
                throw Error(property, $"unknown method '{property.Name}' (expected {string.Join(", ", MethodNames)})");
            }

            var body = AsObject(property.Value, $"the policy for '{property.Name}' is an object");
            IReadOnlyList<string>? allowed = null, add = null, remove = null, required = null;
            string? rationale = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "allowed": allowed = Codes(member.Value); break;
                    case "addAllowed": add = Codes(member.Value); break;
                    case "removeAllowed": remove = Codes(member.Value); break;
                    case "required": required = Codes(member.Value); break;
                    case "rationale": rationale = String(member.Value); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in the policy for '{property.Name}'");
                }
            }

            result[property.Name] = new MethodPolicyPatch(allowed, add, remove, required, rationale);
        }

        return result;
    }

    private static Dictionary<string, CodePolicyPatch> BindCodes(JObject codes)
    {
        var result = new Dictionary<string, CodePolicyPatch>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in codes.Properties())
        {
            var key = StatusCodes.Normalize(property.Name);
            if (!StatusCodes.IsCode(key) && !StatusCodes.IsRange(key))
            {
                throw Error(property, $"'{property.Name}' is not a status code (100-599) or range (4XX)");
            }

            var body = AsObject(property.Value, $"the policy for '{property.Name}' is an object");
            IReadOnlyList<string>? headers = null, requestHeaders = null, properties = null;
            BodyRequirement? requirement = null;
            string? rationale = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "responseHeaders": headers = Strings(member.Value); break;
                    case "requestHeaders": requestHeaders = Strings(member.Value); break;
                    case "errorBodyProperties": properties = Strings(member.Value); break;
                    case "rationale": rationale = String(member.Value); break;
                    case "body":
                        requirement = String(member.Value) switch
                        {
                            "forbidden" => BodyRequirement.Forbidden,
                            "expected" => BodyRequirement.Expected,
                            "any" => BodyRequirement.Any,
                            var other => throw Error(member.Value, $"'body' is \"forbidden\", \"expected\" or \"any\", not \"{other}\""),
                        };
                        break;
                    default: throw Error(member, $"unknown property '{member.Name}' in the policy for '{property.Name}'");
                }
            }

            result[key] = new CodePolicyPatch(headers, requirement, requestHeaders, properties, rationale);
        }

        return result;
    }

    private static RulesetPatch BindDefault(RulesetPatch patch, JObject body)
    {
        foreach (var member in body.Properties())
        {
            patch = member.Name switch
            {
                "allowed" => patch with { DefaultAllowed = Boolean(member.Value) },
                "satisfiesRequired" => patch with { DefaultSatisfiesRequired = Boolean(member.Value) },
                _ => throw Error(member, $"unknown property '{member.Name}' in 'default'"),
            };
        }

        return patch;
    }

    private static RulesetPatch BindRanges(RulesetPatch patch, JObject body)
    {
        foreach (var member in body.Properties())
        {
            patch = member.Name switch
            {
                "allowed" => patch with
                {
                    RangesAllowed = String(member.Value) switch
                    {
                        "explicit" => RangeAllowance.Explicit,
                        "anyCodeInRange" => RangeAllowance.AnyCodeInRange,
                        var other => throw Error(member.Value, $"'ranges.allowed' is \"explicit\" or \"anyCodeInRange\", not \"{other}\""),
                    },
                },
                "satisfiesRequired" => patch with { RangesSatisfyRequired = Boolean(member.Value) },
                _ => throw Error(member, $"unknown property '{member.Name}' in 'ranges'"),
            };
        }

        return patch;
    }

    private static Dictionary<string, RuleSettingPatch> BindRules(JObject rules)
    {
        var result = new Dictionary<string, RuleSettingPatch>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in rules.Properties())
        {
            if (Rules.RuleCatalog.Find(property.Name) is null)
            {
                throw Error(property, $"unknown rule '{property.Name}' (see 'dotnet openapi-lint rules')");
            }

            if (property.Value.Type == JTokenType.String)
            {
                result[property.Name] = new RuleSettingPatch(Severity(property.Value), null);
                continue;
            }

            var body = AsObject(property.Value, $"the setting of '{property.Name}' is a severity or an object");
            Severity? severity = null;
            string? rationale = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "severity": severity = Severity(member.Value); break;
                    case "rationale": rationale = String(member.Value); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in the setting of '{property.Name}'");
                }
            }

            result[property.Name] = new RuleSettingPatch(severity, rationale);
        }

        return result;
    }

    private static List<RulesetOverride> BindOverrides(JToken token)
    {
        if (token is not JArray array)
        {
            throw Error(token, "'overrides' is an array");
        }

        var result = new List<RulesetOverride>();
        foreach (var item in array)
        {
            var body = AsObject(item, "an override is an object");
            IReadOnlyList<string>? paths = null, methods = null;
            RulesetPatch? patch = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "paths": paths = Strings(member.Value); break;
                    case "methods":
                        methods = Strings(member.Value).Select(m => m.ToLowerInvariant()).ToArray();
                        if (methods.FirstOrDefault(m => !MethodNames.Contains(m)) is { } unknown)
                        {
                            throw Error(member.Value, $"unknown method '{unknown}' in an override");
                        }

                        break;
                    case "ruleset": patch = BindPatch(AsObject(member.Value, "an override's 'ruleset' is an object"), topLevel: false); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in an override");
                }
            }

            if (paths is null || paths.Count == 0)
            {
                throw Error(item, "an override needs 'paths' (glob patterns such as \"/legacy/**\")");
            }

            // The loader turns the pointer into the file's line and column.
            result.Add(new RulesetOverride(paths, methods, patch ?? throw Error(item, "an override needs a 'ruleset'"))
            {
                Source = SourceLocation.Unpositioned("", RulesetPositions.PointerOf(item)),
            });
        }

        return result;
    }

    private static IReadOnlyList<string> Codes(JToken token)
    {
        var codes = Strings(token);
        foreach (var (code, index) in codes.Select((code, index) => (code, index)))
        {
            var key = StatusCodes.Normalize(code);
            if (!StatusCodes.IsCode(key) && !StatusCodes.IsRange(key))
            {
                throw Error(token[index]!, $"'{code}' is not a status code (100-599) or range (4XX)");
            }
        }

        return codes.Select(StatusCodes.Normalize).ToArray();
    }

    private static IReadOnlyList<string> Strings(JToken token) => token is JArray array
        ? array.Select(String).ToArray()
        : throw Error(token, "expected an array of strings");

    private static string String(JToken token) => token.Type == JTokenType.String
        ? token.Value<string>()!
        : throw Error(token, $"expected a string, found {Describe(token)}");

    private static bool Boolean(JToken token) => token.Type == JTokenType.Boolean
        ? token.Value<bool>()
        : throw Error(token, $"expected true or false, found {Describe(token)}");

    private static int PositiveInteger(JToken token) => token.Type == JTokenType.Integer && token.Value<long>() is >= 1 and <= int.MaxValue
        ? token.Value<int>()
        : throw Error(token, $"expected a whole number of at least 1, found {Describe(token)}");

    private static Severity Severity(JToken token)
    {
        var text = String(token);
        return SeverityNames.TryParse(text, out var severity) && text == severity.ToName()
            ? severity
            : throw Error(token, $"'{text}' is not a severity (error, warning, info, off)");
    }

    private static JObject AsObject(JToken token, string expectation) => token as JObject ?? throw Error(token, $"{expectation}, found {Describe(token)}");

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"\"{token.Value<string>()}\"",
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static RulesetFormatException Error(JToken token, string message) => new(message, RulesetPositions.PointerOf(token));
}
