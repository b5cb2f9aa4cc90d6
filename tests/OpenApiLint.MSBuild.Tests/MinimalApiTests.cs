using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>The document ASP.NET Core generates at build time is linted like a checked-in one.</summary>
public sealed class MinimalApiTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.MapOpenApi();
        app.MapGet("/orders/{id}", (int id) => new Order(id, "book"));
        app.MapPost("/orders", (Order order) => Results.Ok(order)).Produces<Order>(200);
        app.Run();

        record Order(int Id, string Name);
        """;

    [Test]
    public void Generated_document_that_breaks_minimal_codes_fails_the_build_pointing_at_the_CSharp_and_into_it()
    {
        var project = TestProject.MinimalApi("MinimalApi", Program, "<OpenApiLintRuleset>minimal-codes</OpenApiLintRuleset>");

        var build = project.Build();

        Assert.That(build.ExitCode, Is.EqualTo(1), build.ToString);
        var generated = project.PathOf("obj/MinimalApi.json");
        Assert.That(File.Exists(generated), Is.True, $"ASP.NET Core should have generated {generated}: {build}");
        var (line, column) = PositionOfPost200(File.ReadAllLines(generated));
        var (codeLine, codeColumn) = SourceText.At(Program, "200)");
        Assert.That(build.Findings, Is.EqualTo(new[]
        {
            // A generated document is fixed in C# (issue 14: the message says how) and reported at the C# that declares
            // the code, the document position kept (issue 13).
            project.Finding("Program.cs", codeLine, codeColumn, "error", "OAL0001", $"POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500 (generated from this project; in C#: change what the endpoint declares (its TypedResults return type, .Produces…() or [ProducesResponseType]) to a code the ruleset allows, or suppress it on the endpoint with [OpenApiLintIgnore(\"OAL0001\", Justification = \"…\")] or .OpenApiLintIgnore(\"OAL0001\") (package OpenApiLint.AspNetCore)) (obj/MinimalApi.json({line},{column}))"),
        }), build.ToString);
        Assert.That(build.CountLines(project.LintedSummary(1, "minimal-codes", errors: 1, warnings: 0)), Is.EqualTo(1), build.ToString);
    }

    /// <summary>Where the generated text has the "200" key of POST /orders: found in the file, not assumed.</summary>
    private static (int Line, int Column) PositionOfPost200(string[] lines)
    {
        var path = Array.FindIndex(lines, text => text.TrimStart().StartsWith("\"/orders\":", StringComparison.Ordinal));
        var post = Array.FindIndex(lines, path + 1, text => text.TrimStart().StartsWith("\"post\":", StringComparison.Ordinal));
        var code = Array.FindIndex(lines, post + 1, text => text.TrimStart().StartsWith("\"200\":", StringComparison.Ordinal));
        Assert.That(new[] { path, post, code }, Has.All.GreaterThanOrEqualTo(0), string.Join(Environment.NewLine, lines));
        return (code + 1, lines[code].IndexOf('"', StringComparison.Ordinal) + 1);
    }
}
