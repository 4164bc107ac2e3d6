using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Interaction.Mailbox;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Mailbox;

/// <summary>
/// One letter: its text and attachments, its timeline, and the step its stage and the user's role allow — 分办 for
/// the 公开办, the draft for the department, the 部门负责人's and then the 公开办's review, 延期, and publication of the
/// masked copy. The writer's personal data is shown only after a stated purpose, and the read is in the 台账.
/// </summary>
[Authorize(Policy = InteractionModule.MailboxPolicy)]
public sealed class DetailsModel(LetterQueries queries, MailboxService mailbox, AdminLookups lookups, LedgerHistory history) : PageModel
{
    public LetterDetails Details { get; private set; } = null!;

    public LetterRecord Letter => Details.Row.Letter;

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public Actor Actor { get; private set; } = Actor.System;

    /// <summary>Set after 查看来信人信息 with a purpose.</summary>
    public LetterWriterRecord? Writer { get; private set; }

    /// <summary>Set after 公开预览: the masked copy proposed for publication.</summary>
    public MaskedLetter? Proposal { get; private set; }

    /// <summary>The action that was refused and why.</summary>
    public string? FailedAction { get; private set; }

    public string? Error { get; private set; }

    public int MaxExtension => mailbox.MaxExtensionWorkingDays;

    public string? Posted(string name) => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : null;

    public bool IsOffice => LetterAccess.IsOffice(Actor);

    public bool MayDraft => LetterAccess.MayDraft(Actor, Letter);

    public bool MayApproveForDepartment => LetterAccess.MayApproveForDepartment(Actor, Letter);

    public bool Publishable => Letter.Kind != LetterKind.Report && Letter.MayPublish && Letter.Stage == LetterStage.Replied;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(string number, long id, CancellationToken cancellationToken)
    {
        if (await queries.AttachmentAsync(number, id, User.ToActor(), cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostRouteAsync(string number, string? department, string? note, CancellationToken cancellationToken) =>
        ActAsync(number, "route", id => mailbox.RouteAsync(id, department, note, Actor, cancellationToken), "已分办。", cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(string number, string? note, CancellationToken cancellationToken) =>
        ActAsync(number, "sendback", id => mailbox.SendBackAsync(id, note, Actor, cancellationToken), "已退回公开办重新分办。", cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(string number, string? reply, string? submit, CancellationToken cancellationToken) =>
        ActAsync(number, "reply", id => mailbox.SaveReplyAsync(id, reply, submit is not null, Actor, cancellationToken),
            submit is not null ? "答复已提交部门负责人审核。" : "答复草稿已保存。", cancellationToken);

    public Task<IActionResult> OnPostDepartmentAsync(string number, string? decision, string? note, CancellationToken cancellationToken) =>
        ActAsync(number, "department", id => mailbox.DepartmentDecideAsync(id, decision == "approve", note, Actor, cancellationToken),
            decision == "approve" ? "已审核通过，送公开办审核。" : "已退回承办人修改。", cancellationToken);

    public Task<IActionResult> OnPostOfficeAsync(string number, string? decision, string? note, CancellationToken cancellationToken) =>
        ActAsync(number, "office", id => mailbox.OfficeDecideAsync(id, decision == "send", note, Actor, cancellationToken),
            decision == "send" ? "答复已发送，来信人可凭查询码查看。" : "已退回承办部门修改。", cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string number, int days, string? reason, CancellationToken cancellationToken) =>
        ActAsync(number, "extend", id => mailbox.ExtendAsync(id, days, reason, Actor, cancellationToken), $"已延期 {days} 个工作日。", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string number, string? subject, string? body, string? reply, CancellationToken cancellationToken) =>
        ActAsync(number, "publish", id => mailbox.PublishAsync(id, subject, body, reply, Actor, cancellationToken), "已公开选登。", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string number, string? reason, CancellationToken cancellationToken) =>
        ActAsync(number, "withdraw", id => mailbox.WithdrawAsync(id, reason, Actor, cancellationToken), "已撤回公开。", cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            Proposal = await mailbox.ProposePublicationAsync(Letter.Id, Actor, cancellationToken);
            return Page();
        }
        catch (MailboxException ex)
        {
            return Refused("publish", ex.Message);
        }
    }

    public async Task<IActionResult> OnPostWriterAsync(string number, string? purpose, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var reason = LetterText.Clean(purpose);
        if (reason.Length is < 2 or > 200)
        {
            return Refused("writer", reason.Length == 0 ? "请填写查看目的（记入台账）。" : "查看目的应为 2 至 200 个字。");
        }

        Writer = await queries.ReadWriterAsync(number, Actor, reason, cancellationToken);
        History = await history.OfAsync(MailboxLedgerActions.Subject(number), cancellationToken);
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }

    public string DepartmentName(string? code) => code is null ? "—" : Departments.GetValueOrDefault(code, code);

    public static string LetterUrl(string number) => "/admin/mailbox/" + Uri.EscapeDataString(number);

    private async Task<IActionResult> ActAsync(string number, string action, Func<long, Task> act, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await act(Letter.Id);
        }
        catch (MailboxException ex)
        {
            return Refused(action, ex.Message);
        }

        TempData["Message"] = $"来信 {number}：{done}";
        return Redirect(LetterUrl(number));
    }

    private PageResult Refused(string action, string error)
    {
        (FailedAction, Error) = (action, error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        Actor = User.ToActor();
        if (await queries.FindAsync(number, Actor, cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        Departments = await lookups.DepartmentNamesAsync(cancellationToken);
        History = await history.OfAsync(MailboxLedgerActions.Subject(number), cancellationToken);
        return true;
    }
}
