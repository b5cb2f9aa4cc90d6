using System.CommandLine;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Cli.Commands;

/// <summary>
/// <c>explain ID</c>: what a rule checks, why (quoting the guideline through the ruleset in force), an example, and how
/// to fix a finding.
/// </summary>
internal static class ExplainCommand
{
    public static (Command Command, string[] Examples) Create(CliConsole console)
    {
        var id = new Argument<string>("rule") { Description = "A rule id (OAL0001) or name (status-code-not-allowed)." };
        var ruleset = new Option<string>("--ruleset", "-r")
        {
            Description = "Quote this ruleset's guideline. Default: the .openapi-lint.json of the current folder or above, else 'recommended'.",
            HelpName = "NAME|FILE",
        };
        var command = new Command("explain", "Explain a rule: what it checks, why, an example and how to fix it.");
        command.Arguments.Add(id);
        command.Options.Add(ruleset);
        command.SetAction(parse => Execute(parse.GetValue(id)!, parse.GetValue(ruleset), console));
        return (command,
        [
            "dotnet openapi-lint explain OAL0001",
            "dotnet openapi-lint explain status-code-not-allowed --ruleset minimal-codes",
        ]);
    }

    public static int Execute(string idOrName, string? rulesetArgument, CliConsole console)
    {
        var rule = RuleCatalog.Find(idOrName)
            ?? RuleCatalog.All.FirstOrDefault(candidate => candidate.Descriptor.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown rule '{idOrName}': see 'dotnet openapi-lint rules'");
        var descriptor = rule.Descriptor;
        var help = RuleHelp.For(rule);
        var ruleset = LoadRuleset(rulesetArgument, console);

        var output = console.Out;
        output.WriteLine($"{descriptor.Id} {descriptor.Name}: {descriptor.Title}");
        output.WriteLine($"Default severity: {descriptor.DefaultSeverity.ToName()}; in {ruleset.Name}: {ruleset.SeverityOf(descriptor.Id, descriptor.DefaultSeverity).ToName()}");
        output.WriteLine($"Help: {descriptor.HelpUri}");
        output.WriteLine();
        Section(output, RuleHelp.WhatItChecks, help.Section(RuleHelp.WhatItChecks));

        output.WriteLine($"Why ({ruleset.Name})");
        var rationales = RuleRationales.For(rule, ruleset);
        if (rationales.Count > 0)
        {
            if (ruleset.Source is not null)
            {
                output.WriteLine($"  Source: {ruleset.Source}");
            }

            foreach (var (subject, rationale) in rationales)
            {
                // A sentence inherited from (or written by) another file than the ruleset's own is cited by that file.
                // A sentence written only inside an override is known to the ruleset that override makes.
                var origin = ruleset.OriginOf(rationale)
                    ?? ruleset.Overrides.Select(over => ruleset.Apply(over.Patch, keepOverrides: false).OriginOf(rationale)).FirstOrDefault(found => found is not null);
                var cited = origin is not null && origin.Title != (ruleset.Title ?? ruleset.Name) ? $" (from “{origin.Title}”)" : "";
                output.WriteLine($"  - {subject}: {rationale}{cited}");
            }
        }
        else
        {
            output.WriteLine($"  {ruleset.Name} does not configure this rule.");
            var others = BuiltInRulesets.Names
                .Where(name => name != ruleset.Name && RulesetLoader.LoadBuiltIn(name).Ruleset is { } builtIn && RuleRationales.For(rule, builtIn).Count > 0)
                .ToArray();
            if (others.Length > 0)
            {
                output.WriteLine($"  Built-ins that do: {string.Join(", ", others)} (dotnet openapi-lint explain {descriptor.Id} --ruleset {others[0]}).");
            }
        }

        output.WriteLine();
        Section(output, RuleHelp.Example, help.Section(RuleHelp.Example));
        Section(output, RuleHelp.HowToFix, help.Section(RuleHelp.HowToFix));
        // A document ASP.NET Core generates at build time is fixed in the C# that generates it, not in obj/.
        output.WriteLine("In an ASP.NET Core project (a document generated at build time)");
        output.WriteLine($"  Fix the C#, not the generated file: {GeneratedDocumentFixes.ForRule(descriptor.Id)}.");
        output.WriteLine();
        return ExitCodes.Success;
    }

    private static Ruleset LoadRuleset(string? argument, CliConsole console)
    {
        var result = new RulesetResolver(argument, console.WorkingDirectory).ForFolder();
        return result.Ruleset ?? throw new InputException(result.Errors);
    }

    /// <summary>A titled section; <paramref name="markdown"/> (a help page's section) shown as plain text, indented.</summary>
    private static void Section(TextWriter output, string title, string markdown)
    {
        output.WriteLine(title);
        foreach (var line in RuleHelp.PlainText(markdown).Split('\n'))
        {
            output.WriteLine(line.Length == 0 ? "" : $"  {line}");
        }

        output.WriteLine();
    }
}
