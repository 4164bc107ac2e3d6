using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Interaction.Submissions;
using Disclosure.Site.Forms;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>Why a submission was not stored.</summary>
public enum SubmissionOutcome
{
    Accepted,

    /// <summary>Something to correct: <see cref="SubmissionResult.Errors"/> says what, per question and for the captcha.</summary>
    Invalid,

    /// <summary>Not open: not published, not yet open, or already closed.</summary>
    NotOpen,
}

/// <summary>What became of a submission; the error keys are the form's field names (<see cref="SurveyAnswering.Field"/>, <see cref="SurveyAnswering.CaptchaField"/>).</summary>
public sealed record SubmissionResult(SubmissionOutcome Outcome, IReadOnlyDictionary<string, string> Errors, long? ResponseId = null);

/// <summary>
/// The public's side of 社会评议: the surveys a visitor may see and answering one. An answer is stored only inside the
/// window, only with a captcha challenge answered right (the challenge is spent on every attempt and its hash is
/// unique among the responses, so one challenge carries at most one answer), and only whole: every question checked
/// first, then the response and all its answers in one transaction.
/// </summary>
public sealed class SurveyAnswering(DisclosureDbContext db, CaptchaStore captchas, SurveyStore store, TimeProvider clock)
{
    public const string CaptchaField = "captcha";

    /// <summary>The form field of a question: <c>q12</c>.</summary>
    public static string Field(long questionId) => "q" + questionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Published surveys open now (closing soonest first), and closed ones with their results published (latest first).</summary>
    public async Task<(IReadOnlyList<SurveyRecord> Open, IReadOnlyList<SurveyRecord> WithResults)> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<SurveyRecord>().AsNoTracking()
            .Where(s => s.PublishedUtc != null && s.OpensUtc <= now && s.ClosesUtc > now)
            .OrderBy(s => s.ClosesUtc).ToListAsync(cancellationToken);
        var done = await db.Set<SurveyRecord>().AsNoTracking()
            .Where(s => s.ResultsPublishedUtc != null)
            .OrderByDescending(s => s.ResultsPublishedUtc).ToListAsync(cancellationToken);
        return (open, done);
    }

    /// <summary>A published survey, or null (a draft is nobody's business outside the office).</summary>
    public async Task<SurveyDefinition?> FindPublishedAsync(long id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(id, cancellationToken) is { Survey.PublishedUtc: not null } found ? found : null;

    /// <summary>
    /// Stores one response. <paramref name="values"/> holds what the form sent per question id (the option ids, the
    /// scale value or the text); anything for questions the survey does not have is ignored.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(
        long surveyId, string? captchaId, string? captcha, IReadOnlyDictionary<long, IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        var definition = await FindPublishedAsync(surveyId, cancellationToken);
        if (definition is null || !definition.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            return new SubmissionResult(SubmissionOutcome.NotOpen, new Dictionary<string, string>());
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new List<SurveyAnswerRecord>();
        foreach (var question in definition.Questions)
        {
            var given = values.TryGetValue(question.Id, out var list) ? list.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() : [];
            if (Check(question, given, answers) is { } error)
            {
                errors[Field(question.Id)] = error;
            }
        }

        // Checked (and spent) on every submission inside the window, even one with other mistakes.
        if (!await captchas.CheckAsync(captchaId, captcha, cancellationToken))
        {
            errors[CaptchaField] = string.IsNullOrWhiteSpace(captcha) ? "请输入图片中的验证码。" : "验证码不正确或已过期，请输入新图片中的字符。";
        }

        if (errors.Count > 0)
        {
            return new SubmissionResult(SubmissionOutcome.Invalid, errors);
        }

        var hash = ChallengeHash(captchaId!);
        try
        {
            var responseId = await db.InTransactionAsync(async () =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // The window again, inside the transaction: the office may have closed the survey meanwhile.
                if (!await db.Set<SurveyRecord>().AnyAsync(s => s.Id == surveyId && s.PublishedUtc != null && s.OpensUtc <= now && s.ClosesUtc > now, cancellationToken))
                {
                    return (long?)null;
                }

                var response = new SurveyResponseRecord { SurveyId = surveyId, SubmittedUtc = now, ChallengeHash = hash };
                db.Set<SurveyResponseRecord>().Add(response);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var answer in answers)
                {
                    answer.ResponseId = response.Id;
                    answer.SurveyId = surveyId;
                }

                db.Set<SurveyAnswerRecord>().AddRange(answers);
                await db.SaveChangesAsync(cancellationToken);
                return response.Id;
            }, cancellationToken);
            return responseId is null
                ? new SubmissionResult(SubmissionOutcome.NotOpen, new Dictionary<string, string>())
                : new SubmissionResult(SubmissionOutcome.Accepted, new Dictionary<string, string>(), responseId);
        }
        catch (DbUpdateException)
        {
            // The challenge's hash is already on a response: the same challenge twice, nothing written.
            db.ChangeTracker.Clear();
            return new SubmissionResult(SubmissionOutcome.Invalid, new Dictionary<string, string> { [CaptchaField] = "该验证码已经使用过，请输入新图片中的字符。" });
        }
    }

    /// <summary>SHA-256 of the challenge id, hex: what <see cref="SurveyResponseRecord.ChallengeHash"/> holds.</summary>
    public static string ChallengeHash(string challengeId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(challengeId)));

    /// <summary>The zh-CN problem with what was given for a question, or null (and its answer rows added).</summary>
    private static string? Check(SurveyQuestion question, List<string> given, List<SurveyAnswerRecord> answers)
    {
        var required = question.Question.Required;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice:
            case QuestionKind.MultipleChoice:
            {
                if (given.Count == 0)
                {
                    return required ? (question.Kind == QuestionKind.SingleChoice ? "本题为必答题，请选择一项。" : "本题为必答题，请至少选择一项。") : null;
                }

                if (question.Kind == QuestionKind.SingleChoice && given.Count > 1)
                {
                    return "本题为单选题，只能选择一项。";
                }

                var chosen = new List<long>();
                foreach (var value in given.Distinct(StringComparer.Ordinal))
                {
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var optionId) || question.Options.All(o => o.Id != optionId))
                    {
                        return "所选选项不属于本题，请重新选择。";
                    }

                    chosen.Add(optionId);
                }

                answers.AddRange(chosen.Select(id => new SurveyAnswerRecord { QuestionId = question.Id, OptionId = id }));
                return null;
            }

            case QuestionKind.Scale:
            {
                var (min, max) = (question.Question.ScaleMin ?? 1, question.Question.ScaleMax ?? 5);
                if (given.Count == 0)
                {
                    return required ? $"本题为必答题，请在 {min} 到 {max} 之间选择一个分值。" : null;
                }

                if (given.Count > 1 || !int.TryParse(given[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                {
                    return $"请在 {min} 到 {max} 之间选择一个分值。";
                }

                answers.Add(new SurveyAnswerRecord { QuestionId = question.Id, ScaleValue = value });
                return null;
            }

            default:
            {
                var text = string.Join("\n", given).Replace("\r\n", "\n", StringComparison.Ordinal);
                if (text.Length == 0)
                {
                    return required ? "本题为必答题，请填写。" : null;
                }

                if (text.Length > SurveyLimits.TextAnswerLength)
                {
                    return $"请不要超过 {SurveyLimits.TextAnswerLength} 字（现为 {text.Length} 字）。";
                }

                answers.Add(new SurveyAnswerRecord { QuestionId = question.Id, Text = text, Moderation = ModerationState.Pending });
                return null;
            }
        }
    }
}
