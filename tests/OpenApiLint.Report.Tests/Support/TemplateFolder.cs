namespace OpenApiLint.Report.Tests.Support;

/// <summary>A fresh folder for a test's own template files, under the test run's work directory.</summary>
internal sealed class TemplateFolder
{
    private TemplateFolder(string path) => Path = path;

    public string Path { get; }

    public static TemplateFolder Create()
    {
        var path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "templates", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TemplateFolder(path);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="fileName"/> in the folder; returns its full path.</summary>
    public string Write(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }
}
