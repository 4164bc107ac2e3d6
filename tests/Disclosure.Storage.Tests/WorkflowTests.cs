using System.Text.Json.Nodes;
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

/// <summary>The review rules of the standard chain (初审 → 保密审查 → 领导审批), on both engines.</summary>
public sealed class WorkflowTests
{
    private static readonly Actor Editor = new("editor", new HashSet<string> { RoleNames.Editor }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor OtherHead = new("head-xz", new HashSet<string> { RoleNames.DepartmentReviewer }, "xzdd");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });
    private static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice });
    private static readonly Actor Versatile = new("versatile", new HashSet<string> { RoleNames.DepartmentReviewer, RoleNames.SecrecyOfficer, RoleNames.Leader }, "zhzx");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_draft_passes_three_reviews_and_is_published_with_every_step_in_the_ledger(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "full-chain");
        var review = await Workflow(site, w => w.SubmitAsync("full-chain", Editor));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, "同意上报"));
        await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, "未发现涉密内容"));
        var approved = await Workflow(site, w => w.ApproveAsync(review.Id, Leader, null));
        Assert.Equal(ReviewState.Approved, approved.State);

        var published = await Workflow(site, w => w.PublishAsync("full-chain", Office));
        Assert.Equal(ContentStatus.Published, published.Status);

        var ledger = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [("editor", ReviewLedgerActions.Submit), ("head", ReviewLedgerActions.Approve), ("secrecy", ReviewLedgerActions.Approve), ("leader", ReviewLedgerActions.Approve), ("office", LedgerActions.Publish)],
            ledger.Select(e => (e.Actor, e.Action)));
        Assert.All(ledger, e => Assert.Equal(published.ContentHash, e.ContentHash));
        Assert.Contains("初审：同意上报", ledger[1].Detail);
        Assert.Empty(await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Nobody_approves_their_own_submission_or_two_steps_of_one_review(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        var chief = new Actor("chief", new HashSet<string> { RoleNames.Editor, RoleNames.DepartmentReviewer }, "zhzx");
        await DraftAsync(site, "own-work", user: "chief");
        var review = await Workflow(site, w => w.SubmitAsync("own-work", chief));

        var own = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, chief, "自己同意")));
        Assert.Contains("不能审核自己起草或上报的内容", own.Message);

        await Workflow(site, w => w.ApproveAsync(review.Id, Versatile, "初审同意"));
        var twice = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Versatile, "保密审查也同意")));
        Assert.Contains("须由不同人员审核", twice.Message);

        // Neither refusal changed anything: the review still waits at 保密审查.
        var current = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ReviewRecord>().SingleAsync());
        Assert.Equal(1, current.CurrentStep);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_step_needs_its_role_and_the_first_one_the_items_own_department(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "roles");
        var review = await Workflow(site, w => w.SubmitAsync("roles", Editor));

        var department = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.ApproveAsync(review.Id, OtherHead, null)));
        Assert.Contains("本部门", department.Message);
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Leader, null)));
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.PublishAsync("roles", Leader)));
        var notApproved = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.PublishAsync("roles", Office)));
        Assert.Contains("没有审核通过", notApproved.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_return_needs_an_opinion_and_the_resubmission_starts_from_the_first_step(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "returned");
        var review = await Workflow(site, w => w.SubmitAsync("returned", Editor));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));

        var empty = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ReturnAsync(review.Id, Secrecy, "  ")));
        Assert.Contains("退回必须填写审核意见", empty.Message);
        await Workflow(site, w => w.ReturnAsync(review.Id, Secrecy, "请删除第二段中的内部工作安排"));

        var version = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions.SingleAsync());
        Assert.Equal(ContentStatus.Draft, version.Status);

        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().SaveDraftAsync("returned", SampleContent.Notice(body: "已按意见修改。"), "editor"));
        var second = await Workflow(site, w => w.SubmitAsync("returned", Editor));
        Assert.Equal(2, second.VersionNumber);
        Assert.Equal(0, second.CurrentStep);
        Assert.Empty(second.Decisions);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_edit_after_an_approval_restarts_the_chain(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "edited");
        var review = await Workflow(site, w => w.SubmitAsync("edited", Editor));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null));
        await Workflow(site, w => w.ApproveAsync(review.Id, Leader, null));

        // Approved, then edited before publication: the approval is void.
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().SaveDraftAsync("edited", SampleContent.Notice(body: "发布前又改了一句。"), "editor"));
        await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.PublishAsync("edited", Office)));

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(ReviewState.Superseded, (await db.Set<ReviewRecord>().SingleAsync()).State);
            Assert.Equal([ContentStatus.Archived, ContentStatus.Draft], await db.ContentVersions.OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
            Assert.Contains(await db.Ledger.ToListAsync(), e => e.Action == ReviewLedgerActions.Restart);
        });

        var again = await Workflow(site, w => w.SubmitAsync("edited", Editor));
        Assert.Equal(0, again.CurrentStep);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_exact_approved_content_is_published(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "exact");
        await ApproveAllAsync(site, "exact");
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var version = await db.ContentVersions.SingleAsync();
            version.DataJson = version.DataJson.Replace("冬季", "春季");
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<ContentIntegrityException>(() => Workflow(site, w => w.PublishAsync("exact", Office)));
        var status = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions.Select(v => v.Status).SingleAsync());
        Assert.Equal(ContentStatus.Approved, status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_scan_finding_must_be_masked_or_overridden_before_secrecy_review_passes(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        const string idNumber = "11010519491231002X";
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: $"联系人身份证号 {idNumber}，手机 13812345678。"), "editor", "zhzx", "scanned"));
        var review = await Workflow(site, w => w.SubmitAsync("scanned", Editor));
        Assert.Equal(["ResidentId", "MobileNumber"], review.Findings.OrderBy(f => f.Index).Select(f => f.Kind));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));

        var open = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null)));
        Assert.Contains("未处理的敏感信息", open.Message);

        var id = review.Findings.Single(f => f.Kind == "ResidentId");
        var phone = review.Findings.Single(f => f.Kind == "MobileNumber");
        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(phone.Id, Secrecy, FindingResolution.Overridden, "")));
        Assert.Contains("必须说明理由", noReason.Message);
        await Workflow(site, w => w.ResolveFindingAsync(phone.Id, Secrecy, FindingResolution.Overridden, "单位值班手机，已公开的服务电话"));
        await Workflow(site, w => w.ResolveFindingAsync(id.Id, Secrecy, FindingResolution.Mask, null));
        var unmaskedApproval = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null)));
        Assert.Contains("脱敏后通过", unmaskedApproval.Message);

        var ledger = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Select(e => e.Action).ToListAsync());
        Assert.Contains(ReviewLedgerActions.Override, ledger);
        Assert.Contains(ReviewLedgerActions.Mask, ledger);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Masking_passes_the_masked_version_on_to_the_leader_and_exactly_it_is_published(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        const string idNumber = "11010519491231002X";
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: $"联系人身份证号 {idNumber}，请于本周内办理。"), "editor", "zhzx", "masked"));
        var review = await Workflow(site, w => w.SubmitAsync("masked", Editor));
        var submittedHash = review.ContentHash;
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, "同意上报"));

        var premature = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, null)));
        Assert.Contains("没有标记为脱敏的内容", premature.Message);
        await Workflow(site, w => w.ResolveFindingAsync(review.Findings.Single().Id, Secrecy, FindingResolution.Mask, null));
        var passed = await Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, "身份证号已脱敏"));

        // One step: the review goes on at 领导审批 on the masked version — no return, no new 初审, no resubmission.
        Assert.Equal(ReviewState.InProgress, passed.State);
        Assert.Equal(2, passed.CurrentStep);
        Assert.Equal(2, passed.VersionNumber);
        Assert.NotEqual(submittedHash, passed.ContentHash);
        Assert.Equal(1, WorkflowService.UnmaskedVersionNumber(passed));
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var versions = await db.ContentVersions.OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([ContentStatus.Archived, ContentStatus.InReview], versions.Select(v => v.Status));
            // Masking is not authorship: the drafter stays the author; the officer is in the decision and the 台账.
            Assert.Equal("editor", versions[1].CreatedBy);
            Assert.Contains("110105********002X", versions[1].DataJson);
            Assert.DoesNotContain(idNumber, versions[1].DataJson);
            Assert.Equal(versions[1].ContentHash, passed.ContentHash);
            var decision = (await db.Set<ReviewDecisionRecord>().Where(d => d.ReviewId == review.Id).OrderBy(d => d.Id).ToListAsync()).Last();
            Assert.Equal(("secrecy", ReviewDecision.Approved), (decision.UserName, decision.Decision));
            Assert.Contains("身份证号已脱敏", decision.Opinion);
            var entry = await db.Ledger.SingleAsync(e => e.Action == ReviewLedgerActions.MaskAndApprove);
            Assert.Equal(("secrecy", 2, versions[1].ContentHash), (entry.Actor, entry.VersionNumber, entry.ContentHash));
            Assert.Contains(submittedHash, entry.Detail);
            Assert.Contains(versions[1].ContentHash, entry.Detail);
            Assert.DoesNotContain(await db.Ledger.Select(e => e.Action).ToListAsync(), a => a is ReviewLedgerActions.Return or ReviewLedgerActions.Restart);
        });

        // The drafter still may not approve the masked version, and the officer may not take a second step.
        await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Editor with { Roles = new HashSet<string> { RoleNames.Leader } }, null)));
        await Workflow(site, w => w.ApproveAsync(review.Id, Leader, "同意发布"));
        var published = await Workflow(site, w => w.PublishAsync("masked", Office));
        Assert.Equal(2, published.Number);
        Assert.DoesNotContain(idNumber, published.DataJson);
        Assert.Empty(await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Masked_bytes_changed_after_the_secrecy_review_are_not_published(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: "联系人身份证号 11010519491231002X。"), "editor", "zhzx", "guarded"));
        var review = await Workflow(site, w => w.SubmitAsync("guarded", Editor));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        await Workflow(site, w => w.ResolveFindingAsync(review.Findings.Single().Id, Secrecy, FindingResolution.Mask, null));
        await Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, null));
        await Workflow(site, w => w.ApproveAsync(review.Id, Leader, null));

        // Someone with database access changes the approved masked version and its hash alike: the review's hash catches it.
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var version = await db.ContentVersions.SingleAsync(v => v.Number == 2);
            var data = ContentData.Parse(version.DataJson.Replace("110105********002X", "11010519491231002X"));
            version.DataJson = data.ToJson();
            version.ContentHash = data.ComputeHash(version.ContentType);
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<ContentIntegrityException>(() => Workflow(site, w => w.PublishAsync("guarded", Office)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_secrecy_step_masks_and_only_when_every_finding_is_decided(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure",
            SampleContent.Notice(body: "联系人身份证号 11010519491231002X，手机 13812345678。"), "editor", "zhzx", "two-findings"));
        var review = await Workflow(site, w => w.SubmitAsync("two-findings", Editor));
        var atFirstStep = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.MaskAndApproveAsync(review.Id, Head, null)));
        Assert.Contains("只有保密审查步骤可以脱敏", atFirstStep.Message);

        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        await Workflow(site, w => w.ResolveFindingAsync(review.Findings.Single(f => f.Kind == "ResidentId").Id, Secrecy, FindingResolution.Mask, null));
        var open = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, null)));
        Assert.Contains("未处理的敏感信息", open.Message);

        // Nothing was written by the refusals: one version, still in review at 保密审查.
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(ContentStatus.InReview, (await db.ContentVersions.SingleAsync()).Status);
            Assert.Equal(1, (await db.Set<ReviewRecord>().SingleAsync()).CurrentStep);
        });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_returned_item_waits_on_its_editors_dashboard_with_the_opinion_until_resubmitted(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "sent-back", title: "关于调整窗口办公时间的通知");
        var review = await Workflow(site, w => w.SubmitAsync("sent-back", Editor));
        await Workflow(site, w => w.ReturnAsync(review.Id, Head, "请写明具体的办公时段。"));

        var returned = Assert.Single(await site.InScopeAsync(sp => sp.GetRequiredService<ReviewQueue>().ReturnedToAsync(Editor)));
        Assert.Equal(("sent-back", "关于调整窗口办公时间的通知", "初审", "head", "请写明具体的办公时段。"),
            (returned.ContentItemId, returned.Title, returned.StepName, returned.ReturnedBy, returned.Opinion));
        Assert.Empty(await site.InScopeAsync(sp => sp.GetRequiredService<ReviewQueue>().ReturnedToAsync(Head)));

        await Workflow(site, w => w.SubmitAsync("sent-back", Editor));
        Assert.Empty(await site.InScopeAsync(sp => sp.GetRequiredService<ReviewQueue>().ReturnedToAsync(Editor)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Department_staff_see_and_submit_their_own_departments_items_only(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        var otherEditor = new Actor("editor-xz", new HashSet<string> { RoleNames.Editor }, "xzdd");
        await DraftAsync(site, "zhzx-draft");

        var refused = await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.SubmitAsync("zhzx-draft", otherEditor)));
        Assert.Contains("本部门", refused.Message);
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.SubmitAsync("zhzx-draft", Leader)));

        var queue = (Actor actor) => site.InScopeAsync(async sp => (await sp.GetRequiredService<ReviewQueue>().ItemsAsync(actor, null, null, 1, 50)).Items.Select(i => i.ContentItemId).ToList());
        Assert.Empty(await queue(otherEditor));
        Assert.Empty(await queue(OtherHead));
        Assert.Equal(["zhzx-draft"], await queue(Editor));
        Assert.Equal(["zhzx-draft"], await queue(Head));
        Assert.Equal(["zhzx-draft"], await queue(Secrecy));
        Assert.Equal(["zhzx-draft"], await queue(Office));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Attachment_text_is_scanned_too(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        site.Attachments.Add("2026/11/plan.docx", "附件内容：秘密★1年 本方案仅供内部使用。");
        var data = SampleContent.Notice();
        data.Root["Disclosure"] = new JsonObject { ["Attachments"] = new JsonArray(new JsonObject { ["path"] = "2026/11/plan.docx", ["name"] = "工作方案.docx" }) };
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor", "zhzx", "with-attachment"));

        var review = await Workflow(site, w => w.SubmitAsync("with-attachment", Editor));
        var finding = Assert.Single(review.Findings);
        Assert.Equal("ClassificationMark", finding.Kind);
        Assert.Equal("附件：工作方案.docx", finding.Location);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        var cannotMask = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(finding.Id, Secrecy, FindingResolution.Mask, null)));
        Assert.Contains("附件中的内容无法自动脱敏", cannotMask.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_emergency_statement_is_published_by_a_leader_and_the_other_reviews_follow(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "incident", title: "关于某路段交通事故的情况通报");

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.EmergencyPublishAsync("incident", Office, "舆情紧急")));
        var published = await Workflow(site, w => w.EmergencyPublishAsync("incident", Leader, "社会关注度高，须及时发布权威信息"));
        Assert.Equal(ContentStatus.Published, published.Status);

        var review = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ReviewRecord>().Include(r => r.Decisions).SingleAsync());
        Assert.True(review.Emergency);
        Assert.Equal(ReviewState.InProgress, review.State);
        Assert.Equal(0, review.CurrentStep);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, "事后补审：同意"));
        var done = await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, "事后补审：无涉密内容"));
        Assert.Equal(ReviewState.Approved, done.State);

        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == LedgerActions.EmergencyPublish));
        Assert.Equal("leader", entry.Actor);
        Assert.Contains("起草至发布用时", entry.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Tampering_with_the_ledger_or_a_published_version_is_detected(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "audited");
        await ApproveAllAsync(site, "audited");
        await Workflow(site, w => w.PublishAsync("audited", Office));
        Assert.Empty(await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));

        // Someone with database access rewrites an opinion…
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var entry = await db.Ledger.SingleAsync(e => e.Sequence == 2);
            entry.Detail = "初审：同意（改）";
            await db.SaveChangesAsync();
        });
        var problems = await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync());
        Assert.Contains(problems, p => p.Subject == "台账第 2 条" && p.Message.Contains("可能被篡改"));

        // …and the published text.
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var version = await db.ContentVersions.SingleAsync();
            version.DataJson = version.DataJson.Replace("冬季", "夏季");
            await db.SaveChangesAsync();
        });
        problems = await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync());
        Assert.Contains(problems, p => p.Subject == "内容“audited”第 1 版" && p.Message.Contains("内容可能被篡改"));

        // Removing a row breaks the sequence.
        await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Sequence == 3).ExecuteDeleteAsync());
        problems = await site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync());
        Assert.Contains(problems, p => p.Subject == "台账第 4 条" && p.Message.Contains("序号不连续"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_office_withdraws_and_the_withdrawal_is_recorded(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        await DraftAsync(site, "to-withdraw");
        await ApproveAllAsync(site, "to-withdraw");
        await Workflow(site, w => w.PublishAsync("to-withdraw", Office));

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => Workflow(site, w => w.WithdrawAsync("to-withdraw", Editor, "我想撤回")));
        await Workflow(site, w => w.WithdrawAsync("to-withdraw", Office, "文件已废止"));
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal((LedgerActions.Withdraw, "office", "文件已废止"), (entry.Action, entry.Actor, entry.Detail));
    }

    private static async Task<TestDatabase> NewSiteAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<ContentVersionRecord> DraftAsync(TestDatabase site, string id, string user = "editor", string title = "关于开展冬季火灾防控工作的通告") =>
        site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(title), user, "zhzx", id));

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
