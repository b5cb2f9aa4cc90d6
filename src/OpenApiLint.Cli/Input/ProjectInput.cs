using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.SourceLocations;

namespace OpenApiLint.Cli.Input;

/// <summary>
/// <c>--project &lt;csproj&gt;</c>: the C# project whose endpoints the documents describe. Its C# files, references and
/// preprocessor symbols are those its build compiles with (asked of MSBuild); without paths, its documents are linted:
/// the OpenAPI documents in its folder and those ASP.NET Core generated into <c>obj/</c>.
/// </summary>
internal sealed class ProjectInput
{
    private ProjectInput(string file) => File = file;

    /// <summary>The project file's full path.</summary>
    public string File { get; }

    public string Directory => Path.GetDirectoryName(File)!;

    /// <summary>The project named by <paramref name="argument"/>: a project file, or a folder holding exactly one.</summary>
    public static ProjectInput Open(string argument, string workingDirectory)
    {
        var full = Path.GetFullPath(argument, workingDirectory);
        if (System.IO.Directory.Exists(full))
        {
            var projects = System.IO.Directory.GetFiles(full, "*.csproj");
            if (projects.Length != 1)
            {
                throw new InputException([new LoadError(full, 0, 0, projects.Length == 0 ? "no C# project file (.csproj) in this folder" : "more than one C# project file in this folder; name one")]);
            }

            full = projects[0];
        }

        if (!System.IO.File.Exists(full))
        {
            throw new InputException([new LoadError(full, 0, 0, "project file not found") { Code = LoadErrorCodes.ProjectNotLoaded }]);
        }

        if (!full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException([new LoadError(full, 0, 0, "not a C# project file (.csproj)") { Code = LoadErrorCodes.ProjectNotLoaded }]);
        }

        return new ProjectInput(full);
    }

    /// <summary>The documents of the project when no path is given: its folder's, and the generated ones in obj/.</summary>
    public IEnumerable<string> Documents()
    {
        var inFolder = InputExpander.ScanFolder(Directory);
        var obj = Path.Combine(Directory, "obj");
        var generated = System.IO.Directory.Exists(obj) ? System.IO.Directory.EnumerateFiles(obj, "*.json", InputExpander.FileOptions) : [];
        return inFolder.Concat(generated).Where(OpenApiSniffer.IsOpenApi).Distinct(InputExpander.PathComparer).Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// The locator over the project's C#: its <c>Compile</c> items, references and <c>DefineConstants</c> as MSBuild
    /// evaluates them (see <see cref="ProjectEvaluation"/>); a project that cannot be evaluated is bad input.
    /// </summary>
    public IDeclarationLocator Locator()
    {
        var evaluation = ProjectEvaluation.Evaluate(File);
        // A project whose references did not resolve still has its own code: names are resolved against the shared
        // frameworks the tool runs on, as a web project references them.
        var references = evaluation.References.Count > 0 ? evaluation.References : ProjectSources.RunningFrameworkAssemblies();
        return SourceLocator.Create(ProjectSources.Load(evaluation.CompileFiles, references, evaluation.DefineConstants));
    }
}
