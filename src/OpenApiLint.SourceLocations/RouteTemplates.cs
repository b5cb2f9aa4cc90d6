using System.Text;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Route templates as the OpenAPI generators write them: constraints, defaults, optional and catch-all markers
/// dropped from parameters (<c>{id:int?}</c> → <c>{id}</c>, <c>{**path}</c> → <c>{path}</c>), compared without regard to
/// case (ASP.NET Core matches literal segments case-insensitively).
/// </summary>
internal static class RouteTemplates
{
    /// <summary>The comparable form: <c>/orders/{id}</c>, lower case, one leading slash, no trailing one.</summary>
    public static string Normalize(string template)
    {
        var text = template.Trim();
        if (text.StartsWith("~/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        var builder = new StringBuilder(text.Length + 1);
        foreach (var segment in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/');
            AppendSegment(builder, segment);
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    /// <summary>A group prefix and a template below it (<c>MapGroup("/orders")</c> then <c>MapGet("/{id}")</c>).</summary>
    public static string Join(string prefix, string template)
    {
        var head = prefix.TrimEnd('/');
        var tail = template.TrimStart('/');
        return tail.Length == 0 ? (head.Length == 0 ? "/" : head) : $"{head}/{tail}";
    }

    /// <summary>
    /// An action's template below its controller's, as MVC combines them: a template starting with <c>/</c> or
    /// <c>~/</c> replaces the controller's.
    /// </summary>
    public static string Combine(string controllerTemplate, string? actionTemplate)
    {
        if (actionTemplate is null)
        {
            return controllerTemplate;
        }

        if (actionTemplate.StartsWith('/') || actionTemplate.StartsWith("~/", StringComparison.Ordinal))
        {
            return actionTemplate.StartsWith('~') ? actionTemplate[1..] : actionTemplate;
        }

        return Join(controllerTemplate, actionTemplate);
    }

    /// <summary>Replaces MVC's <c>[controller]</c>, <c>[action]</c> and <c>[area]</c> tokens (case-insensitive).</summary>
    public static string? ReplaceTokens(string template, IReadOnlyDictionary<string, string> values)
    {
        var builder = new StringBuilder(template.Length);
        for (var index = 0; index < template.Length; index++)
        {
            var character = template[index];
            if (character != '[')
            {
                builder.Append(character);
                continue;
            }

            if (index + 1 < template.Length && template[index + 1] == '[')
            {
                builder.Append('[');
                index++;
                continue;
            }

            var end = template.IndexOf(']', index);
            if (end < 0)
            {
                return null;
            }

            var token = template[(index + 1)..end];
            if (!values.TryGetValue(token, out var value))
            {
                // A token MVC would reject or that this locator does not know: the route is unknown.
                return null;
            }

            builder.Append(value);
            index = end;
        }

        return builder.ToString();
    }

    private static void AppendSegment(StringBuilder builder, string segment)
    {
        for (var index = 0; index < segment.Length; index++)
        {
            var character = segment[index];
            if (character != '{')
            {
                builder.Append(char.ToLowerInvariant(character));
                continue;
            }

            var end = ParameterEnd(segment, index);
            var parameter = segment[(index + 1)..end].TrimStart('*');
            var nameEnd = parameter.IndexOfAny([':', '=', '?']);
            var name = nameEnd < 0 ? parameter : parameter[..nameEnd];
            builder.Append('{').Append(name.Trim().ToLowerInvariant()).Append('}');
            index = end;
        }
    }

    /// <summary>The closing brace of the parameter opened at <paramref name="start"/>; constraints may nest braces.</summary>
    private static int ParameterEnd(string segment, int start)
    {
        var depth = 0;
        for (var index = start; index < segment.Length; index++)
        {
            if (segment[index] == '{')
            {
                depth++;
            }
            else if (segment[index] == '}' && --depth == 0)
            {
                return index;
            }
        }

        return segment.Length - 1;
    }
}
