using Disclosure.Interaction.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Surveys;

/// <summary>社会评议: every questionnaire with its state, answers and free-text answers awaiting moderation.</summary>
[Authorize(Policy = InteractionModule.SurveysPolicy)]
public sealed class SurveysIndexModel(SurveyStore store) : PageModel
{
    public IReadOnlyList<(SurveyRecord Survey, int Responses, int PendingTexts)> Surveys { get; private set; } = [];

    public DateTime NowUtc => store.NowUtc;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Surveys = await store.ListAsync(cancellationToken);

    /// <summary>The state as the office reads it.</summary>
    public static string State(SurveyRecord survey, DateTime nowUtc) =>
        survey.PublishedUtc is null ? "草稿"
        : survey.OpensUtc > nowUtc ? "已发布，未开始"
        : survey.ClosesUtc > nowUtc ? "答卷中"
        : survey.ResultsPublishedUtc is null ? "已结束，结果未公布"
        : "已公布结果";
}
