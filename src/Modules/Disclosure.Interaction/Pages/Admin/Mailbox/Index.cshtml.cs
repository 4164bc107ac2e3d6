using Disclosure.Admin;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Mailbox;

/// <summary>
/// 局长信箱's board: letters per stage, those near or past their deadline, the list with its filters and, for the
/// 公开办, the 不满意 ratings waiting for a 回访. A department's staff see only their department's letters.
/// </summary>
[Authorize(Policy = InteractionModule.MailboxPolicy)]
public sealed class MailboxIndexModel(LetterQueries queries, RatingService ratings, AdminLookups lookups) : PageModel
{
    public IReadOnlyDictionary<LetterStage, int> Counts { get; private set; } = new Dictionary<LetterStage, int>();

    public IReadOnlyList<LetterRow> Reminders { get; private set; } = [];

    public IReadOnlyList<LetterRow> Rows { get; private set; } = [];

    public IReadOnlyList<ReplyRatingRecord> FollowUps { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    public bool IsOffice { get; private set; }

    [BindProperty(SupportsGet = true)]
    public LetterStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public LetterKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public DateOnly Today => queries.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        IsOffice = LetterAccess.IsOffice(actor);
        Departments = await lookups.DepartmentNamesAsync(cancellationToken);
        Counts = await queries.CountsAsync(actor, cancellationToken);
        Reminders = await queries.RemindersAsync(actor, cancellationToken);
        Rows = await queries.ListAsync(actor, new LetterFilter(Stage, Kind, Department, Q), cancellationToken);
        if (IsOffice)
        {
            FollowUps = await ratings.OpenFollowUpsAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostFollowUpAsync(long rating, string? note, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!LetterAccess.IsOffice(actor))
        {
            return Forbid();
        }

        try
        {
            TempData["Message"] = await ratings.CloseFollowUpAsync(rating, note, actor.UserName, cancellationToken) ? "已记录回访情况。" : "该评价已回访或不存在。";
        }
        catch (MailboxException ex)
        {
            TempData["Message"] = ex.Message;
        }

        return Redirect("/admin/mailbox#follow-ups");
    }

    public string DepartmentName(string? code) => code is null ? "—" : Departments.GetValueOrDefault(code, code);
}
