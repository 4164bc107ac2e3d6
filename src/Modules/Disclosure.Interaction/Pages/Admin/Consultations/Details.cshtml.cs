using Disclosure.Contents.Admin;
using Disclosure.Interaction.Consultations;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Consultations;

/// <summary>
/// One consultation's comments for the office: counts by state, the comments (contact included — this page is the
/// office's) filtered by state, 公开 / 不予公开 each, the XLSX export and starting the 意见采纳情况 pre-filled with the
/// counts. Each of those actions is recorded in the 台账.
/// </summary>
[Authorize(Policy = InteractionModule.ConsultationsPolicy)]
[ContentItemAccess]
public sealed class ConsultationDetailsModel(
    ConsultationDirectory directory, ConsultationComments comments, FeedbackDrafts feedbackDrafts, LedgerHistory history) : PageModel
{
    /// <summary><c>pending</c> (default), <c>approved</c>, <c>rejected</c> or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public ConsultationSummary Consultation { get; private set; } = null!;

    public CommentCounts Counts { get; private set; } = CommentCounts.None;

    public IReadOnlyList<ConsultationCommentRecord> Comments { get; private set; } = [];

    public FeedbackLink? Feedback { get; private set; }

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public string? Notice { get; private set; }

    public DateOnly Today => directory.Today;

    public ModerationState? Filter => State switch
    {
        "approved" => ModerationState.Approved,
        "rejected" => ModerationState.Rejected,
        "all" => null,
        _ => ModerationState.Pending,
    };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(string id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var bytes = await comments.ExportAsync(id, Actor, cancellationToken);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"征求意见-{id}.xlsx");
    }

    public async Task<IActionResult> OnPostModerateAsync(string id, long commentId, string? decision, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var state = decision switch
        {
            "approve" => ModerationState.Approved,
            "reject" => ModerationState.Rejected,
            _ => (ModerationState?)null,
        };
        if (state is null)
        {
            return BadRequest();
        }

        var changed = await comments.ModerateAsync(id, commentId, state.Value, Actor, cancellationToken);
        return Redirect(ConsultationsIndexModel.DetailsUrl(id) + $"?state={State ?? "pending"}&done={(changed ? decision : "none")}");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(string id, CancellationToken cancellationToken)
    {
        var draft = await feedbackDrafts.StartAsync(id, Actor, cancellationToken);
        return draft is null ? NotFound() : Redirect($"/admin/content/{Uri.EscapeDataString(draft)}/edit");
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } consultation)
        {
            return false;
        }

        Consultation = consultation;
        Counts = (await comments.CountsAsync([id], cancellationToken)).GetValueOrDefault(id, CommentCounts.None);
        Comments = await comments.ForOfficeAsync(id, Filter, cancellationToken);
        Feedback = (await directory.FeedbackAsync([id], cancellationToken)).GetValueOrDefault(id);
        History = await history.LatestOfAsync(ConsultationLedgerActions.Subject(id), 20, cancellationToken);
        Notice = Request.Query["done"].ToString() switch
        {
            "approve" => "已公开该条意见。",
            "reject" => "已将该条意见设为不予公开。",
            "none" => "该条意见的状态没有变化。",
            _ => null,
        };
        return true;
    }
}
