using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using OpenApiLint.Cli.Commands;

namespace OpenApiLint.Cli;

/// <summary>
/// The command line: <c>lint</c>, <c>rulesets</c>, <c>rules</c>, <c>explain</c>, <c>init</c>, <c>--version</c> and
/// <c>--help</c> (with examples) on each. It parses arguments and calls Core; every failure, expected or not, ends as one
/// line on stderr and exit code 2.
/// </summary>
internal static class CliApplication
{
    /// <summary>The name the tool gives itself in reports and messages.</summary>
    public const string ToolName = "openapi-lint";

    /// <summary>The package version (<c>1.2.0</c>, <c>1.3.0-beta.1</c>), without a source revision.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>Runs one command line and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        try
        {
            var root = BuildCommandLine(console);
            var parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                console.WriteError($"{ParseErrorText(parse)} (see '{HelpHint(parse)}')");
                return ExitCodes.Failure;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                // Unexpected exceptions reach the handler below, which prints one line instead of a stack trace.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException error)
        {
            foreach (var line in error.Lines(console.WorkingDirectory))
            {
                console.Error.WriteLine(line);
            }

            return ExitCodes.Failure;
        }
        catch (UsageException error)
        {
            console.WriteError(error.Message);
            return ExitCodes.Failure;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.WriteError(OneLine(error.Message));
            return ExitCodes.Failure;
        }
        catch (Exception error)
        {
            var inner = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : error;
            console.WriteError($"unexpected {inner.GetType().Name}: {OneLine(inner.Message)} (please report this)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree, with the examples <c>--help</c> shows under each command.</summary>
    internal static RootCommand BuildCommandLine(CliConsole console)
    {
        var root = new RootCommand(
            "Lints the HTTP status codes, headers and bodies an OpenAPI document declares against a team's guideline.");
        var commands = new (Command Command, string[] Examples)[]
        {
            LintCommand.Create(console),
            RulesetsCommand.Create(console),
            RulesCommand.Create(console),
            ExplainCommand.Create(console),
            InitCommand.Create(console),
        };
        foreach (var (command, _) in commands)
        {
            root.Subcommands.Add(command);
        }

        var examples = commands.ToDictionary(entry => entry.Command, entry => entry.Examples);
        examples[root] =
        [
            "dotnet openapi-lint lint openapi.yaml",
            "dotnet openapi-lint lint specs/ --ruleset minimal-codes --format sarif --output lint.sarif",
            "dotnet openapi-lint init --extends minimal-codes --infer specs/",
            "dotnet openapi-lint explain OAL0001",
        ];

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!, examples);
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        return root;
    }

    /// <summary>
    /// <c>--version</c> prints this tool's version, whichever assembly started the process (System.CommandLine's own
    /// action reads the entry assembly, which in-process tests replace).
    /// </summary>
    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }

    private static string ParseErrorText(ParseResult parse)
    {
        // "Required command was not provided." is noise next to the real complaint about the word that was not understood.
        var messages = parse.Errors.Select(error => OneLine(error.Message)).Distinct().ToList();
        if (messages.Count > 1)
        {
            messages.RemoveAll(message => message.StartsWith("Required command was not provided", StringComparison.Ordinal));
        }

        return parse.Errors.Count == 1 && messages[0].StartsWith("Required command was not provided", StringComparison.Ordinal)
            ? "no command given: use lint, rulesets, rules, explain or init"
            : string.Join(" ", messages);
    }

    private static string HelpHint(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        return command is RootCommand ? "dotnet openapi-lint --help" : $"dotnet openapi-lint {command.Name} --help";
    }

    /// <summary>Folds a message onto one line: stderr gets one line per problem.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string ReadVersion()
    {
        var version = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(CliApplication).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
