using System.Text.RegularExpressions;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>A project whose OpenAPI document is served at run time only: the build says, once, that it linted nothing.</summary>
public sealed partial class RunTimeDocumentTests
{
    /// <summary>What <c>dotnet new webapi</c> writes (.NET 10): the document is served by MapOpenApi in Development.</summary>
    private const string WebApiTemplateProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }

        app.UseHttpsRedirection();
        var summaries = new[] { "Freezing", "Bracing", "Chilly", "Cool", "Mild", "Warm", "Balmy", "Hot", "Sweltering", "Scorching" };
        app.MapGet("/weatherforecast", () =>
        {
            return Enumerable.Range(1, 5).Select(index => new WeatherForecast(
                DateOnly.FromDateTime(DateTime.Now.AddDays(index)),
                Random.Shared.Next(-20, 55),
                summaries[Random.Shared.Next(summaries.Length)])).ToArray();
        })
        .WithName("GetWeatherForecast");
        app.Run();

        record WeatherForecast(DateOnly Date, int TemperatureC, string? Summary)
        {
            public int TemperatureF => 32 + (int)(TemperatureC / 0.5556);
        }
        """;

    [Test]
    public void A_dotnet_new_webapi_project_gets_one_warning_naming_the_package_that_generates_at_build_time_and_OpenApiLintEnabled_false_silences_it()
    {
        var project = TestProject.WebApp(
            "WeatherApi",
            WebApiTemplateProgram,
            $"""    <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{TestProject.AspNetCorePackagesVersion}" />""");

        var build = project.Build();
        var silenced = project.Build("-p:OpenApiLintEnabled=false");

        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.Zero, build.ToString);
            Assert.That(build.Findings.Select(line => AnyVersion().Replace(line, "Version=\"*\"")), Is.EqualTo(new[]
            {
                project.ProjectFinding("warning", "OAL9021", "OpenApiLint linted no OpenAPI document of WeatherApi: it references Microsoft.AspNetCore.OpenApi but generates no document at build time (a document served at run time, by MapOpenApi() or UseSwagger(), is never linted). To lint it on every build, add <PackageReference Include=\"Microsoft.Extensions.ApiDescription.Server\" Version=\"*\" PrivateAssets=\"all\" />; to silence this, set OpenApiLintEnabled to false."),
            }), build.ToString);
            Assert.That(build.Findings.Single(), Does.Match("Version=\"10\\.0\\.\\d+\""), build.ToString);
            Assert.That((silenced.ExitCode, silenced.Findings), Is.EqualTo((0, Array.Empty<string>())), silenced.ToString);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_Swashbuckle_project_is_told_what_Swashbuckle_turned_off(bool referencesApiDescriptionServer)
    {
        // Swashbuckle.AspNetCore brings Microsoft.Extensions.ApiDescription.Server (with its build files) but turns
        // OpenApiGenerateDocumentsOnBuild off, with or without a direct reference. Only the lint target runs: the
        // warning comes before anything is compiled or generated.
        var server = referencesApiDescriptionServer
            ? $"""    <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{TestProject.AspNetCorePackagesVersion}" PrivateAssets="all" />"""
            : "";
        var project = TestProject.WebApp(
            referencesApiDescriptionServer ? "SwaggerAtRunTimeWithServer" : "SwaggerAtRunTime",
            "var app = WebApplication.Create(args);\napp.Run();\n",
            $"""
                <PackageReference Include="Swashbuckle.AspNetCore" Version="{TestProject.SwashbuckleVersion}" />
            {server}
            """);

        var build = project.Build("-t:OpenApiLint");

        Assert.Multiple(() =>
        {
            Assert.That(build.ExitCode, Is.Zero, build.ToString);
            Assert.That(build.Findings.Select(line => AnyVersion().Replace(line, "Version=\"*\"")), Is.EqualTo(new[]
            {
                project.ProjectFinding("warning", "OAL9021", $"OpenApiLint linted no OpenAPI document of {project.Name}: it references Swashbuckle.AspNetCore but generates no document at build time (a document served at run time, by MapOpenApi() or UseSwagger(), is never linted). To lint it on every build, set <OpenApiGenerateDocumentsOnBuild>true</OpenApiGenerateDocumentsOnBuild>; to silence this, set OpenApiLintEnabled to false."),
            }), build.ToString);
        });
    }

    [GeneratedRegex("Version=\"[0-9.]+\"")]
    private static partial Regex AnyVersion();
}
