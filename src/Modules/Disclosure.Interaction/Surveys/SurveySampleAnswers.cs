using System.Security.Cryptography;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// Plausible answers for the demo and the data generator, written straight to the tables (no captcha: nobody is
/// answering): repeatable from a seed, popular options first, scales leaning to the satisfied end, optional
/// questions skipped now and then. Free-text answers are not invented; the caller passes real-sounding ones.
/// </summary>
public sealed class SurveySampleAnswers(DisclosureDbContext db, TimeProvider clock)
{
    private const int Chunk = 1_000;

    /// <summary>Adds <paramref name="count"/> responses submitted evenly across the window (up to now, never in the future); returns how many were written.</summary>
    public async Task<int> AddAsync(SurveyDefinition definition, int count, int seed, IReadOnlyList<(int QuestionOrder, string Text, ModerationState State)> texts, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var survey = definition.Survey;
        var end = survey.ClosesUtc < clock.GetUtcNow().UtcDateTime ? survey.ClosesUtc : clock.GetUtcNow().UtcDateTime;
        var span = Math.Max(1, (end - survey.OpensUtc).Ticks);
        var textQueue = texts.ToList();
        for (var start = 0; start < count; start += Chunk)
        {
            var responses = Enumerable.Range(start, Math.Min(Chunk, count - start)).Select(i => new SurveyResponseRecord
            {
                SurveyId = survey.Id,
                SubmittedUtc = DateTime.SpecifyKind(survey.OpensUtc.AddTicks(span / (count + 1) * (i + 1)), DateTimeKind.Utc),
                ChallengeHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            }).ToList();
            db.Set<SurveyResponseRecord>().AddRange(responses);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var response in responses)
            {
                foreach (var question in definition.Questions)
                {
                    if (!question.Question.Required && random.NextDouble() < 0.15)
                    {
                        continue;
                    }

                    foreach (var answer in Answer(question, random, textQueue))
                    {
                        answer.ResponseId = response.Id;
                        answer.SurveyId = survey.Id;
                        db.Set<SurveyAnswerRecord>().Add(answer);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return count;
    }

    private static IEnumerable<SurveyAnswerRecord> Answer(SurveyQuestion question, Random random, List<(int QuestionOrder, string Text, ModerationState State)> texts)
    {
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice:
                yield return new SurveyAnswerRecord { QuestionId = question.Id, OptionId = question.Options[Weighted(random, question.Options.Count)].Id };
                break;
            case QuestionKind.MultipleChoice:
            {
                var chosen = question.Options.Where((_, i) => random.NextDouble() < 0.65 - 0.4 * i / Math.Max(1, question.Options.Count)).ToList();
                if (chosen.Count == 0)
                {
                    chosen.Add(question.Options[0]);
                }

                foreach (var option in chosen)
                {
                    yield return new SurveyAnswerRecord { QuestionId = question.Id, OptionId = option.Id };
                }

                break;
            }

            case QuestionKind.Scale:
            {
                var (min, max) = (question.Question.ScaleMin ?? 1, question.Question.ScaleMax ?? 5);
                // Leaning to the top: the highest value is the most likely.
                yield return new SurveyAnswerRecord { QuestionId = question.Id, ScaleValue = max - Weighted(random, max - min + 1) };
                break;
            }

            default:
            {
                var index = texts.FindIndex(t => t.QuestionOrder == question.Order);
                if (index >= 0)
                {
                    var (_, text, state) = texts[index];
                    texts.RemoveAt(index);
                    yield return new SurveyAnswerRecord { QuestionId = question.Id, Text = text, Moderation = state };
                }

                break;
            }
        }
    }

    /// <summary>0 … n-1, the lower the likelier (weights n, n-1, …, 1).</summary>
    private static int Weighted(Random random, int n)
    {
        var pick = random.Next(n * (n + 1) / 2);
        for (var i = 0; i < n; i++)
        {
            pick -= n - i;
            if (pick < 0)
            {
                return i;
            }
        }

        return n - 1;
    }
}
