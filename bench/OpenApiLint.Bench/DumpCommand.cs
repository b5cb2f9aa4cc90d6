using System.Text;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Bench;

/// <summary>
/// Writes the model the rules see for each file, one canonical text file per document, so two builds of the loader
/// can be compared document by document (<c>diff -r</c>) before an optimisation is trusted.
/// </summary>
internal static class DumpCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("dump: give an output folder and files or folders");
            return 2;
        }

        var output = args[0];
        var files = args[1..].SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(file => DocumentFormats.Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            : [path]).Order(StringComparer.Ordinal).ToList();
        var root = Path.GetFullPath(args[1]);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var relative = Directory.Exists(args[1]) ? Path.GetRelativePath(root, Path.GetFullPath(file)) : Path.GetFileName(file);
            var target = Path.Combine(output, relative + ".model.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Describe(file));
        });
        Console.WriteLine($"dumped {files.Count} models to {output}");
        return 0;
    }

    public static string Describe(string file)
    {
        var text = new StringBuilder();
        var loaded = OpenApiDocumentLoader.Load(file);
        if (loaded.Document is not { } document)
        {
            return $"error {loaded.Error!.Message}\n";
        }

        string Set(IEnumerable<string>? values) => values is null ? "null" : "[" + string.Join(",", values.Order(StringComparer.Ordinal)) + "]";
        string Where(SourcePointer? place) => place is null ? "-" : $"{Path.GetFileName(place.File)}#{place.Pointer}";

        text.Append($"spec {document.SpecVersion} title {document.Title}\n");
        foreach (var operation in document.Operations)
        {
            text.Append($"op {operation.DisplayName} at {operation.Pointer} id={operation.OperationId} summary={operation.Summary} headers={Set(operation.RequestHeaders.Select(h => h.ToLowerInvariant()))} ignore={Set(operation.IgnoredRules)}\n");
            foreach (var response in operation.Responses)
            {
                text.Append($"  {response.StatusKey} at {response.Pointer} def={Where(response.Definition)} resolved={response.IsResolved} headers={Set(response.Headers.Select(h => h.ToLowerInvariant()))} media=[{string.Join(",", response.MediaTypes)}] props={Set(response.BodyPropertyNames)} ignore={Set(response.IgnoredRules)}\n");
            }
        }

        foreach (var site in document.References)
        {
            text.Append($"ref {Where(site.Site)} {site.Target} {site.Kind} {site.Problem}\n");
        }

        return text.ToString();
    }
}
