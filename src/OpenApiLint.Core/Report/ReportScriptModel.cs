using System.Reflection;
using System.Text.Json;
using Scriban.Runtime;

namespace OpenApiLint.Core.Report;

/// <summary>
/// The view model as a template sees it: the records themselves, read in place (no copy of the model per render),
/// with the camelCase names of <see cref="ReportViewModelJson"/>. Only the view model's own properties are visible
/// (<see cref="IsVisible"/>, the template context's member filter): no method, no field, nothing of a .NET type
/// beyond the model, not even the length of a string or the count of a list (Scriban's <c>size</c> gives those).
/// </summary>
internal static class ReportScriptModel
{
    private static readonly Assembly ModelAssembly = typeof(ReportViewModel).Assembly;

    /// <summary>The root: one read-only global per member of <paramref name="model"/> (<c>summary</c>, <c>documents</c>, …).</summary>
    public static ScriptObject From(ReportViewModel model)
    {
        var root = new ScriptObject(StringComparer.Ordinal);
        foreach (var property in typeof(ReportViewModel).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsVisible(property))
            {
                root.SetValue(NameOf(property), property.GetValue(model), readOnly: true);
            }
        }

        return root;
    }

    /// <summary>Whether a template may read <paramref name="member"/>: a public property a view-model record declares.</summary>
    public static bool IsVisible(MemberInfo member) =>
        member is PropertyInfo { CanRead: true, DeclaringType: { } type } property
        && property.GetMethod is { IsPublic: true, IsStatic: false }
        && property.GetIndexParameters().Length == 0
        && property.Name != "EqualityContract"
        && IsViewModelType(type);

    /// <summary>The name a template uses: the JSON name, camelCase.</summary>
    public static string NameOf(MemberInfo member) => JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    private static bool IsViewModelType(Type type) =>
        type.Assembly == ModelAssembly
        && type.Namespace == typeof(ReportViewModel).Namespace
        && (type == typeof(ReportViewModel) || type.Name.EndsWith("View", StringComparison.Ordinal));
}
