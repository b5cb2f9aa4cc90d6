using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Tests.Rulesets;

/// <summary>The range a status key belongs to, which the rules and rulesets ask for every response.</summary>
[TestFixture]
public sealed class StatusCodesTests
{
    [TestCase("100", "1XX")]
    [TestCase("204", "2XX")]
    [TestCase("301", "3XX")]
    [TestCase("404", "4XX")]
    [TestCase("599", "5XX")]
    [TestCase("4XX", "4XX")]
    [TestCase("5xx", "5XX")]
    [TestCase("2xX", "2XX")]
    [TestCase("600", null)]
    [TestCase("099", null)]
    [TestCase("6XX", null)]
    [TestCase("default", null)]
    [TestCase("20", null)]
    [TestCase("2000", null)]
    [TestCase("", null)]
    public void RangeOf_IsTheRangeOfACodeOrRange(string key, string? range) =>
        Assert.That(StatusCodes.RangeOf(key), Is.EqualTo(range));
}
