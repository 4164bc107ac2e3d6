using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>One row of a question's result table: an option (or a scale value), how many chose it and its share.</summary>
public sealed record ResultRow(string Label, int Count, decimal Percent);

/// <summary>
/// A question's results. <see cref="Answered"/> is how many responses answered it (the base of the percentages; a
/// multiple-choice question's shares may add up to more than 100%). Scale questions have an <see cref="Average"/>;
/// free-text questions list only approved answers in <see cref="Texts"/>.
/// </summary>
public sealed record QuestionResult(SurveyQuestion Question, int Answered, IReadOnlyList<ResultRow> Rows, decimal? Average, IReadOnlyList<string> Texts, int TextsPending);

public sealed record SurveyResultSet(SurveyDefinition Definition, int Responses, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// Counts a survey's answers in the database (GROUP BY option, scale value and question; nothing loads the answers
/// themselves), and lists the approved free-text answers.
/// </summary>
public sealed class SurveyResults(DisclosureDbContext db, SurveyStore store)
{
    /// <summary>Free-text answers shown per question on the results page.</summary>
    public const int TextsShown = 200;

    public async Task<SurveyResultSet?> ComputeAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(surveyId, cancellationToken) is not { } definition)
        {
            return null;
        }

        var answers = db.Set<SurveyAnswerRecord>().AsNoTracking().Where(a => a.SurveyId == surveyId);
        var answered = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Count, cancellationToken);
        var byOption = await answers.Where(a => a.OptionId != null).GroupBy(a => a.OptionId!.Value)
            .Select(g => new { OptionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.OptionId, x => x.Count, cancellationToken);
        var byScale = (await answers.Where(a => a.ScaleValue != null).GroupBy(a => new { a.QuestionId, Value = a.ScaleValue!.Value })
            .Select(g => new { g.Key.QuestionId, g.Key.Value, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToLookup(x => x.QuestionId);
        var pending = await answers.Where(a => a.Moderation == ModerationState.Pending).GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Count, cancellationToken);
        var textQuestions = definition.Questions.Where(q => q.Kind == QuestionKind.FreeText).Select(q => q.Id).ToList();
        var texts = new Dictionary<long, List<string>>();
        foreach (var questionId in textQuestions)
        {
            texts[questionId] = await answers.Where(a => a.QuestionId == questionId && a.Moderation == ModerationState.Approved)
                .OrderBy(a => a.Id).Select(a => a.Text!).Take(TextsShown).ToListAsync(cancellationToken);
        }

        var responses = await db.Set<SurveyResponseRecord>().CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        var results = new List<QuestionResult>();
        foreach (var question in definition.Questions)
        {
            var total = answered.GetValueOrDefault(question.Id);
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice:
                case QuestionKind.MultipleChoice:
                    results.Add(new QuestionResult(question, total,
                        question.Options.Select(o => Row(o.Text, byOption.GetValueOrDefault(o.Id), total)).ToList(), null, [], 0));
                    break;
                case QuestionKind.Scale:
                {
                    var counts = byScale[question.Id].ToDictionary(x => x.Value, x => x.Count);
                    var (min, max) = (question.Question.ScaleMin ?? 1, question.Question.ScaleMax ?? 5);
                    var rows = Enumerable.Range(min, max - min + 1).Select(v => Row(ScaleLabel(question.Question, v), counts.GetValueOrDefault(v), total)).ToList();
                    decimal? average = total == 0 ? null : Math.Round((decimal)counts.Sum(c => (long)c.Key * c.Value) / counts.Values.Sum(), 2, MidpointRounding.AwayFromZero);
                    results.Add(new QuestionResult(question, total, rows, average, [], 0));
                    break;
                }

                default:
                    results.Add(new QuestionResult(question, total, [], null, texts.GetValueOrDefault(question.Id) ?? [], pending.GetValueOrDefault(question.Id)));
                    break;
            }
        }

        return new SurveyResultSet(definition, responses, results);
    }

    /// <summary>A scale value as its row is labelled: <c>1（非常不满意）</c>, <c>3</c>, <c>5（非常满意）</c>.</summary>
    public static string ScaleLabel(SurveyQuestionRecord question, int value) =>
        value == question.ScaleMin && question.ScaleMinLabel is { } low ? $"{value}（{low}）"
        : value == question.ScaleMax && question.ScaleMaxLabel is { } high ? $"{value}（{high}）"
        : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The share in percent, one decimal, rounded half away from zero.</summary>
    public static decimal Percent(int count, int total) => total == 0 ? 0 : Math.Round(count * 100m / total, 1, MidpointRounding.AwayFromZero);

    private static ResultRow Row(string label, int count, int total) => new(label, count, Percent(count, total));
}
