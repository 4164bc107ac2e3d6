using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Core.Time;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Credit.Pages.Admin.Credit;

/// <summary>
/// One 双公示 record in full (internal: nothing masked), where it stands against its deadlines and 公示期, its
/// 台账 history, and the actions the signed-in user may take: edit or delete a draft; for the 公开办, 公示, 撤回
/// (with the reason and the day the decision changed) and 信用修复 (with the reason). Refusals are shown in zh-CN
/// with what was typed kept.
/// </summary>
[Authorize(Policy = CreditModule.AdminPolicy)]
[CreditRecordAccess]
public sealed class DetailsModel(
    CreditRecordStore store,
    CreditSettings settings,
    IWorkingDayCalendarSource calendars,
    LedgerHistory ledger,
    IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    [FromRoute(Name = "kind")]
    public string KindSlug { get; set; } = string.Empty;

    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ChangedOn { get; set; }

    public CreditRecordKind Kind { get; private set; }

    public CreditRecordBase Row { get; private set; } = null!;

    public IReadOnlyList<(CreditField Field, string? Value)> Fields { get; private set; } = [];

    public IReadOnlyList<string> Blocks { get; private set; } = [];

    public WorkingDayResult<DateOnly> PublicationDue { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DateOnly? RepairableFrom { get; private set; }

    public bool IsPublicNow { get; private set; }

    public bool CanPublish { get; private set; }

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ActAsync(publishing: true, () => store.PublishAsync(Kind, Id, User.Identity!.Name!, cancellationToken), "已公示。", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync(publishing: true, async () =>
        {
            if (!DateOnly.TryParseExact(ChangedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var changed))
            {
                throw new CreditStateException("请按 YYYY-MM-DD 填写决定变更、撤销或被确认无效的日期。");
            }

            var withdrawal = await store.WithdrawAsync(Kind, Id, Reason ?? string.Empty, changed, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = withdrawal.Late
                ? $"已撤回。注意：应于 {CreditAdmin.Date(withdrawal.Due)} 前撤回，已超过 3 个工作日的时限，台账已记录。"
                : $"已撤回（时限 {CreditAdmin.Date(withdrawal.Due)}）。";
        }, null, cancellationToken);

    public Task<IActionResult> OnPostRepairAsync(CancellationToken cancellationToken) =>
        ActAsync(publishing: true, () => store.RepairAsync(Id, Reason ?? string.Empty, User.Identity!.Name!, cancellationToken), "已信用修复，该处罚信息不再公示。", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        try
        {
            await store.DeleteDraftAsync(kind, Id, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = "已删除草稿。";
            return Redirect($"/admin/credit?kind={KindSlug}");
        }
        catch (CreditStateException ex)
        {
            return await RedisplayAsync(ex.Message, cancellationToken);
        }
    }

    private async Task<IActionResult> ActAsync(bool publishing, Func<Task> action, string? message, CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        if (publishing && !(await authorization.AuthorizeAsync(User, CreditModule.PublishingPolicy)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await action();
            if (message is not null)
            {
                TempData["Message"] = message;
            }

            return Redirect(CreditAdmin.Url(kind, Id));
        }
        catch (Exception ex) when (ex is CreditStateException or CreditNotFoundException)
        {
            return await RedisplayAsync(ex.Message, cancellationToken);
        }
    }

    private async Task<IActionResult> RedisplayAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind || await store.FindAsync(kind, Id, cancellationToken) is not { } row)
        {
            return false;
        }

        Kind = kind;
        Row = row;
        var data = CreditRecordMapper.ToData(row);
        var values = CreditRowFormatter.Format(data);
        Fields = CreditFields.For(kind).Fields.Select((f, i) => (f, values[i])).ToList();
        var policy = await settings.GetPolicyAsync(cancellationToken);
        Blocks = CreditPublication.Blocks(data, policy);
        PublicationDue = CreditDeadlines.PublicationDue(await calendars.GetCalendarAsync(row.AgencyCode, cancellationToken), policy, row.DecisionDate);
        Today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var penalty = row as CreditPenaltyRecord;
        RepairableFrom = penalty is null ? null : policy.RepairableFrom(penalty.DecisionDate, penalty.Severity);
        IsPublicNow = row.Status == CreditRecordStatus.Published && Blocks.Count == 0 && (penalty is null || CreditPublication.WithinPeriod(penalty.PublicationEnd, Today));
        CanPublish = (await authorization.AuthorizeAsync(User, CreditModule.PublishingPolicy)).Succeeded;
        History = await ledger.OfAsync(CreditRecordStore.LedgerId(kind, Id), cancellationToken);
        return true;
    }
}
