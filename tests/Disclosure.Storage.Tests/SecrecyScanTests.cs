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

/// <summary>What the 保密审查 scan records when a version is submitted, and how its findings are resolved, on both engines.</summary>
public sealed class SecrecyScanTests
{
    private static readonly Actor Editor = new("editor", new HashSet<string> { RoleNames.Editor }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_attachment_is_scanned_or_listed_as_not_scanned(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        site.Attachments.Add("2026/12/list.xlsx", "发放名单\n当事人李四\t1200");
        site.Attachments.Add("2026/12/empty.txt", string.Empty);
        site.Attachments.AddUnreadable("2026/12/photo.png", "图片中的文字无法自动识别");
        await CreateWithAttachmentsAsync(site, "attachments",
            ("2026/12/list.xlsx", "发放名单.xlsx"), ("2026/12/empty.txt", "说明.txt"), ("2026/12/photo.png", "现场照片.png"), ("2026/12/gone.pdf", "已删除.pdf"));

        var review = await Workflow(site, w => w.SubmitAsync("attachments", Editor));

        Assert.Equal(
            [
                ("PersonName", "Attachment:2026/12/list.xlsx", "附件：发放名单.xlsx", "李四"),
                ("Unscannable", "Attachment:2026/12/photo.png", "附件：现场照片.png", "现场照片.png"),
                ("Unscannable", "Attachment:2026/12/gone.pdf", "附件：已删除.pdf", "已删除.pdf"),
            ],
            review.Findings.OrderBy(f => f.Id).Select(f => (f.Kind, f.FieldPath, f.Location, f.Match)));
        var photo = review.Findings.Single(f => f.FieldPath == "Attachment:2026/12/photo.png");
        Assert.Equal("未能扫描：图片中的文字无法自动识别，请人工核对", photo.Description);
        Assert.Equal("未能扫描：找不到附件文件，请人工核对", review.Findings.Single(f => f.FieldPath == "Attachment:2026/12/gone.pdf").Description);
        var ledger = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == ReviewLedgerActions.Submit));
        Assert.Contains("3 处", ledger.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_not_scanned_attachment_cannot_be_masked_and_blocks_the_secrecy_review_until_confirmed_with_a_reason(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        site.Attachments.AddUnreadable("2026/12/scan.pdf", "PDF 中没有文字层（可能是扫描件）");
        await CreateWithAttachmentsAsync(site, "scanned", ("2026/12/scan.pdf", "盖章件.pdf"));
        var review = await Workflow(site, w => w.SubmitAsync("scanned", Editor));
        var finding = Assert.Single(review.Findings);
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));

        var unresolved = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null)));
        Assert.Contains("还有未处理的敏感信息", unresolved.Message);
        var mask = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(finding.Id, Secrecy, FindingResolution.Mask, null)));
        Assert.Contains("附件中的内容无法自动脱敏", mask.Message);
        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => Workflow(site, w => w.ResolveFindingAsync(finding.Id, Secrecy, FindingResolution.Overridden, " ")));
        Assert.Contains("必须说明理由", noReason.Message);

        await Workflow(site, w => w.ResolveFindingAsync(finding.Id, Secrecy, FindingResolution.Overridden, "已逐页人工核对，无个人信息"));
        await Workflow(site, w => w.ApproveAsync(review.Id, Secrecy, null));
        var approved = await Workflow(site, w => w.ApproveAsync(review.Id, Leader, null));

        Assert.Equal(ReviewState.Approved, approved.State);
        var overridden = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == ReviewLedgerActions.Override));
        Assert.Equal("secrecy", overridden.Actor);
        Assert.Contains("附件：盖章件.pdf·未能扫描：PDF 中没有文字层（可能是扫描件）", overridden.Detail);
        Assert.Contains("已逐页人工核对，无个人信息", overridden.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Names_in_context_and_suspect_ids_in_the_body_are_findings_that_can_be_masked(DatabaseProvider engine)
    {
        await using var site = await NewSiteAsync(engine);
        var data = SampleContent.Notice(body: "当事人王小明，身份证号110101199003074478，于2026年11月到场。");
        await site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor", "zhzx", "names"));

        var review = await Workflow(site, w => w.SubmitAsync("names", Editor));

        Assert.Equal(
            [("PersonName", "王小明", "王**", "个人姓名（当事人）"), ("SuspectResidentId", "110101199003074478", "110101********4478", "疑似身份证号（校验位不符）")],
            review.Findings.OrderBy(f => f.Index).Select(f => (f.Kind, f.Match, f.ProposedMask, f.Description)));
        await Workflow(site, w => w.ApproveAsync(review.Id, Head, null));
        foreach (var finding in review.Findings)
        {
            await Workflow(site, w => w.ResolveFindingAsync(finding.Id, Secrecy, FindingResolution.Mask, null));
        }

        var masked = await Workflow(site, w => w.MaskAndApproveAsync(review.Id, Secrecy, null));
        var body = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.Item.ContentItemId == "names" && v.Number == masked.VersionNumber).Select(v => v.DataJson).SingleAsync());
        Assert.Equal("当事人王**，身份证号110101********4478，于2026年11月到场。", ContentData.Parse(body).Root["BodyPart"]!["Markdown"]!.GetValue<string>());
    }

    private static async Task<TestDatabase> NewSiteAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<ContentVersionRecord> CreateWithAttachmentsAsync(TestDatabase site, string id, params (string Path, string Name)[] attachments)
    {
        var data = SampleContent.Notice();
        data.Root["Disclosure"] = new JsonObject
        {
            ["Attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject { ["path"] = a.Path, ["name"] = a.Name })]),
        };
        return site.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor", "zhzx", id));
    }

    private static Task<T> Workflow<T>(TestDatabase site, Func<WorkflowService, Task<T>> action) =>
        site.InScopeAsync(sp => action(sp.GetRequiredService<WorkflowService>()));

    private static Task Workflow(TestDatabase site, Func<WorkflowService, Task> action) =>
        site.InScopeAsync(sp => action(sp.GetRequiredService<WorkflowService>()));
}
