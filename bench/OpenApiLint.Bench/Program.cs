using OpenApiLint.Bench;

// A measuring harness over Core, until the command-line tool exists: every command prints JSON lines on stdout.
return args switch
{
    ["lint", .. var rest] => LintCommand.Run(rest),
    ["floor", .. var rest] => FloorCommand.Run(rest),
    ["stages", .. var rest] => StagesCommand.Run(rest),
    ["summarize", .. var rest] => SummarizeCommand.Run(rest),
    ["dump", .. var rest] => DumpCommand.Run(rest),
    ["memory", .. var rest] => MemoryCommand.Run(rest),
    ["locate", .. var rest] => LocateCommand.Run(rest),
    ["report", .. var rest] => ReportCommand.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: OpenApiLint.Bench <command> ...
          lint [--parallel N] [--timeout S] [--list FILE] [--summary-only] PATH...
                     lints files (folders are searched for .json/.yaml/.yml); one JSON line per file, then a summary line
          floor FILE [--repeat N]
                     JsonDocument.Parse of the file's bytes: the floor a whole lint is compared with
          stages FILE [--repeat N]
                     time of each loader stage (read, syntax, bundle, Microsoft.OpenApi, model, lint)
          memory FILE [--live] [--runner]
                     peak resident memory of one load, stage by stage, in a fresh process (--live: what is alive at each
                     stage's end, after a full collection; --runner: the tool's whole LintFile as one stage)
          dump OUTPUT-FOLDER PATH...
                     the model the rules see, one text file per document, for comparing two builds of the loader
          locate [--endpoints N] [--files N] [--models N] [--repeat N] [--shipped PACKAGE.nupkg|TASK-FOLDER]
                     what locating findings in a generated ASP.NET Core project's C# costs (cold, then warm); with
                     --shipped, with the locator and Roslyn the MSBuild package ships, loaded as MSBuild loads its task
          report FILE [--ruleset NAME] [--out HTML] [--retained] [--lint-only]
                     what the HTML report adds to a lint: time, CPU, allocations and peak memory of each stage
                     (--retained: what stays reachable after each, by a forced collection that changes the peak)
          summarize RESULTS.jsonl [--root DIR]
                     the human-readable corpus report from lint's JSON lines
        """);
    return 2;
}
