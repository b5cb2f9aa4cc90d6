using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Guidelines;

/// <summary>
/// <c>explain</c> quotes every sentence a built-in acts on for a rule: its code and method policies with the severity
/// each applies with, and what its per-method overrides add or lift, with the override's own sentence.
/// </summary>
[TestFixture]
public sealed class ExplainOverrideTests
{
    private static string[] Subjects(string ruleId, string builtIn) =>
        RuleRationales.For(RuleCatalog.Find(ruleId)!, Lint.BuiltIn(builtIn)).Select(entry => entry.Subject).ToArray();

    private static string RationaleOf(string ruleId, string builtIn, string subject) =>
        RuleRationales.For(RuleCatalog.Find(ruleId)!, Lint.BuiltIn(builtIn)).Single(entry => entry.Subject == subject).Rationale;

    [Test]
    public void Http_semantics_forbidden_bodies_include_the_head_override()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Subjects("OAL0004", "http-semantics"), Is.EqualTo(new[]
            {
                "204 must not declare a body (error)",
                "304 must not declare a body (error)",
                "HEAD: 200 must not declare a body (error)",
            }));
            Assert.That(RationaleOf("OAL0004", "http-semantics", "HEAD: 200 must not declare a body (error)"), Does.Contain(
                "\"head the entity-header fields corresponding to the requested resource are sent in the response without any message-body;\""));
        });
    }

    [Test]
    public void Http_semantics_expected_bodies_say_which_overrides_lift_them_and_why()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Subjects("OAL0005", "http-semantics"), Is.EqualTo(new[]
            {
                "200 should declare a body (never on HEAD) (warning)",
                "202 should declare a body (never on HEAD) (warning)",
                "307 should declare a body (never on HEAD) (warning)",
                "HEAD: lifts 200 should declare a body (never on HEAD) (warning)",
                "OPTIONS: lifts 200 should declare a body (never on HEAD) (warning)",
            }));
            Assert.That(RationaleOf("OAL0005", "http-semantics", "OPTIONS: lifts 200 should declare a body (never on HEAD) (warning)"), Does.StartWith(
                "\"The information returned with the response is dependent on the method used in the request, for example:\""));
        });
    }

    [Test]
    public void Minimal_codes_lists_the_delete_override_with_its_own_severity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Subjects("OAL0005", "minimal-codes"), Is.EqualTo(new[]
            {
                "200 should declare a body (never on HEAD) (warning)",
                "201 should declare a body (never on HEAD) (warning)",
                "500 should declare a body (never on HEAD) (info)",
                "DELETE: 200 should declare a body (never on HEAD) (info)",
                "OPTIONS: lifts 200 should declare a body (never on HEAD) (warning)",
            }));
            Assert.That(RationaleOf("OAL0005", "minimal-codes", "DELETE: 200 should declare a body (never on HEAD) (info)"), Does.StartWith(
                "\"200 can be returned after a successful execution, when there is a need for a content in the response.\""));
        });
    }

    [Test]
    public void Recommended_lists_its_head_and_options_overrides()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Subjects("OAL0004", "recommended"), Has.Member("HEAD: 200 must not declare a body (error)"));
            Assert.That(Subjects("OAL0005", "recommended"), Is.SupersetOf(new[]
            {
                "HEAD: lifts 200 should declare a body (never on HEAD) (warning)",
                "OPTIONS: lifts 200 should declare a body (never on HEAD) (warning)",
            }));
        });
    }

    [Test]
    public void A_ruleset_without_overrides_lists_only_its_policies()
    {
        Assert.That(Subjects("OAL0004", "platform-of-trust"), Is.EqualTo(new[]
        {
            "204 must not declare a body (error)",
            "304 must not declare a body (error)",
        }));
    }
}
