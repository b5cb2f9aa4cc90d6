using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>A ruleset that is valid JSON but not a valid ruleset, with the position of the offending value.</summary>
internal sealed class RulesetFormatException(string message, string pointer) : Exception(message)
{
    /// <summary>The offending value; the loader turns it into a line and column.</summary>
    public string Pointer { get; } = pointer;
}

/// <summary>
/// Binds a ruleset's JSON to a <see cref="RulesetPatch"/>. The schema catches most mistakes first (and a test holds
/// that it refuses everything the binder refuses); the binder still refuses anything it cannot read, with the
/// position of the value at fault, because built-in rulesets are bound without a schema check.
/// </summary>
internal static class RulesetBinder
{
    private static IReadOnlyList<string> MethodNames => HttpMethods.Names;

    /// <param name="element">The ruleset's JSON.</param>
    /// <param name="ruleIds">The rule ids a <c>rules</c> entry may name (the rules the linter runs); <c>null</c>: any id.</param>
    public static RulesetPatch Bind(JsonElement element, IReadOnlySet<string>? ruleIds = null)
    {
        var root = AsObject(new RulesetNode(element, JsonPointer.Root), "a ruleset is a JSON object");
        return BindPatch(root, topLevel: true, ruleIds);
    }

    private static RulesetPatch BindPatch(RulesetNode root, bool topLevel, IReadOnlySet<string>? ruleIds)
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
                "extends" when topLevel => patch with { Extends = property.Value.Kind == JsonValueKind.String ? [String(property.Value)] : Strings(property.Value) },
                "methods" => patch with { Methods = BindMethods(AsObject(property.Value, "'methods' is an object")) },
                "codes" => patch with { Codes = BindCodes(AsObject(property.Value, "'codes' is an object")) },
                "default" => BindDefault(patch, AsObject(property.Value, "'default' is an object")),
                "ranges" => BindRanges(patch, AsObject(property.Value, "'ranges' is an object")),
                "maxDistinctCodes" when topLevel => patch with { MaxDistinctCodes = PositiveInteger(property.Value) },
                "webhooks" when topLevel => patch with { Webhooks = Scope(property.Value, "webhooks") },
                "callbacks" when topLevel => patch with { Callbacks = Scope(property.Value, "callbacks") },
                "rules" => patch with { Rules = BindRules(AsObject(property.Value, "'rules' is an object"), ruleIds) },
                "overrides" when topLevel => patch with { Overrides = BindOverrides(property.Value, ruleIds) },
                _ => throw Error(property, topLevel
                    ? $"unknown property '{property.Name}'"
                    : $"'{property.Name}' is not allowed in an override (only methods, codes, default, ranges, rules)"),
            };
        }

        return patch;
    }

    private static Dictionary<string, MethodPolicyPatch> BindMethods(RulesetNode methods)
    {
        var result = new Dictionary<string, MethodPolicyPatch>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in methods.Properties())
        {
            if (!MethodNames.Contains(property.Name) && property.Name != Ruleset.OtherMethods)
            {
                throw Error(property, $"unknown method '{property.Name}' (expected {string.Join(", ", MethodNames)}, or * for every other method)");
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

    private static Dictionary<string, CodePolicyPatch> BindCodes(RulesetNode codes)
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
            (IReadOnlyList<string> Names, Dictionary<string, RequirementSetting> Settings)? headers = null, requestHeaders = null, properties = null;
            BodyRequirement? requirement = null;
            RequirementSetting? bodySetting = null;
            Severity? severity = null;
            string? rationale = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "responseHeaders": headers = Entries(member.Value, "header"); break;
                    case "requestHeaders": requestHeaders = Entries(member.Value, "header"); break;
                    case "errorBodyProperties": properties = Entries(member.Value, "property"); break;
                    case "rationale": rationale = String(member.Value); break;
                    case "severity": severity = Severity(member.Value); break;
                    case "body": (requirement, bodySetting) = BodyEntry(member.Value); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in the policy for '{property.Name}'");
                }
            }

            result[key] = new CodePolicyPatch(headers?.Names, requirement, requestHeaders?.Names, properties?.Names, rationale)
            {
                Severity = severity,
                BodySetting = bodySetting,
                ResponseHeaderSettings = headers?.Settings,
                RequestHeaderSettings = requestHeaders?.Settings,
                ErrorBodyPropertySettings = properties?.Settings,
            };
        }

        return result;
    }

    /// <summary>
    /// A list of requirement entries: each a name (<c>"Location"</c>) or <c>{ "name": …, "severity": …, "rationale": … }</c>
    /// when one entry has a severity or sentence of its own.
    /// </summary>
    private static (IReadOnlyList<string> Names, Dictionary<string, RequirementSetting> Settings) Entries(RulesetNode token, string noun)
    {
        if (token.Kind != JsonValueKind.Array)
        {
            throw Error(token, $"expected an array of {noun} names (or {{ \"name\": …, \"severity\": … }} objects)");
        }

        var names = new List<string>();
        var settings = new Dictionary<string, RequirementSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in token.Items())
        {
            if (item.Kind == JsonValueKind.String)
            {
                names.Add(String(item));
                continue;
            }

            var entry = AsObject(item, $"a {noun} is a name or an object");
            string? name = null, rationale = null;
            Severity? severity = null;
            foreach (var member in entry.Properties())
            {
                switch (member.Name)
                {
                    case "name": name = String(member.Value); break;
                    case "severity": severity = Severity(member.Value); break;
                    case "rationale": rationale = String(member.Value); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in a {noun} entry (name, severity, rationale)");
                }
            }

            if (name is null)
            {
                throw Error(item, $"a {noun} entry needs a 'name'");
            }

            names.Add(name);
            settings[name] = new RequirementSetting(severity, rationale);
        }

        return (names, settings);
    }

    /// <summary><c>"expected"</c>, or <c>{ "requirement": "expected", "severity": …, "rationale": … }</c>.</summary>
    private static (BodyRequirement Requirement, RequirementSetting? Setting) BodyEntry(RulesetNode token)
    {
        if (token.Kind == JsonValueKind.String)
        {
            return (BodyRequirement(token), null);
        }

        var entry = AsObject(token, "'body' is \"forbidden\", \"expected\", \"any\" or an object");
        BodyRequirement? requirement = null;
        Severity? severity = null;
        string? rationale = null;
        foreach (var member in entry.Properties())
        {
            switch (member.Name)
            {
                case "requirement": requirement = BodyRequirement(member.Value); break;
                case "severity": severity = Severity(member.Value); break;
                case "rationale": rationale = String(member.Value); break;
                default: throw Error(member, $"unknown property '{member.Name}' in 'body' (requirement, severity, rationale)");
            }
        }

        return (requirement ?? throw Error(token, "'body' as an object needs a 'requirement' (\"forbidden\", \"expected\" or \"any\")"), new RequirementSetting(severity, rationale));
    }

    private static OperationScope Scope(RulesetNode token, string option) => String(token) switch
    {
        "skip" => OperationScope.Skip,
        "lint" => OperationScope.Lint,
        var other => throw Error(token, $"'{option}' is \"skip\" or \"lint\", not \"{other}\""),
    };

    private static BodyRequirement BodyRequirement(RulesetNode token) => String(token) switch
    {
        "forbidden" => Rulesets.BodyRequirement.Forbidden,
        "expected" => Rulesets.BodyRequirement.Expected,
        "any" => Rulesets.BodyRequirement.Any,
        var other => throw Error(token, $"'body' is \"forbidden\", \"expected\" or \"any\", not \"{other}\""),
    };

    private static RulesetPatch BindDefault(RulesetPatch patch, RulesetNode body)
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

    private static RulesetPatch BindRanges(RulesetPatch patch, RulesetNode body)
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

    private static Dictionary<string, RuleSettingPatch> BindRules(RulesetNode rules, IReadOnlySet<string>? ruleIds)
    {
        var result = new Dictionary<string, RuleSettingPatch>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in rules.Properties())
        {
            if (ruleIds is not null && !ruleIds.Contains(property.Name))
            {
                throw Error(property, $"unknown rule '{property.Name}' (see 'dotnet openapi-lint rules')");
            }

            if (property.Value.Kind == JsonValueKind.String)
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

    private static List<RulesetOverride> BindOverrides(RulesetNode token, IReadOnlySet<string>? ruleIds)
    {
        if (token.Kind != JsonValueKind.Array)
        {
            throw Error(token, "'overrides' is an array");
        }

        var result = new List<RulesetOverride>();
        foreach (var item in token.Items())
        {
            var body = AsObject(item, "an override is an object");
            IReadOnlyList<string>? paths = null, methods = null;
            RulesetPatch? patch = null;
            foreach (var member in body.Properties())
            {
                switch (member.Name)
                {
                    case "paths":
                        paths = Strings(member.Value);
                        if (paths.Count == 0)
                        {
                            throw Error(member, "an override's 'paths' needs at least one glob pattern (such as \"/legacy/**\")");
                        }

                        break;
                    case "methods":
                        var items = Items(member.Value);
                        methods = items.Select(m => String(m).ToLowerInvariant()).ToArray();
                        if (items.FirstOrDefault(m => !MethodNames.Contains(String(m).ToLowerInvariant())) is { Pointer: not null } unknown)
                        {
                            throw Error(unknown, $"unknown method '{String(unknown)}' in an override");
                        }

                        break;
                    case "ruleset": patch = BindPatch(AsObject(member.Value, "an override's 'ruleset' is an object"), topLevel: false, ruleIds); break;
                    default: throw Error(member, $"unknown property '{member.Name}' in an override");
                }
            }

            if (paths is null)
            {
                throw Error(item, "an override needs 'paths' (glob patterns such as \"/legacy/**\")");
            }

            // The loader turns the pointer into the file's line and column.
            result.Add(new RulesetOverride(paths, methods, patch ?? throw Error(item, "an override needs a 'ruleset'"))
            {
                Source = SourceLocation.Unpositioned("", item.Pointer),
            });
        }

        return result;
    }

    private static IReadOnlyList<string> Codes(RulesetNode token)
    {
        var items = Items(token);
        foreach (var item in items)
        {
            var code = String(item);
            var key = StatusCodes.Normalize(code);
            if (!StatusCodes.IsCode(key) && !StatusCodes.IsRange(key))
            {
                throw Error(item, $"'{code}' is not a status code (100-599) or range (4XX)");
            }
        }

        return items.Select(item => StatusCodes.Normalize(String(item))).ToArray();
    }

    private static IReadOnlyList<string> Strings(RulesetNode token) => Items(token).Select(String).ToArray();

    private static IReadOnlyList<RulesetNode> Items(RulesetNode token) => token.Kind == JsonValueKind.Array
        ? token.Items().ToArray()
        : throw Error(token, "expected an array of strings");

    private static string String(RulesetNode token) => token.Kind == JsonValueKind.String
        ? token.Element.GetString()!
        : throw Error(token, $"expected a string, found {Describe(token)}");

    private static bool Boolean(RulesetNode token) => token.Kind is JsonValueKind.True or JsonValueKind.False
        ? token.Element.GetBoolean()
        : throw Error(token, $"expected true or false, found {Describe(token)}");

    private static int PositiveInteger(RulesetNode token) => token.Kind == JsonValueKind.Number && token.Element.TryGetInt32(out var value) && value >= 1
        ? value
        : throw Error(token, $"expected a whole number of at least 1, found {Describe(token)}");

    private static Severity Severity(RulesetNode token)
    {
        var text = String(token);
        return SeverityNames.TryParse(text, out var severity) && text == severity.ToName()
            ? severity
            : throw Error(token, $"'{text}' is not a severity (error, warning, info, off)");
    }

    private static RulesetNode AsObject(RulesetNode token, string expectation) =>
        token.Kind == JsonValueKind.Object ? token : throw Error(token, $"{expectation}, found {Describe(token)}");

    private static string Describe(RulesetNode token) => token.Kind switch
    {
        JsonValueKind.String => $"\"{token.Element.GetString()}\"",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => token.Element.GetRawText(),
    };

    private static RulesetFormatException Error(RulesetNode token, string message) => new(message, token.Pointer);

    private static RulesetFormatException Error(RulesetMember member, string message) => new(message, member.Value.Pointer);
}

/// <summary>A JSON value of a ruleset with its pointer, so that every error can say where it is.</summary>
/// <remarks>
/// A class, one per value of a ruleset (a few hundred): the runtime's generic code (arrays from LINQ, <c>Select</c>,
/// <c>FirstOrDefault</c>) over a value type of this assembly is never precompiled, and was JIT-compiled in every fresh
/// MSBuild node.
/// </remarks>
internal sealed record RulesetNode(JsonElement Element, string Pointer)
{
    public JsonValueKind Kind => Element.ValueKind;

    public IEnumerable<RulesetMember> Properties()
    {
        foreach (var property in Element.EnumerateObject())
        {
            yield return new RulesetMember(property.Name, new RulesetNode(property.Value, JsonPointer.Append(Pointer, property.Name)));
        }
    }

    public IEnumerable<RulesetNode> Items()
    {
        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new RulesetNode(item, JsonPointer.Append(Pointer, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            index++;
        }
    }
}

/// <summary>An object member of a ruleset; errors about it point at its key.</summary>
internal readonly record struct RulesetMember(string Name, RulesetNode Value);
