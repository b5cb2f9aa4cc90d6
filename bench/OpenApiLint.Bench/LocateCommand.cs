using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenApiLint.SourceLocations;

namespace OpenApiLint.Bench;

/// <summary>
/// What locating findings in the C# adds to a lint: a generated ASP.NET Core project (minimal-API groups in
/// extension methods, typed results, Produces calls, and attribute-routed controllers) written to disk, then parsed,
/// indexed and asked for every operation and code, against the shared frameworks as a web project references them.
/// The first round runs on a cold process (Roslyn's JIT included), as the first build on a machine does.
/// </summary>
internal static class LocateCommand
{
    public static int Run(string[] args)
    {
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
            var parsedFiles = 0;
            var cpu = new List<double>();
            for (var round = 0; round < repeat; round++)
            {
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var sources = ProjectSources.Load(paths, references);
                var parsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                parsedFiles = sources.Trees.Count;
                start = Stopwatch.GetTimestamp();
                var locator = SourceLocator.Create(sources);
                var indexed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                var located = operations.Count(operation => locator.Locate(operation.Method, operation.Path, operation.Code) is not null);
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

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Round(double value) => Math.Round(value, 1);
}
