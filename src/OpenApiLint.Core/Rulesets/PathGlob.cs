using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// Glob patterns over OpenAPI path templates: <c>*</c> matches within one segment, <c>**</c> any number of segments,
/// <c>?</c> one character; everything else (including <c>{id}</c>) matches literally, ignoring case: ASP.NET Core
/// routes compare literal segments case-insensitively, so Swashbuckle's <c>/api/Products/{id}</c> (named after
/// <c>ProductsController</c>) is the route a team writes as <c>/api/products/**</c>.
/// </summary>
public static class PathGlob
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> matches <paramref name="pattern"/>, literal segments compared case-insensitively.</summary>
    public static bool IsMatch(string pattern, string path) => Cache.GetOrAdd(pattern, Compile).IsMatch(path);

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "/**" at the end also matches the bare prefix: "/legacy/**" matches "/legacy".
                var slashBefore = i > 0 && pattern[i - 1] == '/';
                if (slashBefore && regex[^1] == '/')
                {
                    regex.Length -= 1;
                    regex.Append("(/.*)?");
                }
                else if (!slashBefore && i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    // "**/items" matches "/items" and "/a/b/items", but not "/fooitems": the segment must start at a slash.
                    regex.Append("(.*/)?");
                    i++;
                }
                else
                {
                    regex.Append(".*");
                }

                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }
}
