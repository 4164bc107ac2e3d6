using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Enforcement.Admin;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Enforcement.Pages.Admin.Enforcement;

/// <summary>
/// One case: its header, the whole timeline (held events marked) with each event's timeliness, adding an event by
/// hand, releasing a held one, and the parties by role. The parties' personal data and a new 查询码 are for the 公开办
/// only (<see cref="EnforcementModule.PartyDataPolicy"/>): viewing needs a stated purpose and is recorded in the 台账.
/// </summary>
[Authorize(Policy = EnforcementModule.AdminPolicy)]
[CaseAccess]
public sealed class DetailsModel(
    CaseAdminQueries queries,
    CaseRegistry registry,
    CaseKindStore kinds,
    PartyDataAccess partyData,
    LedgerHistory history,
    IAuthorizationService authorization) : PageModel
{
    public CaseDetails Details { get; private set; } = null!;

    public CaseKindDefinition? Kind { get; private set; }

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public bool MayReadParties { get; private set; }

    /// <summary>Set only after 查看当事人信息 with a purpose.</summary>
    public IReadOnlyList<PartyDetails>? PartyData { get; private set; }

    /// <summary>Set only after 重新生成查询码: the new code's 回执, shown this once.</summary>
    public CaseReceipt? Reissued { get; private set; }

    /// <summary>The action that was refused and why, shown beside its form with what was typed.</summary>
    public string? FailedAction { get; private set; }

    public IReadOnlyList<string> ActionErrors { get; private set; } = [];

    public DateOnly Today => queries.Today;

    public string? Posted(string name) => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : null;

    public string RoleName(string code) => Kind?.FindRole(code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEventAsync(string number, string? type, string? formedOn, string? documentName, string? documentNumber,
        string? detail, bool visible, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var errors = new List<string>();
        if (Kind?.FindEvent(type ?? string.Empty) is not { Opening: false })
        {
            errors.Add("请选择办理环节。");
        }

        if (!CalendarRules.TryParseDate(formedOn, out var formed, out var dateError))
        {
            errors.Add("形成日期：" + dateError);
        }

        if (errors.Count == 0)
        {
            try
            {
                await registry.RecordEventsAsync([new NewCaseEvent(Details.Case.Number, type!, formed, documentName, documentNumber, detail, visible)], null, Actor, cancellationToken: cancellationToken);
                TempData["Message"] = $"案件 {Details.Case.Number}：已添加“{Kind!.FindEvent(type!)!.Name}”{(visible ? "，当事人即可查询" : "，暂未向当事人公开")}。";
                return Redirect(CaseUrl(Details.Case.Number) + "#timeline");
            }
            catch (CaseInputException ex)
            {
                errors.AddRange(ex.Errors.Select(e => e.Message));
            }
        }

        return Refused("event", errors);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string number, long eventId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken) || Details.Events.FirstOrDefault(e => e.Event.Id == eventId) is not { } found)
        {
            return NotFound();
        }

        var name = Kind?.FindEvent(found.Event.TypeCode)?.Name ?? found.Event.TypeCode;
        if (!await registry.ReleaseAsync(eventId, Actor, cancellationToken))
        {
            TempData["Message"] = $"案件 {Details.Case.Number}：“{name}”此前已公开。";
            return Redirect(CaseUrl(Details.Case.Number) + "#timeline");
        }

        await LoadAsync(number, cancellationToken);
        var now = Details.Events.First(e => e.Event.Id == eventId);
        TempData["Message"] = $"案件 {Details.Case.Number}：“{name}”已向当事人公开（{EventTimelinessNames.Name(now.Timeliness)}，期限 {Format.Date(now.Due)}）。";
        return Redirect(CaseUrl(Details.Case.Number) + "#timeline");
    }

    public async Task<IActionResult> OnPostPartiesAsync(string number, string? purpose, CancellationToken cancellationToken)
    {
        if (!await MayReadPartiesAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var reason = purpose?.Trim() ?? string.Empty;
        if (reason.Length is < 2 or > 200)
        {
            return Refused("parties", [reason.Length == 0 ? "请填写查看目的（记入台账）。" : "查看目的应为 2 至 200 个字。"]);
        }

        PartyData = await partyData.ViewAsync(Details.Case.Number, Actor, reason, cancellationToken);
        History = await history.OfAsync(EnforcementLedgerActions.Subject(Details.Case.Number), cancellationToken);
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(string number, long party, CancellationToken cancellationToken)
    {
        if (!await MayReadPartiesAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(number, cancellationToken) || Details.Parties.All(p => p.Id != party) || Kind is null)
        {
            return NotFound();
        }

        var code = await registry.ReissueCodeAsync(party, Actor, cancellationToken);
        if (code is null)
        {
            return NotFound();
        }

        Reissued = CaseReceipt.For(CaseReceipt.Reissued, Details.Case, Kind, null, code, $"{Request.Scheme}://{Request.Host}{CaseReceipt.QueryPath}", queries.Today);
        History = await history.OfAsync(EnforcementLedgerActions.Subject(Details.Case.Number), cancellationToken);
        // The new code is on this page only.
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }

    public static string CaseUrl(string number) => "/admin/enforcement/" + Uri.EscapeDataString(number);

    private string Actor => User.Identity!.Name!;

    private async Task<bool> MayReadPartiesAsync() => (await authorization.AuthorizeAsync(User, EnforcementModule.PartyDataPolicy)).Succeeded;

    private PageResult Refused(string action, IReadOnlyList<string> errors)
    {
        (FailedAction, ActionErrors) = (action, errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(number, User.ToActor(), cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        Kind = (await kinds.GetAsync(cancellationToken)).Find(details.Case.KindCode);
        History = await history.OfAsync(EnforcementLedgerActions.Subject(details.Case.Number), cancellationToken);
        MayReadParties = await MayReadPartiesAsync();
        return true;
    }
}
