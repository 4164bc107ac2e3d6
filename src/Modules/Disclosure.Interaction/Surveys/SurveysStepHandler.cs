using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// Applies a <see cref="SurveysStep"/>: each survey created through <see cref="SurveyStore"/> (the same checks as the
/// admin form), published and its results published as the recipe says — dated to its window, as if the office had
/// done it then — and given its sample answers. A survey whose title already exists is left as it is.
/// </summary>
internal sealed class SurveysStepHandler(SurveyStore store, SurveySampleAnswers samples, DisclosureDbContext db, SetupNotices notices) : RecipeStepHandler<SurveysStep>
{
    public const string Actor = "setup";

    protected override async Task ApplyAsync(SurveysStep step, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var recipe in step.Surveys)
        {
            var title = recipe.Draft.Title.Trim();
            if (await db.Set<SurveyRecord>().AnyAsync(s => s.Title == title, cancellationToken))
            {
                continue;
            }

            var id = await store.CreateAsync(recipe.Draft, Actor, cancellationToken);
            if (recipe.Publish)
            {
                var survey = await db.Set<SurveyRecord>().SingleAsync(s => s.Id == id, cancellationToken);
                survey.PublishedUtc = survey.OpensUtc;
                if (recipe.PublishResults)
                {
                    survey.ResultsPublishedUtc = survey.ClosesUtc.AddDays(3);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            if (recipe.SampleResponses > 0 || recipe.TextAnswers.Count > 0)
            {
                var definition = (await store.FindAsync(id, cancellationToken))!;
                await samples.AddAsync(definition, Math.Max(recipe.SampleResponses, recipe.TextAnswers.Count), recipe.Seed, recipe.TextAnswers, cancellationToken);
            }

            lines.Add($"{SurveyPaths.Public(id)}  《{title}》  {SurveyStore.Window((await db.Set<SurveyRecord>().AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken)))}  示例答卷 {Math.Max(recipe.SampleResponses, recipe.TextAnswers.Count)} 份");
        }

        if (lines.Count > 0)
        {
            notices.Add("社会评议演示问卷", lines);
        }
    }
}
