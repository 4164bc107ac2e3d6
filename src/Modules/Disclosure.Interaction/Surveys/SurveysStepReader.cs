using Disclosure.Core.Recipes;
using Disclosure.Interaction.Submissions;

namespace Disclosure.Interaction.Surveys;

/// <summary>A survey of a <see cref="SurveysStep"/>: the questionnaire, whether it is published, and sample answers.</summary>
public sealed record RecipeSurvey(SurveyDraft Draft, bool Publish, bool PublishResults, int SampleResponses, int Seed, IReadOnlyList<(int QuestionOrder, string Text, ModerationState State)> TextAnswers);

/// <summary>Surveys with their questions and, for the demo, sample answers.</summary>
public sealed record SurveysStep(string Path, IReadOnlyList<RecipeSurvey> Surveys) : RecipeStep(Path);

/// <summary>
/// The <c>Surveys</c> step (times in China time, a date alone opens at 00:00 and closes at the end of the day):
/// <code>
/// { "name": "Surveys", "surveys": [ { "title": "……", "introduction": "……", "opens": "2026-09-01", "closes": "2026-09-30",
///   "publish": true, "publishResults": true, "sampleResponses": 240, "seed": 7,
///   "questions": [ { "kind": "single", "text": "……", "required": true, "options": [ "……", "……" ] },
///                  { "kind": "scale", "text": "……", "min": 1, "max": 5, "minLabel": "很不满意", "maxLabel": "非常满意" },
///                  { "kind": "text", "text": "……" } ],
///   "textAnswers": [ { "question": 3, "text": "……", "state": "approved" } ] } ] }
/// </code>
/// </summary>
public sealed class SurveysStepReader : IRecipeStepReader
{
    public const string StepNameValue = "Surveys";

    public string StepName => StepNameValue;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var surveys = new List<RecipeSurvey>();
        foreach (var node in step.Array("surveys", required: true))
        {
            var title = node.String("title", required: true);
            var opens = Time(node, "opens", closing: false);
            var closes = Time(node, "closes", closing: true);
            var questions = new List<QuestionDraft>();
            foreach (var q in node.Array("questions", required: true))
            {
                var kindCode = q.String("kind", required: true);
                var text = q.String("text", required: true);
                if (QuestionKinds.FromCode(kindCode) is not { } kind)
                {
                    if (kindCode is not null)
                    {
                        q.Property("kind")!.Value.Error($"“{kindCode}”不是题型（可用：single、multiple、scale、text）。");
                    }

                    continue;
                }

                questions.Add(new QuestionDraft(kind, text ?? string.Empty, q.Boolean("required"), q.StringArray("options"))
                {
                    ScaleMin = (int)(q.Number("min") ?? 1),
                    ScaleMax = (int)(q.Number("max") ?? 5),
                    ScaleMinLabel = q.String("minLabel"),
                    ScaleMaxLabel = q.String("maxLabel"),
                });
            }

            var texts = new List<(int, string, ModerationState)>();
            foreach (var t in node.Array("textAnswers"))
            {
                var order = (int)(t.Number("question") ?? 0);
                var text = t.String("text", required: true);
                var state = t.String("state") switch
                {
                    null or "pending" => ModerationState.Pending,
                    "approved" => ModerationState.Approved,
                    "rejected" => ModerationState.Rejected,
                    var other => Invalid(t, other),
                };
                if (order < 1 || order > questions.Count || questions[order - 1].Kind != QuestionKind.FreeText)
                {
                    t.Error($"第 {order} 题不是本问卷的填空题。");
                }
                else if (text is not null)
                {
                    texts.Add((order, text, state));
                }
            }

            if (title is null || opens is null || closes is null)
            {
                continue;
            }

            var draft = new SurveyDraft(title, node.String("introduction") ?? string.Empty, opens.Value, closes.Value, questions);
            foreach (var problem in SurveyStore.Problems(draft))
            {
                node.Error(problem);
            }

            surveys.Add(new RecipeSurvey(draft, node.Boolean("publish"), node.Boolean("publishResults"),
                (int)(node.Number("sampleResponses") ?? 0), (int)(node.Number("seed") ?? 1), texts));
        }

        return new SurveysStep(step.Path, surveys);
    }

    private static ModerationState Invalid(JsonCursor node, string state)
    {
        node.Property("state")!.Value.Error($"“{state}”不是审核状态（可用：pending、approved、rejected）。");
        return ModerationState.Pending;
    }

    private static DateTime? Time(JsonCursor node, string property, bool closing)
    {
        var text = node.String(property, required: true);
        if (text is null)
        {
            return null;
        }

        if (SurveyWindow.TryParse(text, closing, out var utc, out var error))
        {
            return utc;
        }

        node.Property(property)!.Value.Error(error!);
        return null;
    }
}
