using System.CommandLine;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Cli.Commands;

/// <summary><c>rules</c>: every rule's id, default severity, name and title.</summary>
internal static class RulesCommand
{
    public static (Command Command, string[] Examples) Create(CliConsole console)
    {
        var command = new Command("rules", "List every rule: id, default severity, name and title.");
        command.SetAction(_ => Execute(console));
        return (command,
        [
            "dotnet openapi-lint rules",
            "dotnet openapi-lint explain OAL0003",
        ]);
    }

    public static int Execute(CliConsole console)
    {
        var nameWidth = RuleCatalog.All.Max(rule => rule.Descriptor.Name.Length);
        console.Out.WriteLine($"{"ID",-9}{"SEVERITY",-10}{"NAME".PadRight(nameWidth + 2)}TITLE");
        foreach (var descriptor in RuleCatalog.All.Select(rule => rule.Descriptor))
        {
            console.Out.WriteLine($"{descriptor.Id,-9}{descriptor.DefaultSeverity.ToName(),-10}{descriptor.Name.PadRight(nameWidth + 2)}{descriptor.Title}");
        }

        return ExitCodes.Success;
    }
}
