using System.Text.Json;
using Scriban.Runtime;

namespace OpenApiLint.Core.Report;

/// <summary>
/// The view model as a template sees it: plain script objects, arrays, strings, numbers and booleans with the
/// camelCase names of <see cref="ReportViewModelJson"/>, built from that JSON. No .NET object reaches a template,
/// so it can read the model's data and nothing else (no methods, no types, no members beyond the model's).
/// </summary>
internal static class ReportScriptModel
{
    public static ScriptObject From(ReportViewModel model)
    {
        using var json = ReportViewModelJson.ToDocument(model);
        return (ScriptObject)Convert(json.RootElement)!;
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ScriptObject(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    obj.SetValue(property.Name, Convert(property.Value), readOnly: true);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new ScriptArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Convert(item));
                }

                return array;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt32(out var small) ? small : element.TryGetInt64(out var large) ? large : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
