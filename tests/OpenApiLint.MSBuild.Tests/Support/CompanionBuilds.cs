namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>
/// The two real builds the companion tests share: one web app built without its companion package
/// (<c>-p:WithCompanion=false</c>, see <see cref="TestProject.CompanionReference"/>), then with it.
/// </summary>
internal sealed class CompanionBuilds
{
    private CompanionBuilds(TestProject project, string documentPath)
    {
        Project = project;
        DocumentPath = documentPath;
        Without = project.Build("-p:WithCompanion=false");
        DocumentWithout = new GeneratedDocument(project.PathOf(documentPath));
        With = project.Build();
        DocumentWith = new GeneratedDocument(project.PathOf(documentPath));
    }

    public TestProject Project { get; }

    /// <summary>Where the app's document is generated, relative to the project.</summary>
    public string DocumentPath { get; }

    public CommandResult Without { get; }

    public GeneratedDocument DocumentWithout { get; }

    public CommandResult With { get; }

    public GeneratedDocument DocumentWith { get; }

    /// <summary>Builds <paramref name="project"/> without and then with the companion.</summary>
    public static CompanionBuilds Run(TestProject project, string documentPath) => new(project, documentPath);

    /// <summary>
    /// The error the build without the companion reports for a response that does not declare a header the framework
    /// sends with it, at the response's position in the generated document, ending with the C# fix.
    /// Given where the C# declares the code (<c>declared</c>: file and position), the finding is reported there, the
    /// document position kept at the end of the message (issue 13); without it, it stays at the document.
    /// </summary>
    public string MissingHeader(string path, string method, string code, string header, string ruleset, string fix, (string File, (int Line, int Column) At)? declared = null)
    {
        var (line, column) = DocumentWithout.ResponsePosition(path, method, code);
        var message = $"{method.ToUpperInvariant()} {path} {code} response does not declare the {header} header; {ruleset} requires {header} on {code} (generated from this project; in C#: {fix})";
        if (declared is not { } at)
        {
            return Project.Finding(DocumentPath, line, column, "error", "OAL0003", message);
        }

        var document = Project.PathOf(DocumentPath);
        var relative = Path.GetRelativePath(Project.Directory, document);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? document : relative;
        return Project.Finding(at.File, at.At.Line, at.At.Column, "error", "OAL0003", $"{message} ({shown}({line},{column}))");
    }
}
