using Disclosure.Web.Tests.Credit;
using Disclosure.Web.Tests.Enforcement;
using Disclosure.Web.Tests.Requests;

namespace Disclosure.Web.Tests;

// Booting a site (setup and demo recipes, the search index) is the costliest thing the web tests do, so the test
// classes that can live with each other's data share one site per collection instead of one per class. The classes of
// a collection run one after another; collections still run in parallel. A class whose changes others would see
// (a withdrawal, a publication that changes the demo's counts) is in a collection of its own kind, and a test that
// needs its own data creates it under its own name.

/// <summary>
/// The demo site for the classes that read it or change only what no other class of the collection counts (drafts,
/// accounts, keywords, an annual report draft): nothing published or withdrawn, so the demo's public counts hold.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoSiteGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "演示站点";
}

/// <summary>
/// A second demo site for the classes that publish or withdraw (the demo's public counts no longer hold after them).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishingSiteGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "演示站点（发布与撤回）";
}

/// <summary>One demo site on Kestrel and one Chromium for every browser test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "浏览器";
}

/// <summary>A second demo site and Chromium for the accessibility checks of every public page, the longest browser run.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityBrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "浏览器（无障碍检查）";
}

/// <summary>The 依申请公开 site (clock stopped at 2026-11-23) for the public, office and online-reply tests.</summary>
[CollectionDefinition(Name)]
public sealed class RequestSiteGroup : ICollectionFixture<RequestSiteFixture>
{
    public const string Name = "依申请公开站点";
}

/// <summary>The 双公示 site (clock at 2026-11-23) for the admin and public tests.</summary>
[CollectionDefinition(Name)]
public sealed class CreditSiteGroup : ICollectionFixture<CreditSiteFixture>
{
    public const string Name = "双公示站点";
}

/// <summary>The enforcement admin site (a clock a test moves and puts back) for the case and report tests.</summary>
[CollectionDefinition(Name)]
public sealed class AdminEnforcementSiteGroup : ICollectionFixture<AdminEnforcementSiteFixture>
{
    public const string Name = "执法公开管理站点";
}
