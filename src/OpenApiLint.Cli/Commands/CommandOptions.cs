using System.CommandLine;
using System.CommandLine.Parsing;

namespace OpenApiLint.Cli.Commands;

/// <summary>Option helpers shared by the commands.</summary>
internal static class CommandOptions
{
    /// <summary>
    /// Restricts an option to <paramref name="values"/> (case-insensitive), with a one-line message naming them all,
    /// and offers them to shell completion.
    /// </summary>
    public static Option<string> OneOf(this Option<string> option, string what, IReadOnlyList<string> values)
    {
        option.CompletionSources.Add([.. values]);
        option.Validators.Add(result => CheckOneOf(result, what, values));
        return option;
    }

    private static void CheckOneOf(OptionResult result, string what, IReadOnlyList<string> values)
    {
        var value = result.GetValueOrDefault<string>();
        if (value is not null && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            result.AddError($"unknown {what} '{value}': use {string.Join(", ", values)}");
        }
    }
}
