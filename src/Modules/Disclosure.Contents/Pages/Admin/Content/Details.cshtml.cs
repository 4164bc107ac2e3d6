using Disclosure.Admin;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Models;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin.Content;

/// <summary>
/// One item: its versions, its review (with the secrecy findings), its 台账 history, and every action the
/// signed-in user may take on it. Each action is a POST with an antiforgery token; the workflow enforces the
/// rules and the roles, and a refusal is shown in zh-CN with what the user typed kept.
/// </summary>
public sealed class DetailsModel(
    ContentAdminQuery query,
    LedgerHistory ledger,
    ContentDefinitionStore definitions,
    WorkflowService workflow,
    ItemAccess access,
    AdminLookups lookups) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public string? Opinion { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ScheduleAt { get; set; }

    public ContentItemRecord Item { get; private set; } = null!;

    public ContentTypeDefinition? Type { get; private set; }

    public ContentVersionRecord Latest { get; private set; } = null!;

    public ReviewRecord? Review { get; private set; }

    public Exception? WhyCannotDecide { get; private set; }

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public string? DepartmentName { get; private set; }

    /// <summary>The channels the latest version goes to (its type's, narrowed by its 公开方式).</summary>
    public IReadOnlyList<string> Channels => Type is null ? [] : ChannelSelection.For(Type, ContentData.Parse(Latest.DataJson));

    public string? Error { get; private set; }

    /// <summary>脱敏后通过: what the 保密审查员's masks changed, field by field, for the steps after them.</summary>
    public IReadOnlyList<FieldDiff> Masks { get; private set; } = [];

    public int? UnmaskedVersionNumber { get; private set; }

    public Actor Actor => User.ToActor();

    public bool CanDecide => Review is not null && WhyCannotDecide is null;

    public ReviewStepDefinition? CurrentStep => Review is { } r && r.CurrentStep < r.Chain().Steps.Count ? r.Chain().Steps[r.CurrentStep] : null;

    public bool CanSubmit => Latest.Status == ContentStatus.Draft && (Actor.IsInRole(RoleNames.Editor) || Actor.IsInRole(RoleNames.InformationOffice));

    public bool CanEdit => Actor.IsInRole(RoleNames.Editor) || Actor.IsInRole(RoleNames.InformationOffice);

    public bool CanEmergency => Actor.IsInRole(RoleNames.Leader) && Latest.Status is ContentStatus.Draft or ContentStatus.InReview;

    public bool CanPublish => Actor.IsInRole(RoleNames.InformationOffice) && Latest.Status is ContentStatus.Approved or ContentStatus.Scheduled;

    public bool CanWithdraw => Actor.IsInRole(RoleNames.InformationOffice) && Item.Versions.Any(v => v.Status == ContentStatus.Published);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await access.MaySeeItemAsync(User, Id, cancellationToken) && await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        ActAsync(() => workflow.SubmitAsync(Id, Actor, ct), "已上报，等待初审。", ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        ActAsync(async () => await workflow.ApproveAsync(await ReviewIdAsync(ct), Actor, Opinion, ct), "已审核通过。", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync(async () => await workflow.ReturnAsync(await ReviewIdAsync(ct), Actor, Opinion ?? string.Empty, ct), "已退回信息员。", ct);

    public Task<IActionResult> OnPostResolveAsync(long findingId, FindingResolution resolution, CancellationToken ct) =>
        ActAsync(() => workflow.ResolveFindingAsync(findingId, Actor, resolution, Reason, ct), resolution == FindingResolution.Mask ? "已标记为脱敏。" : "已确认可公开。", ct);

    public Task<IActionResult> OnPostMaskApproveAsync(CancellationToken ct) =>
        ActAsync(async () => await workflow.MaskAndApproveAsync(await ReviewIdAsync(ct), Actor, Opinion, ct), "已脱敏后通过：脱敏后的版本已提交下一步审核。", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        ActAsync(() => workflow.PublishAsync(Id, Actor, ct), "已发布。", ct);

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct) =>
        ActAsync(() =>
        {
            if (!DateTime.TryParse(ScheduleAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            {
                throw new WorkflowException("请填写有效的定时发布时间。");
            }

            var when = new DateTimeOffset(local, Core.Time.ChinaTime.Offset);
            return workflow.ScheduleAsync(Id, when, Actor, ct);
        }, "已设置定时发布。", ct);

    public Task<IActionResult> OnPostEmergencyAsync(CancellationToken ct) =>
        ActAsync(() => workflow.EmergencyPublishAsync(Id, Actor, Opinion ?? string.Empty, ct), "已紧急发布，其余审核步骤请在发布后完成。", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        ActAsync(() => workflow.WithdrawAsync(Id, Actor, Reason ?? string.Empty, ct), "已撤回，公众页面显示撤回说明。", ct);

    private async Task<long> ReviewIdAsync(CancellationToken ct) =>
        await query.ReviewInProgressAsync(Id, ct)
        ?? throw new WorkflowException("该内容当前没有进行中的审核。");

    private async Task<IActionResult> ActAsync(Func<Task> action, string success, CancellationToken ct)
    {
        if (!await access.MaySeeItemAsync(User, Id, ct))
        {
            return NotFound();
        }

        try
        {
            await action();
            TempData["Message"] = success;
            return Redirect($"/admin/content/{Id}");
        }
        catch (Exception ex) when (ex is WorkflowException or WorkflowForbiddenException or ContentStateException or ContentIntegrityException or ContentValidationException or ContentNotFoundException)
        {
            Error = ex is ContentValidationException validation ? Disclosure.Core.Text.DoubledPunctuation.Collapse(string.Join("；", validation.Errors.Select(e => e.Message))) : ex.Message;
            if (ex is WorkflowForbiddenException)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            else
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var item = await query.WithVersionsAsync(Id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Item.Versions = [.. item.Versions.OrderByDescending(v => v.Number)];
        Latest = item.Versions[0];
        Type = await definitions.FindAsync(item.ContentType, cancellationToken);
        Review = await query.CurrentReviewAsync(item.Id, cancellationToken);
        WhyCannotDecide = Review is null ? null : WorkflowService.WhyCannotDecide(Review, Actor);
        UnmaskedVersionNumber = Review is null ? null : WorkflowService.UnmaskedVersionNumber(Review);
        if (UnmaskedVersionNumber is { } unmasked && Type is not null
            && item.Versions.SingleOrDefault(v => v.Number == unmasked) is { } before && item.Versions.SingleOrDefault(v => v.Number == Review!.VersionNumber) is { } after)
        {
            Masks = VersionDiff.CompareFields(Type, ContentData.Parse(before.DataJson), ContentData.Parse(after.DataJson));
        }

        History = await ledger.OfAsync(Id, cancellationToken);
        DepartmentName = item.DepartmentCode is { } code ? (await lookups.DepartmentNamesAsync(cancellationToken)).GetValueOrDefault(code) : null;
        return true;
    }
}
