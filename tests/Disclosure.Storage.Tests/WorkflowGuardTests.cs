using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// Guards of the review chain, each pinned by a test that fails when that one guard is removed (checked by
/// deleting it): every other check that could also stop the action is kept out of the way on purpose.
/// </summary>
public sealed class WorkflowGuardTests
{
    private static readonly Actor Editor = new("editor", new HashSet<string> { RoleNames.Editor }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });
    private static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Publishing_refuses_a_version_changed_since_approval_even_when_its_own_hash_was_recomputed(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "approved", "editor");
        await ApproveAllAsync(site, "approved");

        // The data and its recorded hash agree with each other (ContentManager's own check passes); only the
        // comparison with the hash approved by the reviewers can tell.
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var version = await db.ContentVersions.SingleAsync();
            version.DataJson = version.DataJson.Replace("冬季", "春季");
            version.ContentHash = ContentData.Parse(version.DataJson).ComputeHash(version.ContentType);
            await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<ContentIntegrityException>(() => Workflow(site, w => w.PublishAsync("approved", Office)));
        Assert.Contains("与审核通过时的内容不一致", refused.Message);
        Assert.Equal(ContentStatus.Approved, await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions.Select(v => v.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_drafter_may_not_approve_even_when_someone_else_submitted(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "drafted-by-head", "head");
        var review = await Workflow(site, w => w.SubmitAsync("drafted-by-head", Editor));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Head, "同意")));
        Assert.Contains("不能审核自己起草或上报的内容", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_submitter_may_not_approve_even_what_someone_else_drafted(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "submitted-by-chief", "editor");
        // A 科长 who is both 信息员 and 初审人 of the department: they may submit the draft, not also pass it.
        var chief = new Actor("chief", new HashSet<string> { RoleNames.Editor, RoleNames.DepartmentReviewer }, "zhzx");
        var review = await Workflow(site, w => w.SubmitAsync("submitted-by-chief", chief));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, chief, "同意")));
        Assert.Contains("不能审核自己起草或上报的内容", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_emergency_publisher_may_not_be_the_drafter(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "leaders-own", "leader");

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.EmergencyPublishAsync("leaders-own", Leader, "舆情紧急")));
        Assert.Contains("不能审批自己起草的内容", refused.Message);
        Assert.Equal(ContentStatus.Draft, await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions.Select(v => v.Status).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_scheduled_publication_waits_for_its_time(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-30");
        await using var site = await NewSiteAsync(engine, clock);
        await DraftAsync(site, "scheduled", "editor");
        await ApproveAllAsync(site, "scheduled");
        await Workflow(site, w => w.ScheduleAsync("scheduled", clock.Now.AddHours(2), Office));

        clock.Now = clock.Now.AddHours(2).AddSeconds(-1);
        Assert.Equal(0, await Workflow(site, w => w.PublishDueAsync()));
        Assert.Equal(ContentStatus.Scheduled, await StatusAsync(site));

        clock.Now = clock.Now.AddSeconds(1);
        Assert.Equal(1, await Workflow(site, w => w.PublishDueAsync()));
        Assert.Equal(ContentStatus.Published, await StatusAsync(site));
    }

    private static async Task<TestDatabase> NewSiteAsync(DatabaseProvider engine, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<ContentVersionRecord> DraftAsync(TestDatabase site, string id, string user) =>
        site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), user, "zhzx", id));

    private static Task<ContentStatus> StatusAsync(TestDatabase site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions.Select(v => v.Status).SingleAsync());

    private static async Task ApproveAllAsync(TestDatabase site, string id)
    {
        var review = await Workflow(site, w => w.SubmitAsync(id, Editor));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null));
        await Workflow(site, w => w.ApproveAsync(review.Id, Leader, null));
    }

    private static Task<T> Workflow<T>(TestDatabase site, Func<WorkflowService, Task<T>> action) =>
        site.InScopeAsync(sp => action(sp.GetRequiredService<WorkflowService>()));
}
