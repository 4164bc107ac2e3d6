using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Agencies;

/// <summary>
/// Content belongs to an agency (集约化): the item follows its latest version's 发布机构, and staff see, review and
/// publish their own agency's items only — even when a department of another agency has the same code (办公室, bgs).
/// </summary>
public sealed class ContentAgencyAccessTests
{
    private const string Yongning = SampleContent.Agency;
    private const string Yijinhuoluo = "150627-103";

    private static readonly Actor YongningOffice = new("office", new HashSet<string> { RoleNames.InformationOffice }) { AgencyCode = Yongning };
    private static readonly Actor YongningEditor = new("editor", new HashSet<string> { RoleNames.Editor }, "bgs") { AgencyCode = Yongning };
    private static readonly Actor InstallationOffice = new("office-all", new HashSet<string> { RoleNames.InformationOffice });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Staff_see_their_own_agencys_items_only(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "ours", Yongning);
        await DraftAsync(site, "theirs", Yijinhuoluo);

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(["ours"], await db.ContentItems.VisibleTo(YongningOffice).Select(i => i.ContentItemId).ToListAsync());
            Assert.Equal(["ours"], await db.ContentItems.VisibleTo(YongningEditor).Select(i => i.ContentItemId).ToListAsync());
            Assert.Equal(["ours"], await db.ContentVersions.VisibleTo(YongningOffice).Select(v => v.Item.ContentItemId).ToListAsync());
            Assert.Equal(2, await db.ContentItems.VisibleTo(InstallationOffice).CountAsync());

            var theirs = await db.ContentItems.SingleAsync(i => i.ContentItemId == "theirs");
            Assert.False(ContentAccess.MaySee(YongningOffice, theirs));
            Assert.False(ContentAccess.MaySee(YongningEditor, theirs)); // the same department code, another agency
            Assert.True(ContentAccess.MaySee(InstallationOffice, theirs));
            return 0;
        });

        // Acting on it by id is refused as if it did not exist.
        await Assert.ThrowsAsync<ContentNotFoundException>(() =>
            site.InScopeAsync(sp => sp.GetRequiredService<WorkflowService>().WithdrawAsync("theirs", YongningOffice, "不是本机构的")));
        await Assert.ThrowsAsync<ContentNotFoundException>(() =>
            site.InScopeAsync(sp => sp.GetRequiredService<WorkflowService>().PublishAsync("theirs", YongningOffice)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_item_follows_its_latest_publishing_agency(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "moved", Yongning);
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().SaveDraftAsync("moved", WithAgency(Yijinhuoluo), "office-all"));

        Assert.Equal(Yijinhuoluo, await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems
            .Where(i => i.ContentItemId == "moved").Select(i => i.AgencyCode).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Staff_of_a_department_see_its_items_and_staff_without_one_the_office_own_items(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "office-own", Yongning, department: null); // e.g. the annual report: nobody's department
        await DraftAsync(site, "bgs-item", Yongning);
        var withoutDepartment = new Actor("editor-none", new HashSet<string> { RoleNames.Editor }) { AgencyCode = Yongning };

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(["bgs-item"], await db.ContentItems.VisibleTo(YongningEditor).Select(i => i.ContentItemId).ToListAsync());
            Assert.Equal(["bgs-item"], await db.ContentVersions.VisibleTo(YongningEditor).Select(v => v.Item.ContentItemId).ToListAsync());
            Assert.Equal(["office-own"], await db.ContentItems.VisibleTo(withoutDepartment).Select(i => i.ContentItemId).ToListAsync());
            Assert.Equal(["office-own"], await db.ContentVersions.VisibleTo(withoutDepartment).Select(v => v.Item.ContentItemId).ToListAsync());
            Assert.Equal(2, await db.ContentItems.VisibleTo(YongningOffice).CountAsync());
            return 0;
        });
    }

    private static ContentData WithAgency(string agency)
    {
        var data = SampleContent.Notice();
        data.Root["DisclosureMetadataPart"]!["Agency"] = agency;
        return data;
    }

    private static async Task<TestDatabase> NewSiteAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static async Task DraftAsync(TestDatabase site, string id, string agency, string? department = "bgs") =>
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", WithAgency(agency), "office-all", department, id));
}
