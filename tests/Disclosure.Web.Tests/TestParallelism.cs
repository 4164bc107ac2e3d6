using Xunit.Abstractions;

// xUnit starts as many test collections at a time as there are cores, and each collection runs its classes one after
// another, so the longest collections start first (LongestCollectionsFirst): a long one started last would finish
// alone. (Four at a time was tried: on two cores the suite is CPU-bound, and it took longer.)
[assembly: TestCollectionOrderer("Disclosure.Web.Tests.LongestCollectionsFirst", "Disclosure.Web.Tests")]

namespace Disclosure.Web.Tests;

/// <summary>
/// Starts the browser collections first (their classes take minutes in all), then the classes that take two minutes or
/// more on CI by themselves (a class without a collection is its own, "Test collection for {class}"), the rest in
/// xUnit's order. The test command prints the slowest classes at the end of each run; keep this list to their top.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        AccessibilityBrowserGroup.Name,
        BrowserGroup.Name,
        "Test collection for Disclosure.Web.Tests.Operations.ReadinessTests",
        "Test collection for Disclosure.Web.Tests.Accounts.AccountLifecycleTests",
        "Test collection for Disclosure.Web.Tests.ChangeFeedTests",
        "Test collection for Disclosure.Web.Tests.PublicSite.AgencySiteScopeOnEitherEngineTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var i and >= 0 ? i : Longest.Length);
}
