using System.CommandLine;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Cli.Commands;

/// <summary><c>rulesets</c>: the built-in rulesets, the guideline each encodes and, per method, the codes it allows.</summary>
internal static class RulesetsCommand
{
    public static (Command Command, string[] Examples) Create(CliConsole console)
    {
        var command = new Command("rulesets", "List the built-in rulesets: their source guideline and, per method, the codes each allows.");
        command.SetAction(_ => Execute(console));
        return (command,
        [
            "dotnet openapi-lint rulesets",
            "dotnet openapi-lint lint openapi.yaml --ruleset platform-of-trust",
        ]);
    }

    public static int Execute(CliConsole console)
    {
        var output = console.Out;
        var first = true;
        foreach (var name in BuiltInRulesets.Names)
        {
            var ruleset = RulesetLoader.LoadBuiltIn(name).Ruleset
                ?? throw new InvalidOperationException($"built-in ruleset '{name}' does not load");
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            output.WriteLine(name == BuiltInRulesets.DefaultName ? $"{name} (default)" : name);
            if (ruleset.Title is not null)
            {
                output.WriteLine($"  title:  {ruleset.Title}");
            }

            if (ruleset.Source is not null)
            {
                output.WriteLine($"  source: {ruleset.Source}");
            }

            // Methods with a policy of their own, then every other method under '*' (or open).
            var methods = HttpMethods.Names
                .Select(method => (Method: method, Policy: ruleset.Methods.GetValueOrDefault(method)))
                .Where(entry => entry.Policy?.Allowed is not null)
                .ToList();
            var others = HttpMethods.Names.Where(method => !methods.Any(entry => entry.Method == method)).Select(method => method.ToUpperInvariant()).ToArray();
            var otherPolicy = ruleset.Methods.GetValueOrDefault(Ruleset.OtherMethods);
            if (methods.Count == 0 && otherPolicy?.Allowed is null)
            {
                output.WriteLine("  allowed codes: any, for every method");
            }
            else
            {
                output.WriteLine("  allowed codes:");
                foreach (var (method, policy) in methods)
                {
                    output.WriteLine($"    {method.ToUpperInvariant(),-8}{StatusCodes.Join(policy!.Allowed!)}{Required(policy)}");
                }

                if (others.Length > 0)
                {
                    var codes = otherPolicy?.Allowed is { } allowed ? StatusCodes.Join(allowed) + Required(otherPolicy) : "any code";
                    output.WriteLine($"    {"other",-8}{codes} ({string.Join(", ", others)})");
                }
            }

            if (ruleset.MaxDistinctCodes is { } cap)
            {
                output.WriteLine($"  at most {cap} distinct codes per document");
            }
        }

        return ExitCodes.Success;
    }

    private static string Required(MethodPolicy policy) =>
        policy.Required.Count > 0 ? $" (required: {StatusCodes.Join(policy.Required)})" : "";
}
