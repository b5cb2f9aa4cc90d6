using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Linting;

[TestFixture]
public sealed class TeamFileSearchTests
{
    [Test]
    public void The_search_starts_from_the_document_folder_unless_told_where()
    {
        using var folder = new TempFolder();
        folder.Write("project/.openapi-lint.json", """{ "name": "project-team" }""");
        var document = folder.Write("openapi/api.json", "{}");

        var fromDocument = new RulesetResolver(null).ForDocument(document);
        var fromProject = new RulesetResolver(null, teamFileSearchStart: System.IO.Path.Combine(folder.Path, "project")).ForDocument(document);

        Assert.Multiple(() =>
        {
            Assert.That(fromDocument.Ruleset?.Name, Is.EqualTo("recommended"));
            Assert.That(fromProject.Ruleset?.Name, Is.EqualTo("project-team"));
        });
    }
}
