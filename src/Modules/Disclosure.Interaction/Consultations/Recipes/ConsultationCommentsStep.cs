using System.Globalization;
using Disclosure.Core.Recipes;
using Disclosure.Interaction.Submissions;

namespace Disclosure.Interaction.Consultations.Recipes;

/// <summary>Comments already received on consultations (the demo's), with their moderation state.</summary>
public sealed record ConsultationCommentsStep(string Path, IReadOnlyList<RecipeComment> Comments) : RecipeStep(Path);

/// <summary>A comment of a <see cref="ConsultationCommentsStep"/>; <see cref="SubmittedAt"/> must fall in the consultation's window.</summary>
public sealed record RecipeComment(string Consultation, string? Name, string? Phone, string? Email, string Body, DateTimeOffset SubmittedAt, ModerationState State);

/// <summary>
/// The <c>ConsultationComments</c> step:
/// <code>
/// { "name": "ConsultationComments", "comments": [ { "consultation": "consultation-2026-ebike-parking", "name": "王女士",
///   "phone": "139…", "body": "……", "submittedAt": "2026-11-16T09:30:00+08:00", "state": "approved" } ] }
/// </code>
/// <c>state</c> is <c>pending</c> (default), <c>approved</c> or <c>rejected</c>; the consultations come from a Content step.
/// </summary>
public sealed class ConsultationCommentsStepReader : IRecipeStepReader
{
    public const string StepNameValue = "ConsultationComments";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var comments = new List<RecipeComment>();
        foreach (var node in step.Array("comments", required: true))
        {
            var consultation = node.String("consultation", required: true);
            var body = node.String("body", required: true);
            var submittedText = node.String("submittedAt", required: true);
            DateTimeOffset? submitted = null;
            if (submittedText is not null)
            {
                if (DateTimeOffset.TryParseExact(submittedText, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    submitted = at;
                }
                else
                {
                    node.Property("submittedAt")!.Value.Error($"“{submittedText}”不是时间（如 2026-11-16T09:30:00+08:00）。");
                }
            }

            var stateText = node.String("state") ?? "pending";
            ModerationState? state = stateText switch
            {
                "pending" => ModerationState.Pending,
                "approved" => ModerationState.Approved,
                "rejected" => ModerationState.Rejected,
                _ => null,
            };
            if (state is null)
            {
                node.Property("state")!.Value.Error($"“{stateText}”不是审核状态（pending、approved 或 rejected）。");
            }

            var input = new ConsultationCommentInput(node.String("name"), node.String("phone"), node.String("email"), body);
            foreach (var problem in body is null ? [] : input.Validate().Values)
            {
                node.Error(problem);
            }

            if (consultation is not null && body is not null && submitted is not null && state is not null)
            {
                comments.Add(new RecipeComment(consultation, input.Name, input.Phone, input.Email, body, submitted.Value, state.Value));
            }
        }

        return new ConsultationCommentsStep(step.Path, comments);
    }
}
