using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>Packs the package once for every test of the run.</summary>
[SetUpFixture]
public sealed class PackageFixture
{
    [OneTimeSetUp]
    public void PackOnce() => PackageFeed.Create();

    [OneTimeTearDown]
    public void CleanUp() => PackageFeed.Delete();
}
