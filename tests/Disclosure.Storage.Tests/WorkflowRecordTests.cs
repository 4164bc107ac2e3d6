using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// What each review action leaves behind, word for word: the 台账 entry an auditor reads (step, opinion, masks,
/// both hashes), the decision and finding records, and the zh-CN refusal a reviewer sees — on both engines.
/// </summary>
public sealed class WorkflowRecordTests
{
    private static readonly Actor Editor = new("editor", new HashSet<string> { RoleNames.Editor }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });
    private static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_decision_is_recorded_with_its_step_opinion_and_masks(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-30");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var site = await NewSiteAsync(engine, clock);
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: "秘密★1年\n\n联系人身份证号 11010519491231002X，手机 13812345678。"), "editor", "zhzx", "recorded"));

        var review = await Workflow(site, w => w.SubmitAsync("recorded", Editor));
        var findings = review.Findings.OrderBy(f => f.Index).ToList();
        Assert.Equal(["ClassificationMark", "ResidentId", "MobileNumber"], findings.Select(f => f.Kind));
        var (mark, id, phone) = (findings[0], findings[1], findings[2]);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, "  "));
        await Workflow(site, w => w.ResolveFindingAsync(mark.Id, Secrecy, FindingResolution.Mask, null));
        await Workflow(site, w => w.ResolveFindingAsync(id.Id, Secrecy, FindingResolution.Mask, "  "));
        await Workflow(site, w => w.ResolveFindingAsync(phone.Id, Secrecy, FindingResolution.Overridden, "  单位值班手机  "));
        var masked = await Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, "  已脱敏  "));
        await Workflow(site, w => w.ReturnAsync(review.Id, Leader, "  请补充发布依据  "));

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var hashes = await db.ContentVersions.OrderBy(v => v.Number).Select(v => v.ContentHash).ToListAsync();
            var ledger = await db.Ledger.OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(
                [
                    (ReviewLedgerActions.Submit, "editor", "自动扫描发现 3 处疑似敏感信息"),
                    (ReviewLedgerActions.Approve, "head", "初审：同意"),
                    (ReviewLedgerActions.Mask, "secrecy", $"{mark.Location}·{mark.Description}：拟脱敏为 （删除）"),
                    (ReviewLedgerActions.Mask, "secrecy", $"{id.Location}·{id.Description}：拟脱敏为 110105********002X"),
                    (ReviewLedgerActions.Override, "secrecy", $"{phone.Location}·{phone.Description}：单位值班手机"),
                    (ReviewLedgerActions.MaskAndApprove, "secrecy",
                        $"保密审查：脱敏后通过：已对 2 处敏感信息脱敏（第 1 版 → 第 2 版）；脱敏前哈希 {hashes[0]}，脱敏后哈希 {hashes[1]}；已脱敏"),
                    (ReviewLedgerActions.Return, "leader", "领导审批：请补充发布依据"),
                ],
                ledger.Select(e => (e.Action, e.Actor, e.Detail)));
            Assert.Equal([1, 1, 1, 1, 1, 2, 2], ledger.Select(e => e.VersionNumber));
            Assert.Equal([hashes[0], hashes[0], hashes[0], hashes[0], hashes[0], hashes[1], hashes[1]], ledger.Select(e => e.ContentHash));
            Assert.All(ledger, e => Assert.Equal("recorded", e.ContentItemId));

            var decisions = await db.Set<ReviewDecisionRecord>().Where(d => d.ReviewId == review.Id).OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(
                [
                    (0, ReviewDecision.Approved, "head", (string?)null),
                    (1, ReviewDecision.Approved, "secrecy", "脱敏后通过：已对 2 处敏感信息脱敏（第 1 版 → 第 2 版）。已脱敏"),
                    (2, ReviewDecision.Returned, "leader", "请补充发布依据"),
                ],
                decisions.Select(d => (d.StepIndex, d.Decision, d.UserName, d.Opinion)));
            Assert.All(decisions, d => Assert.Equal(now, d.DecidedUtc));

            var resolved = await db.Set<SecrecyFindingRecord>().Where(f => f.ReviewId == review.Id).OrderBy(f => f.Index).ToListAsync();
            Assert.Equal(
                [(FindingResolution.Mask, (string?)null), (FindingResolution.Mask, null), (FindingResolution.Overridden, "单位值班手机")],
                resolved.Select(f => (f.Resolution, f.Reason)));
            Assert.All(resolved, f => Assert.Equal(("secrecy", (DateTime?)now), (f.ResolvedBy, f.ResolvedUtc)));

            var returned = await db.Set<ReviewRecord>().SingleAsync();
            Assert.Equal((ReviewState.Returned, (DateTime?)now, 2), (returned.State, returned.CompletedUtc, returned.VersionNumber));
            Assert.Equal([ContentStatus.Archived, ContentStatus.Draft], await db.ContentVersions.OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        });
        Assert.Equal((2, now), (masked.CurrentStep, masked.CurrentStepSinceUtc));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_clean_submission_records_no_scan_note_and_a_finished_review_takes_no_more_decisions(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-30");
        await using var site = await NewSiteAsync(engine, clock);
        await DraftAsync(site, "clean");
        var review = await Workflow(site, w => w.SubmitAsync("clean", Editor));
        Assert.Empty(review.Findings);
        Assert.Equal((0, clock.GetUtcNow().UtcDateTime, ReviewState.InProgress, "editor"), (review.CurrentStep, review.SubmittedUtc, review.State, review.SubmittedBy));

        var notYet = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(long.MaxValue, Secrecy, FindingResolution.Mask, null)));
        Assert.Equal("该扫描结果不存在。", notYet.Message);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        clock.Now = clock.Now.AddHours(1);
        await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null));
        var approved = await Workflow(site, w => w.ApproveAsync(review.Id, Leader, " 同意发布 "));
        Assert.Equal((ReviewState.Approved, 3, (DateTime?)clock.GetUtcNow().UtcDateTime), (approved.State, approved.CurrentStep, approved.CompletedUtc));

        var finished = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ReturnAsync(review.Id, Office, "再看看")));
        Assert.Equal("该审核已结束。", finished.Message);
        var missing = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id + 1, Leader, null)));
        Assert.Equal("该审核记录不存在。", missing.Message);

        var ledger = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync());
        Assert.Equal([null, "初审：同意", "保密审查：同意", "领导审批：同意发布"], ledger);
        Assert.Equal(ContentStatus.Approved, await StatusAsync(site));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_a_draft_is_submitted_and_only_by_its_departments_editor_or_the_office(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "submitted");

        var reviewer = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.SubmitAsync("submitted", Head)));
        Assert.Equal("只有本部门的信息员或公开办可以上报。", reviewer.Message);
        var byOffice = await Workflow(site, w => w.SubmitAsync("submitted", Office));
        Assert.Equal("office", byOffice.SubmittedBy);

        var twice = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.SubmitAsync("submitted", Editor)));
        Assert.Equal("只有草稿可以上报，当前最新版本的状态为“审核中”。", twice.Message);
        var unknown = await Assert.ThrowsAsync<ContentNotFoundException>(() => Workflow(site, w => w.SubmitAsync("no-such-item", Editor)));
        Assert.Equal("内容“no-such-item”不存在。", unknown.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Finding_decisions_are_refused_with_the_reason_outside_the_secrecy_step(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: "联系人手机 13812345678。"), "editor", "zhzx", "early"));
        var review = await Workflow(site, w => w.SubmitAsync("early", Editor));
        var phone = Assert.Single(review.Findings);

        var atFirstStep = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(phone.Id, Head, FindingResolution.Mask, null)));
        Assert.Equal("当前步骤是“初审”，只有保密审查步骤可以处理扫描结果。", atFirstStep.Message);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        var undecided = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(phone.Id, Secrecy, FindingResolution.Open, "先放着")));
        Assert.Equal("请选择“脱敏”或“确认可公开”。", undecided.Message);
        var open = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null)));
        Assert.Equal("还有未处理的敏感信息：请对每一处选择“脱敏”或说明理由后“确认可公开”。", open.Message);

        // Let out with a reason, the finding no longer holds the step.
        await Workflow(site, w => w.ResolveFindingAsync(phone.Id, Secrecy, FindingResolution.Overridden, "单位值班手机"));
        var nothingToMask = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, null)));
        Assert.Equal("没有标记为脱敏的内容：请直接“通过”。", nothingToMask.Message);
        Assert.Equal(2, (await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null))).CurrentStep);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Scheduling_needs_a_later_time_and_records_it_in_Beijing_time(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-30");
        await using var site = await NewSiteAsync(engine, clock);
        await DraftAsync(site, "timed");
        await ApproveAllAsync(site, "timed");

        var now = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ScheduleAsync("timed", clock.Now, Office)));
        Assert.Equal("定时发布的时间必须晚于当前时间。", now.Message);
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.ScheduleAsync("timed", clock.Now.AddHours(1), Leader)));

        var when = clock.Now.AddMinutes(90); // 10:30 Beijing time, 02:30 UTC
        var scheduled = await Workflow(site, w => w.ScheduleAsync("timed", when, Office));
        Assert.Equal((ContentStatus.Scheduled, (DateTime?)when.UtcDateTime), (scheduled.Status, scheduled.ScheduledUtc));
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal((LedgerActions.Schedule, "office", "定于 2026-11-30 10:30 发布"), (entry.Action, entry.Actor, entry.Detail));

        // A scheduled version can still be published by hand before its time.
        Assert.Equal(ContentStatus.Published, (await Workflow(site, w => w.PublishAsync("timed", Office))).Status);
        Assert.Equal(0, await Workflow(site, w => w.PublishDueAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_emergency_publication_needs_a_reason_an_unpublished_version_and_another_submitter(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        var leaderEditor = new Actor("chief", new HashSet<string> { RoleNames.Editor, RoleNames.Leader }, "zhzx");
        await DraftAsync(site, "urgent");

        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.EmergencyPublishAsync("urgent", Leader, " ")));
        Assert.Equal("紧急发布必须填写审批意见（发布原因）。", noReason.Message);
        var notLeader = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.EmergencyPublishAsync("urgent", Office, "舆情紧急")));
        Assert.Equal("只有领导可以紧急发布。", notLeader.Message);

        // Submitted by a leader who is also an editor: that leader may not publish it in an emergency.
        await Workflow(site, w => w.SubmitAsync("urgent", leaderEditor));
        var ownSubmission = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.EmergencyPublishAsync("urgent", leaderEditor, "舆情紧急")));
        Assert.Equal("不能审批自己上报的内容。", ownSubmission.Message);

        var published = await Workflow(site, w => w.EmergencyPublishAsync("urgent", Leader, "  社会关注度高  "));
        Assert.Equal(ContentStatus.Published, published.Status);
        var decision = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ReviewDecisionRecord>().SingleAsync());
        Assert.Equal((2, "LeaderApproval", "leader", "紧急发布：社会关注度高"), (decision.StepIndex, decision.StepName, decision.UserName, decision.Opinion));
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == LedgerActions.EmergencyPublish));
        Assert.StartsWith("社会关注度高（起草至发布用时 0 小时 ", entry.Detail);
        Assert.EndsWith(" 分；其余审核步骤在发布后继续）", entry.Detail);

        var again = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.EmergencyPublishAsync("urgent", Leader, "再发一次")));
        Assert.Equal("当前版本的状态为“已发布”，不能紧急发布。", again.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_item_is_decided_and_published_on_its_own_review(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-30");
        await using var site = await NewSiteAsync(engine, clock);
        await DraftAsync(site, "first");
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice("关于调整窗口办公时间的通知"), "editor", "zhzx", "second"));
        await ApproveAllAsync(site, "first");
        await ApproveAllAsync(site, "second");

        // The first item is published on its own approval, not on the newer one of the second item.
        var notOffice = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.PublishAsync("first", Leader)));
        Assert.Equal("只有公开办可以发布。", notOffice.Message);
        Assert.Equal(ContentStatus.Published, (await Workflow(site, w => w.PublishAsync("first", Office))).Status);

        // The scheduler publishes under its own name.
        await Workflow(site, w => w.ScheduleAsync("second", clock.Now.AddHours(1), Office));
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(1, await Workflow(site, w => w.PublishDueAsync()));
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal((LedgerActions.Publish, "scheduler", "second"), (entry.Action, entry.Actor, entry.ContentItemId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_step_is_refused_to_the_wrong_role_and_to_another_department_even_for_office_wide_staff(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "departmental");
        var review = await Workflow(site, w => w.SubmitAsync("departmental", Editor));

        var wrongRole = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Leader, null)));
        Assert.Equal("“初审”需要由具有相应角色的人员审核。", wrongRole.Message);
        // A reviewer of another department who also holds an office-wide role sees the item, but 初审 stays with its department.
        var otherHeadAndOfficer = new Actor("head-xz", new HashSet<string> { RoleNames.DepartmentReviewer, RoleNames.SecrecyOfficer }, "xzdd");
        var otherDepartment = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.ApproveAsync(review.Id, otherHeadAndOfficer, null)));
        Assert.Equal("“初审”只能由本部门的人员审核。", otherDepartment.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_emergency_publication_opens_its_own_review_in_the_drafters_name_while_others_are_in_progress(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "in-review");
        await Workflow(site, w => w.SubmitAsync("in-review", Editor));
        await DraftAsync(site, "breaking");

        await Workflow(site, w => w.EmergencyPublishAsync("breaking", Leader, "舆情紧急"));

        await site.InScopeAsync(async sp =>
        {
            var reviews = await sp.GetRequiredService<DisclosureDbContext>().Set<ReviewRecord>().Include(r => r.Item).Include(r => r.Decisions).ToListAsync();
            var emergency = reviews.Single(r => r.Item.ContentItemId == "breaking");
            Assert.Equal((true, "editor", "leader"), (emergency.Emergency, emergency.SubmittedBy, emergency.Decisions.Single().UserName));
            Assert.Empty(reviews.Single(r => r.Item.ContentItemId == "in-review").Decisions);
        });
    }

    private static async Task<TestDatabase> NewSiteAsync(DatabaseProvider engine, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<ContentVersionRecord> DraftAsync(TestDatabase site, string id) =>
        site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", "zhzx", id));

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

    private static Task Workflow(TestDatabase site, Func<WorkflowService, Task> action) =>
        site.InScopeAsync(sp => action(sp.GetRequiredService<WorkflowService>()));
}
