using Disclosure.Core.Recipes;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Consultations.Recipes;

/// <summary>
/// Applies a <see cref="ConsultationCommentsStep"/>: each comment stored as it was received and moderated (by
/// <see cref="Actor"/>), refused when its consultation is not published or it was sent outside the window. A comment
/// already there (same consultation, time and text) is left as it is, so the step can run again.
/// </summary>
internal sealed class ConsultationCommentsStepHandler(DisclosureDbContext db, ConsultationDirectory directory) : RecipeStepHandler<ConsultationCommentsStep>
{
    public const string Actor = "setup";

    protected override async Task ApplyAsync(ConsultationCommentsStep step, CancellationToken cancellationToken)
    {
        var errors = new List<RecipeError>();
        var comments = db.Set<ConsultationCommentRecord>();
        for (var i = 0; i < step.Comments.Count; i++)
        {
            var recipe = step.Comments[i];
            var at = recipe.SubmittedAt.UtcDateTime;
            var date = DateOnly.FromDateTime(recipe.SubmittedAt.ToOffset(Core.Time.ChinaTime.Offset).DateTime);
            if (await directory.FindAsync(recipe.Consultation, cancellationToken) is not { } consultation)
            {
                errors.Add(new RecipeError(string.Empty, $"{step.Path}.comments[{i}].consultation", $"征求意见“{recipe.Consultation}”不存在或未发布。"));
                continue;
            }

            if (date < consultation.Start || date > consultation.End)
            {
                errors.Add(new RecipeError(string.Empty, $"{step.Path}.comments[{i}].submittedAt", $"提交日期 {date:yyyy-MM-dd} 不在征求意见期内。"));
                continue;
            }

            if (await comments.AnyAsync(c => c.ConsultationId == consultation.Id && c.SubmittedUtc == at && c.Body == recipe.Body, cancellationToken))
            {
                continue;
            }

            comments.Add(new ConsultationCommentRecord
            {
                ConsultationId = consultation.Id,
                Name = recipe.Name,
                Phone = recipe.Phone,
                Email = recipe.Email,
                Body = recipe.Body,
                State = recipe.State,
                SubmittedUtc = at,
                ModeratedUtc = recipe.State == ModerationState.Pending ? null : at.AddDays(1),
                ModeratedBy = recipe.State == ModerationState.Pending ? null : Actor,
            });
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
