using Disclosure.Interaction.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Surveys;

/// <summary>One question row of the form; a row whose text is blank is not a question.</summary>
public sealed class QuestionInput
{
    public int? Order { get; set; }
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public bool Required { get; set; }

    /// <summary>Choice questions: one option per line.</summary>
    public string? Options { get; set; }

    public int? ScaleMin { get; set; }
    public int? ScaleMax { get; set; }
    public string? ScaleMinLabel { get; set; }
    public string? ScaleMaxLabel { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// 新建 or 修改 a questionnaire: title, introduction, window (China time) and its questions as rows — kind, text,
/// 必答, options one per line, a scale's ends and their labels — numbered by the 序号 column. Blank rows are ignored;
/// “再加三行” adds rows without saving. Once answers exist the questions are shown but cannot be changed.
/// </summary>
[Authorize(Policy = InteractionModule.SurveysPolicy)]
public sealed class EditModel(SurveyStore store) : PageModel
{
    public const int BlankRows = 3;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public string? Opens { get; set; }
    [BindProperty] public string? Closes { get; set; }
    [BindProperty] public List<QuestionInput> Questions { get; set; } = [];

    public long? Id { get; private set; }

    public int Responses { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } surveyId)
        {
            if (await store.FindAsync(surveyId, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            (Id, Responses) = (surveyId, found.Responses);
            (Title, Introduction) = (found.Survey.Title, found.Survey.Introduction);
            (Opens, Closes) = (SurveyWindow.Input(found.Survey.OpensUtc), SurveyWindow.Input(found.Survey.ClosesUtc));
            Questions = found.Questions.Select(q => new QuestionInput
            {
                Order = q.Order, Kind = QuestionKinds.Code(q.Kind), Text = q.Text, Required = q.Question.Required,
                Options = string.Join("\n", q.Options.Select(o => o.Text)),
                ScaleMin = q.Question.ScaleMin, ScaleMax = q.Question.ScaleMax, ScaleMinLabel = q.Question.ScaleMinLabel, ScaleMaxLabel = q.Question.ScaleMaxLabel,
            }).ToList();
        }
        else
        {
            var today = Core.Time.ChinaTime.ToDate(store.NowUtc);
            // From tomorrow 00:00 for thirty days, as a starting point.
            (Opens, Closes) = (Core.Time.DateText.Date(today.AddDays(1)) + "T00:00", Core.Time.DateText.Date(today.AddDays(31)) + "T00:00");
        }

        Pad(BlankRows);
        return Page();
    }

    /// <summary>再加三行: what was typed stays, nothing is saved.</summary>
    public async Task<IActionResult> OnPostMoreAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Pad(BlankRows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new List<string>();
        SurveyWindow.TryParse(Opens, closing: false, out var opens, out var opensError);
        SurveyWindow.TryParse(Closes, closing: true, out var closes, out var closesError);
        errors.AddRange(new[] { opensError, closesError }.OfType<string>());
        var rows = Questions.Where(q => !q.IsBlank).OrderBy(q => q.Order ?? int.MaxValue).ToList();
        var drafts = new List<QuestionDraft>();
        foreach (var row in rows)
        {
            if (QuestionKinds.FromCode(row.Kind) is not { } kind)
            {
                errors.Add($"题目“{row.Text}”：请选择题型。");
                continue;
            }

            drafts.Add(new QuestionDraft(kind, row.Text!, row.Required, (row.Options ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                ScaleMin = row.ScaleMin ?? 1, ScaleMax = row.ScaleMax ?? 5, ScaleMinLabel = row.ScaleMinLabel, ScaleMaxLabel = row.ScaleMaxLabel,
            });
        }

        if (errors.Count == 0)
        {
            var draft = new SurveyDraft(Title ?? string.Empty, Introduction ?? string.Empty, opens, closes, drafts);
            try
            {
                if (Id is { } existing)
                {
                    await store.UpdateAsync(existing, draft, User.Identity!.Name!, cancellationToken);
                }
                else
                {
                    Id = await store.CreateAsync(draft, User.Identity!.Name!, cancellationToken);
                }

                TempData["Message"] = $"问卷《{draft.Title.Trim()}》已保存。";
                return Redirect(SurveyPaths.Admin(Id.Value));
            }
            catch (SurveyException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        Errors = errors;
        Pad(0);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is not { } surveyId)
        {
            return true;
        }

        if (await store.FindAsync(surveyId, cancellationToken) is not { } found)
        {
            return false;
        }

        (Id, Responses) = (surveyId, found.Responses);
        return true;
    }

    /// <summary>The rows typed, numbered, and <paramref name="blank"/> more to fill in (at least five rows in all).</summary>
    private void Pad(int blank)
    {
        var filled = Questions.Where(q => !q.IsBlank).OrderBy(q => q.Order ?? int.MaxValue).ToList();
        var total = Math.Min(SurveyLimits.MaxQuestions, Math.Max(5, filled.Count + blank));
        Questions = filled;
        while (Questions.Count < total)
        {
            Questions.Add(new QuestionInput { Kind = QuestionKinds.Code(QuestionKind.SingleChoice) });
        }

        for (var i = 0; i < Questions.Count; i++)
        {
            Questions[i].Order = i + 1;
        }
    }
}
