using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Media;
using Disclosure.Requests.Admin;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>
/// One application: its facts and deadline, the actions its stage allows (分办, 补正, 征求第三方意见, 延期, 办结 with the
/// reply letter, 复议/诉讼), its history from the ledger. The applicant's personal data is shown only on an explicit
/// request, which is recorded.
/// </summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
[RequestAccess]
public sealed class DetailsModel(
    RequestService requests,
    RequestQueries queries,
    ApplicantDataAccess applicants,
    AdminLookups lookups,
    SiteIdentityStore identity,
    MediaStore media) : PageModel
{
    public InformationRequestRecord Application { get; private set; } = null!;

    public DeadlineStatus Deadline { get; private set; } = null!;

    public WorkingDayResult<DateOnly> CorrectionDue { get; private set; } = null!;

    public IReadOnlyList<Disclosure.Storage.Entities.LedgerEntry> History { get; private set; } = [];

    public IReadOnlyList<RequestDocumentRow> Documents { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    /// <summary>Set only after 查看申请人信息.</summary>
    public ApplicantDetails? Applicant { get; private set; }

    /// <summary>The action that was refused and why, shown beside its form with what was typed.</summary>
    public string? FailedAction { get; private set; }

    public string? ActionError { get; private set; }

    public DateOnly Today => queries.Today;

    public string? Posted(string name) => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : null;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplicantAsync(string number, CancellationToken cancellationToken)
    {
        Applicant = await applicants.ViewAsync(number, User.Identity!.Name!, "办理中查看申请人信息", cancellationToken);
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery writes it for a page with a form, so it is not overridden with a warning
        return Applicant is not null && await LoadAsync(number, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetLetterAsync(string number, long document, CancellationToken cancellationToken)
    {
        var letter = await applicants.DownloadLetterAsync(number, document, User.Identity!.Name!, cancellationToken);
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery writes it for a page with a form, so it is not overridden with a warning
        return letter is null ? NotFound() : File(letter.Content, letter.ContentType, letter.FileName);
    }

    public Task<IActionResult> OnPostAssignAsync(string number, string? department, CancellationToken cancellationToken) =>
        ActAsync(number, "assign", "已分办。", () => requests.AssignAsync(number, department ?? string.Empty, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCorrectionAsync(string number, string? sentOn, string? note, CancellationToken cancellationToken) =>
        ActAsync(number, "correction", "已登记补正告知，答复期限中止。", () => requests.RequestCorrectionAsync(number, Date(sentOn, "补正告知日期"), note ?? string.Empty, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCorrectedAsync(string number, string? receivedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "corrected", "已登记收到补正申请，答复期限重新计算。", () => requests.ReceiveCorrectionAsync(number, Date(receivedOn, "收到补正申请的日期"), Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConsultAsync(string number, string? thirdParty, string? startedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "consult", "已登记征求第三方意见，期间不计入答复期限。", () => requests.StartConsultationAsync(number, thirdParty ?? string.Empty, Date(startedOn, "征求意见日期"), Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConsultedAsync(string number, string? repliedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "consulted", "已登记第三方答复，答复期限继续计算。", () => requests.EndConsultationAsync(number, Date(repliedOn, "第三方答复日期"), Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string number, string? days, string? reason, string? approvedBy, string? decidedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "extend", "已延期。", () => requests.ExtendAsync(number, int.TryParse(days, out var d) ? d : 0, reason ?? string.Empty, approvedBy ?? string.Empty,
            Date(decidedOn, "批准延期的日期"), Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string number, string? outcome, string? closedOn, string? replyText, CancellationToken cancellationToken) =>
        ActAsync(number, "close", "已办结，答复告知书已生成。", async () =>
        {
            if (!RequestOutcomes.TryParse(outcome, out var chosen))
            {
                throw new RequestException("请选择办理结果。");
            }

            // The letter is the receiving agency's: its name, address and 复议机关 (集约化: each agency has its own), taken
            // for the application being closed rather than looked up again beforehand.
            var offices = await identity.LoadAllAsync(cancellationToken);
            await requests.CloseAsync(number, chosen, Date(closedOn, "答复日期"), replyText ?? string.Empty,
                (request, applicant) => ReplyLetter.Render(ReplyLetter.Values(request, applicant, offices[request.AgencyCode])), Actor, cancellationToken);
        }, cancellationToken);

    /// <summary>公开的信息: a file provided with the reply, checked by content like every attachment.</summary>
    public Task<IActionResult> OnPostReleaseAsync(string number, IFormFile? file, CancellationToken cancellationToken) =>
        ActAsync(number, "release", "已添加公开的信息。", async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw new RequestException("请选择要提供给申请人的文件。");
            }

            try
            {
                await using var stream = file.OpenReadStream();
                var (checkedFile, content) = await media.CheckAsync(stream, file.FileName, cancellationToken);
                await requests.AddReleasedFileAsync(number, checkedFile.FileName, checkedFile.MediaType, content, Actor, cancellationToken);
            }
            catch (MediaRejectedException ex)
            {
                throw new RequestException($"文件“{Path.GetFileName(file.FileName)}”未添加：{ex.Message}");
            }
        }, cancellationToken);

    public Task<IActionResult> OnPostUnreleaseAsync(string number, long document, CancellationToken cancellationToken) =>
        ActAsync(number, "release", "已删除该文件。", () => requests.RemoveReleasedFileAsync(number, document, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAppealAsync(string number, string? kind, string? filedOn, string? authority, string? caseNumber, string? result, string? decidedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "appeal", "已登记。", () =>
        {
            if (!RequestNames.TryParse<AppealKind>(kind, out var k) || !RequestNames.TryParse<AppealResult>(result, out var r))
            {
                throw new RequestException("请选择类型和结果。");
            }

            return requests.AddAppealAsync(number, k, Date(filedOn, "申请复议或起诉日期"), authority ?? string.Empty, caseNumber, r,
                r == AppealResult.Pending ? null : Date(decidedOn, "审结日期"), Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostAppealResultAsync(string number, long appeal, string? result, string? decidedOn, CancellationToken cancellationToken) =>
        ActAsync(number, "appeal-" + appeal, "已更新。", () =>
        {
            if (!RequestNames.TryParse<AppealResult>(result, out var r))
            {
                throw new RequestException("请选择结果。");
            }

            return requests.UpdateAppealAsync(number, appeal, r, r == AppealResult.Pending ? null : Date(decidedOn, "审结日期"), Actor, cancellationToken);
        }, cancellationToken);

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> ActAsync(string number, string action, string done, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            TempData["Message"] = $"申请 {number}：{done}";
            return Redirect($"/admin/requests/{number}");
        }
        catch (RequestException ex)
        {
            if (!await LoadAsync(number, cancellationToken))
            {
                return NotFound();
            }

            (FailedAction, ActionError) = (action, ex.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private static DateOnly Date(string? text, string what) =>
        CalendarRules.TryParseDate(text, out var date, out _) ? date : throw new RequestException($"请按 YYYY-MM-DD 填写{what}。");

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(number, cancellationToken) is not { } request)
        {
            return false;
        }

        Application = request;
        Deadline = await queries.DeadlineAsync(request, cancellationToken);
        CorrectionDue = await queries.CorrectionNoticeDueAsync(request, cancellationToken);
        History = await queries.HistoryAsync(number, cancellationToken);
        Documents = await queries.DocumentsAsync(request.Id, cancellationToken);
        Departments = await lookups.DepartmentNamesAsync(cancellationToken);
        return true;
    }
}
