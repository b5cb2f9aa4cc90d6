using System.Globalization;

namespace OpenApiLint.Core.Rulesets;

/// <summary>Status-code keys as OpenAPI writes them: <c>201</c>, ranges <c>2XX</c>, and <c>default</c>.</summary>
public static class StatusCodes
{
    /// <summary>The key of the catch-all response.</summary>
    public const string Default = "default";

    /// <summary>Upper-cases range keys (<c>4xx</c> → <c>4XX</c>); leaves anything else as it is.</summary>
    public static string Normalize(string key) =>
        key.Length == 3 && (key[1] is 'x' || key[2] is 'x') ? key.ToUpperInvariant() : key;

    /// <summary>Whether <paramref name="key"/> is a code from 100 to 599.</summary>
    public static bool IsCode(string key) =>
        key.Length == 3 && key[0] is >= '1' and <= '5' && char.IsAsciiDigit(key[1]) && char.IsAsciiDigit(key[2]);

    /// <summary>Whether <paramref name="key"/> is a range key (<c>1XX</c> to <c>5XX</c>, upper case as OpenAPI requires).</summary>
    public static bool IsRange(string key) => key.Length == 3 && key[0] is >= '1' and <= '5' && key[1] == 'X' && key[2] == 'X';

    /// <summary>Whether a response key is valid: a code, a range, or <c>default</c>.</summary>
    public static bool IsValidKey(string key) => IsCode(key) || IsRange(key) || key == Default;

    /// <summary>The range a code or range belongs to (<c>404</c> → <c>4XX</c>); <c>null</c> for anything else.</summary>
    public static string? RangeOf(string key) => IsCode(key) || IsRange(Normalize(key)) ? Ranges[key[0] - '1'] : null;

    /// <summary>The range keys by first digit: <see cref="RangeOf"/> runs for every response of every rule, and makes no string.</summary>
    private static readonly string[] Ranges = ["1XX", "2XX", "3XX", "4XX", "5XX"];

    /// <summary>Whether the status key is an error (4xx or 5xx code or range).</summary>
    public static bool IsError(string key) => (IsCode(key) || IsRange(Normalize(key))) && key[0] is '4' or '5';

    /// <summary>Whether <paramref name="allowedEntry"/> (a code or a range) covers <paramref name="key"/>.</summary>
    public static bool Covers(string allowedEntry, string key) =>
        string.Equals(allowedEntry, key, StringComparison.OrdinalIgnoreCase) || (IsRange(allowedEntry) && RangeOf(key) == allowedEntry && IsCode(key));

    /// <summary>
    /// Whether an allowed list lets a document declare <paramref name="key"/>: an entry covers it, or, for a range key
    /// under <see cref="RangeAllowance.AnyCodeInRange"/>, any allowed code of the range does.
    /// </summary>
    public static bool IsAllowed(string key, IReadOnlyList<string> allowed, RangeAllowance rangeAllowance)
    {
        if (allowed.Any(entry => Covers(entry, key)))
        {
            return true;
        }

        return IsRange(key) && rangeAllowance == RangeAllowance.AnyCodeInRange && allowed.Any(entry => RangeOf(entry) == key);
    }

    /// <summary>Sorts keys as people read them: codes and ranges by number, <c>default</c> last.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create(static (a, b) =>
    {
        static (int Group, string Key) Rank(string key) => key == Default ? (2, key) : IsCode(key) || IsRange(key) ? (0, key) : (1, key);
        var (ga, ka) = Rank(a);
        var (gb, kb) = Rank(b);
        return ga != gb ? ga.CompareTo(gb) : string.Compare(ka, kb, StringComparison.Ordinal);
    });

    /// <summary>Formats a list of codes for messages: <c>201, 400, 401</c>.</summary>
    public static string Join(IEnumerable<string> keys) => string.Join(", ", keys.Order(Order));

    internal static int Number(string code) => int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture);
}
