using System.CommandLine;
using OpenApiLint.Cli.Input;
using OpenApiLint.Cli.Output;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Cli.Commands;

/// <summary>
/// <c>init</c>: writes <c>.openapi-lint.json</c> in the current folder, extending a built-in. With <c>--infer</c>, the
/// per-method allowed codes come from existing documents, so linting them afterwards reports no disallowed code.
/// Never replaces an existing file without <c>--force</c>.
/// </summary>
internal static class InitCommand
{
    public static (Command Command, string[] Examples) Create(CliConsole console)
    {
        var extends = new Option<string>("--extends")
        {
            Description = "The ruleset to build on: a built-in name or a ruleset file.",
            DefaultValueFactory = _ => BuiltInRulesets.DefaultName,
            HelpName = "NAME|FILE",
        };
        var infer = new Option<string[]>("--infer")
        {
            Description = "Derive each method's allowed codes from these documents (files, folders or globs).",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "DOC",
        };
        var force = new Option<bool>("--force") { Description = "Replace an existing .openapi-lint.json." };
        var name = new Option<string>("--name")
        {
            Description = "The ruleset's name, as messages show it ('orders-team allows …'). Default: from the folder's name.",
            HelpName = "NAME",
        };
        var command = new Command("init", $"Write a {RulesetLoader.TeamFileName} team ruleset in the current folder.");
        command.Options.Add(extends);
        command.Options.Add(infer);
        command.Options.Add(force);
        command.Options.Add(name);
        command.SetAction(parse => Execute(parse.GetValue(extends)!, parse.GetValue(infer), parse.GetValue(force), console, parse.GetValue(name)));
        return (command,
        [
            "dotnet openapi-lint init",
            "dotnet openapi-lint init --extends minimal-codes --name orders-team",
            "dotnet openapi-lint init --extends minimal-codes --infer openapi.yaml legacy/*.json",
            "dotnet openapi-lint init --infer specs/ --force",
        ]);
    }

    public static int Execute(string extends, IReadOnlyList<string>? inferFrom, bool force, CliConsole console, string? name = null)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw new UsageException("--name needs a name, such as orders-team");
        }

        var target = Path.Combine(console.WorkingDirectory, RulesetLoader.TeamFileName);
        if (File.Exists(target) && !force)
        {
            throw new UsageException($"{RulesetLoader.TeamFileName} already exists; use --force to replace it");
        }

        var baseRuleset = new RulesetResolver(extends, console.WorkingDirectory).ForFolder();
        if (baseRuleset.Ruleset is null)
        {
            throw new InputException(baseRuleset.Errors);
        }

        // A file is named relative to the new file, which sits in the working folder.
        var extendsText = BuiltInRulesets.Exists(extends) ? extends : "./" + FilePaths.Relative(console.FullPath(extends), console.WorkingDirectory);
        var documents = inferFrom is { Count: > 0 } ? LoadDocuments(inferFrom, console) : [];
        // Named, so messages say "orders-team allows …" rather than ".openapi-lint.json allows …".
        var rulesetName = name?.Trim() ?? InferredRuleset.NameFrom(Path.GetFileName(Path.TrimEndingDirectorySeparator(console.WorkingDirectory)));
        var inferred = InferredRuleset.Infer(extendsText, baseRuleset.Ruleset, documents) with { Name = rulesetName };
        var json = inferred.ToJson();

        // What is written must load, and must let the documents it came from through OAL0001.
        var check = RulesetLoader.LoadText(json, target, RuleCatalog.Ids);
        if (check.Ruleset is null)
        {
            throw new InputException(check.Errors);
        }

        var linter = new Linter();
        var stillDisallowed = documents
            .SelectMany(document => linter.Lint(document, check.Ruleset))
            .Count(diagnostic => diagnostic.RuleId == RuleIds.StatusCodeNotAllowed);

        ReportFile.Write(target, json, RulesetLoader.TeamFileName);
        var methods = inferred.Allowed.Count == 0 ? "" : $"; allowed codes for {string.Join(", ", inferred.Allowed.Keys.Select(method => method.ToUpperInvariant()))} from {documents.Count} document{(documents.Count == 1 ? "" : "s")}";
        console.Out.WriteLine($"Wrote {RulesetLoader.TeamFileName} ({rulesetName}, extends {extendsText}{methods}).");
        if (stillDisallowed > 0)
        {
            console.WriteWarning($"{stillDisallowed} disallowed code(s) remain: overrides in {extendsText} restrict some paths further");
        }

        return ExitCodes.Success;
    }

    private static IReadOnlyList<OpenApiLintDocument> LoadDocuments(IReadOnlyList<string> arguments, CliConsole console)
    {
        var inputs = InputExpander.Expand(arguments, console.WorkingDirectory);
        var loads = inputs.Files.AsParallel().AsOrdered().Select(OpenApiDocumentLoader.Load).ToArray();
        var errors = inputs.Problems.SelectMany(problem => problem.Errors).Concat(loads.Where(load => !load.Succeeded).Select(load => load.Error!)).ToArray();
        if (errors.Length > 0)
        {
            throw new InputException(errors);
        }

        return loads.Select(load => load.Document!).ToArray();
    }
}
