using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text;
using OpenApiLint.SourceLocations;

namespace OpenApiLint.Bench;

/// <summary>
/// What locating findings in the C# adds to a lint: a generated ASP.NET Core project (minimal-API groups in
/// extension methods, typed results, Produces calls, and attribute-routed controllers) written to disk, then parsed,
/// indexed and asked for every operation and code, against the shared frameworks as a web project references them.
/// The first round runs on a cold process (Roslyn's JIT included), as the first build on a machine does.
/// <c>--shipped PACKAGE.nupkg|FOLDER</c> measures the assemblies as a package ships them (see <see cref="Shipped"/>).
/// </summary>
internal static class LocateCommand
{
    public static int Run(string[] args)
    {
        var shipped = Array.IndexOf(args, "--shipped");
        if (shipped >= 0 && shipped + 1 < args.Length)
        {
            return Shipped(args[shipped + 1], [.. args[..shipped], .. args[(shipped + 2)..]]);
        }

        var endpoints = Option(args, "--endpoints", 200);
        var files = Option(args, "--files", 50);
        var repeat = Option(args, "--repeat", 10);
        // Files that declare no endpoint (models, services), as most of a real web project: the text filter skips them.
        var models = Option(args, "--models", 0);
        var folder = Path.Combine(Path.GetTempPath(), "openapi-lint-locate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (paths, operations) = Generate(folder, endpoints, files, models);
            var references = ProjectSources.RunningFrameworkAssemblies();
            var rounds = new List<(double Parse, double Index, double Locate, int Located)>();
            var cpu = new List<double>();
            var jit = new List<(long Methods, double Ms)>();
            // The harness's own lists are JIT-compiled here, before the count starts, not in the first stage it counts.
            jit.Add(Jitted());
            jit.Clear();
            jit.Add(Jitted());
            var parsedFiles = 0;
            for (var round = 0; round < repeat; round++)
            {
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var sources = ProjectSources.Load(paths, references);
                var parsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                jit.Add(Jitted());
                parsedFiles = sources.Trees.Count;
                start = Stopwatch.GetTimestamp();
                var locator = SourceLocator.Create(sources);
                var indexed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                jit.Add(Jitted());
                start = Stopwatch.GetTimestamp();
                var located = 0;
                foreach (var (method, path, code) in operations)
                {
                    located += locator.Locate(method, path, code) is null ? 0 : 1;
                }

                rounds.Add((parsed, indexed, Stopwatch.GetElapsedTime(start).TotalMilliseconds, located));
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
            }

            var warm = rounds.Skip(1).ToArray();
            JsonLines.Write(new
            {
                endpoints,
                files = paths.Count,
                parsedFiles,
                references = references.Count,
                lookups = operations.Count,
                located = rounds[0].Located,
                coldMs = new { parse = Round(rounds[0].Parse), index = Round(rounds[0].Index), locate = Round(rounds[0].Locate), total = Round(rounds[0].Parse + rounds[0].Index + rounds[0].Locate) },
                warmMedianMs = warm.Length == 0 ? null : new
                {
                    parse = Stats.Median(warm.Select(r => r.Parse)),
                    index = Stats.Median(warm.Select(r => r.Index)),
                    locate = Stats.Median(warm.Select(r => r.Locate)),
                    total = Stats.Median(warm.Select(r => r.Parse + r.Index + r.Locate)),
                },
                // CPU time is what a loaded machine does not distort: wall time waits for other processes too.
                cpuMs = new { cold = Round(cpu[0]), warmMedian = cpu.Count > 1 ? Stats.Median(cpu.Skip(1)) : (double?)null },
                // Methods compiled at run time (not precompiled ReadyToRun) in each stage of the first round, and their JIT time.
                jitCold = new
                {
                    parse = new { methods = jit[1].Methods - jit[0].Methods, ms = Round(jit[1].Ms - jit[0].Ms) },
                    index = new { methods = jit[2].Methods - jit[1].Methods, ms = Round(jit[2].Ms - jit[1].Ms) },
                },
                assemblies = LoadedFrom(typeof(SourceLocator), typeof(Microsoft.CodeAnalysis.SyntaxTree), typeof(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree)),
                process = ProcessStats.Capture(),
            });
            return rounds[0].Located == operations.Count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <paramref name="files"/> files holding <paramref name="endpoints"/> endpoints, four per file: four in five files
    /// are minimal-API groups, one in five a controller. Returns the files and every (method, path, code) to ask for.
    /// </summary>
    private static (IReadOnlyList<string> Paths, IReadOnlyList<(string Method, string Path, string? Code)> Operations) Generate(string folder, int endpoints, int files, int models)
    {
        var perFile = Math.Max(1, endpoints / files);
        var paths = new List<string>();
        var operations = new List<(string, string, string?)>();
        var program = new StringBuilder("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            var app = WebApplication.CreateBuilder(args).Build();
            var api = app.MapGroup("/api");

            """);
        for (var file = 0; file < files; file++)
        {
            var text = new StringBuilder();
            var name = string.Create(CultureInfo.InvariantCulture, $"Area{file}");
            if (file % 5 == 4)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""
                    using Microsoft.AspNetCore.Http;
                    using Microsoft.AspNetCore.Mvc;
                    [ApiController]
                    [Route("api/[controller]")]
                    [ProducesResponseType(StatusCodes.Status500InternalServerError)]
                    public sealed class {{name}}Controller : ControllerBase
                    {

                    """);
                for (var action = 0; action < perFile; action++)
                {
                    text.Append(CultureInfo.InvariantCulture, $$"""
                            [HttpGet("items{{action}}/{id:int}")]
                            [ProducesResponseType<Item>(StatusCodes.Status200OK)]
                            [ProducesResponseType(404)]
                            public ActionResult<Item> Get{{action}}(int id) => new Item(id);

                        """);
                    var path = $"/api/{name}/items{action}/{{id}}";
                    operations.AddRange([("get", path, null), ("get", path, "200"), ("get", path, "404"), ("get", path, "500")]);
                }

                text.Append("}\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $$"""
                    using Microsoft.AspNetCore.Builder;
                    using Microsoft.AspNetCore.Http;
                    using Microsoft.AspNetCore.Http.HttpResults;
                    using Microsoft.AspNetCore.Routing;
                    static class {{name}}Endpoints
                    {
                        public static RouteGroupBuilder Map{{name}}(this IEndpointRouteBuilder routes)
                        {
                            var group = routes.MapGroup("/{{name.ToLowerInvariant()}}");

                    """);
                for (var endpoint = 0; endpoint < perFile; endpoint++)
                {
                    var verb = (endpoint % 4) switch { 0 => "Get", 1 => "Post", 2 => "Put", _ => "Delete" };
                    var route = string.Create(CultureInfo.InvariantCulture, $"/items{endpoint}/{{id:int}}");
                    var handler = verb switch
                    {
                        "Get" => "Results<Ok<Item>, NotFound> (int id) => id > 0 ? TypedResults.Ok(new Item(id)) : TypedResults.NotFound()",
                        "Post" => "(int id, Item item) => TypedResults.Created($\"/items/{id}\", item)",
                        _ => "(int id) => TypedResults.NoContent()",
                    };
                    text.Append(CultureInfo.InvariantCulture, $"        group.Map{verb}(\"{route}\", {handler}).ProducesProblem(StatusCodes.Status409Conflict);\n");
                    var path = $"/api/{name.ToLowerInvariant()}/items{endpoint}/{{id}}";
                    var method = verb.ToLowerInvariant();
                    string[] codes = verb switch { "Get" => ["200", "404", "409"], "Post" => ["201", "409"], _ => ["204", "409"] };
                    operations.Add((method, path, null));
                    operations.AddRange(codes.Select(code => (method, path, (string?)code)));
                }

                text.Append("        return group;\n    }\n}\n");
                program.Append(CultureInfo.InvariantCulture, $"api.Map{name}();\n");
            }

            var filePath = Path.Combine(folder, name + ".cs");
            File.WriteAllText(filePath, text.ToString());
            paths.Add(filePath);
        }

        for (var model = 0; model < models; model++)
        {
            var modelPath = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"Model{model}.cs"));
            File.WriteAllText(modelPath, string.Create(CultureInfo.InvariantCulture, $$"""
                namespace Shop.Model;

                /// <summary>A model and the service that works on it.</summary>
                public sealed record Order{{model}}(int Id, string Name, decimal Price, DateTime Created);

                public sealed class Order{{model}}Service(IList<Order{{model}}> store)
                {
                    public Order{{model}}? Find(int id) => store.FirstOrDefault(order => order.Id == id);

                    public IEnumerable<Order{{model}}> Cheaper(decimal price)
                    {
                        foreach (var order in store)
                        {
                            if (order.Price < price)
                            {
                                yield return order;
                            }
                        }
                    }
                }

                """));
            paths.Add(modelPath);
        }

        program.Append("app.Run();\npublic sealed record Item(int Id);\n");
        var programPath = Path.Combine(folder, "Program.cs");
        File.WriteAllText(programPath, program.ToString());
        paths.Add(programPath);
        return (paths, operations);
    }

    /// <summary>
    /// Runs the command again with the locator and Roslyn loaded from the task folder of a packed MSBuild package (the
    /// <c>.nupkg</c>'s <c>tasks/net10.0</c>, or that folder unpacked), in a load context of their own that prefers that
    /// folder, as MSBuild loads a task: what a build pays, not what this harness's own ReadyToRun publish would.
    /// </summary>
    private static int Shipped(string source, string[] args)
    {
        var folder = source;
        string? unpacked = null;
        if (File.Exists(source))
        {
            unpacked = Path.Combine(Path.GetTempPath(), "openapi-lint-shipped-" + Guid.NewGuid().ToString("N"));
            using (var package = ZipFile.OpenRead(source))
            {
                foreach (var entry in package.Entries.Where(entry => entry.FullName.StartsWith("tasks/", StringComparison.Ordinal) && entry.Name.Length > 0))
                {
                    var target = Path.Combine(unpacked, entry.FullName);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }

            folder = Directory.GetDirectories(Path.Combine(unpacked, "tasks")).Single();
        }

        try
        {
            var context = new TaskFolderLoadContext(folder);
            var harness = context.LoadFromAssemblyPath(typeof(LocateCommand).Assembly.Location);
            var run = harness.GetType(typeof(LocateCommand).FullName!, throwOnError: true)!.GetMethod(nameof(Run), BindingFlags.Public | BindingFlags.Static)!;
            return (int)run.Invoke(null, [args])!;
        }
        finally
        {
            if (unpacked is not null)
            {
                Directory.Delete(unpacked, recursive: true);
            }
        }
    }

    /// <summary>Assemblies found in the task's folder come from there; the rest (the framework) from the default context.</summary>
    private sealed class TaskFolderLoadContext(string folder) : AssemblyLoadContext("OpenApiLint task folder")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) && name.Name != typeof(LocateCommand).Assembly.GetName().Name ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>Where each assembly was loaded from and whether it carries ReadyToRun code, so a figure says what it measured.</summary>
    private static object[] LoadedFrom(params Type[] types) => types
        .Select(type => type.Assembly)
        .Select(assembly => (object)new { name = assembly.GetName().Name, assembly.Location, readyToRun = IsReadyToRun(assembly.Location) })
        .ToArray();

    private static bool IsReadyToRun(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static (long Methods, double Ms) Jitted() =>
        (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Round(double value) => Math.Round(value, 1);
}
