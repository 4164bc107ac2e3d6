using Disclosure.Core.Time;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>A survey with its questions and options, in order, as the pages show and the forms edit it.</summary>
public sealed record SurveyDefinition(SurveyRecord Survey, IReadOnlyList<SurveyQuestion> Questions, int Responses)
{
    public long Id => Survey.Id;

    public bool IsOpenAt(DateTime nowUtc) => Survey.PublishedUtc is not null && Survey.OpensUtc <= nowUtc && nowUtc < Survey.ClosesUtc;
}

/// <summary>A question with its options.</summary>
public sealed record SurveyQuestion(SurveyQuestionRecord Question, IReadOnlyList<SurveyOptionRecord> Options)
{
    public long Id => Question.Id;

    public int Order => Question.Order;

    public QuestionKind Kind => Question.Kind;

    public string Text => Question.Text;
}

/// <summary>
/// The office's side of 社会评议: drafting a questionnaire (the 信息员 may), publishing it, closing it early, publishing
/// its results and moderating its free-text answers (the 公开办). Each change is one transaction with its 台账 entry.
/// Questions cannot change once a survey has answers: the answers would no longer mean what they meant.
/// </summary>
public sealed class SurveyStore(DisclosureDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public async Task<SurveyDefinition?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        var survey = await db.Set<SurveyRecord>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var questions = await db.Set<SurveyQuestionRecord>().AsNoTracking().Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync(cancellationToken);
        var questionIds = questions.Select(q => q.Id).ToList();
        var options = (await db.Set<SurveyOptionRecord>().AsNoTracking().Where(o => questionIds.Contains(o.QuestionId)).ToListAsync(cancellationToken))
            .ToLookup(o => o.QuestionId);
        var responses = await db.Set<SurveyResponseRecord>().CountAsync(r => r.SurveyId == id, cancellationToken);
        return new SurveyDefinition(survey, questions.Select(q => new SurveyQuestion(q, options[q.Id].OrderBy(o => o.Order).ToList())).ToList(), responses);
    }

    /// <summary>Every survey, newest first, with its count of responses (counted in the database).</summary>
    public async Task<IReadOnlyList<(SurveyRecord Survey, int Responses, int PendingTexts)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var surveys = await db.Set<SurveyRecord>().AsNoTracking().OrderByDescending(s => s.OpensUtc).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        var responses = await db.Set<SurveyResponseRecord>().GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var pending = await db.Set<SurveyAnswerRecord>().Where(a => a.Moderation == ModerationState.Pending)
            .GroupBy(a => a.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return surveys.Select(s => (s, responses.GetValueOrDefault(s.Id), pending.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<long> CreateAsync(SurveyDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        Check(draft);
        return await db.InTransactionAsync(async () =>
        {
            var now = NowUtc;
            var survey = new SurveyRecord
            {
                Title = draft.Title.Trim(), Introduction = draft.Introduction.Trim(), OpensUtc = draft.OpensUtc, ClosesUtc = draft.ClosesUtc,
                CreatedUtc = now, CreatedBy = actor, UpdatedUtc = now,
            };
            db.Set<SurveyRecord>().Add(survey);
            await db.SaveChangesAsync(cancellationToken);
            await AddQuestionsAsync(survey.Id, draft.Questions, cancellationToken);
            await ledger.AppendAsync(actor, SurveyLedgerActions.Created, SurveyLedgerActions.Subject(survey.Id), null, null,
                $"《{survey.Title}》，{draft.Questions.Count} 题，{Window(survey)}", cancellationToken);
            return survey.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the title, introduction, window and questions. Once answers exist, the questions must stay exactly as they
    /// are (title, introduction and window may still change).
    /// </summary>
    public async Task UpdateAsync(long id, SurveyDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        Check(draft);
        var current = await FindAsync(id, cancellationToken) ?? throw new SurveyException("问卷不存在。");
        var questionsChanged = !SameQuestions(current.Questions, draft.Questions);
        await db.InTransactionAsync(async () =>
        {
            var survey = await db.Set<SurveyRecord>().SingleAsync(s => s.Id == id, cancellationToken);
            if (questionsChanged && await db.Set<SurveyResponseRecord>().AnyAsync(r => r.SurveyId == id, cancellationToken))
            {
                throw new SurveyException("本问卷已有答卷，题目和选项不能再修改（标题、说明和答卷时间仍可修改）。");
            }

            if (survey.ClosedEarlyUtc is not null && draft.ClosesUtc != survey.ClosesUtc)
            {
                throw new SurveyException("本问卷已提前结束，不能再修改结束时间。");
            }

            (survey.Title, survey.Introduction, survey.OpensUtc, survey.ClosesUtc, survey.UpdatedUtc) =
                (draft.Title.Trim(), draft.Introduction.Trim(), draft.OpensUtc, draft.ClosesUtc, NowUtc);
            await db.SaveChangesAsync(cancellationToken);
            if (questionsChanged)
            {
                var old = await db.Set<SurveyQuestionRecord>().Where(q => q.SurveyId == id).Select(q => q.Id).ToListAsync(cancellationToken);
                await db.Set<SurveyOptionRecord>().Where(o => old.Contains(o.QuestionId)).ExecuteDeleteAsync(cancellationToken);
                await db.Set<SurveyQuestionRecord>().Where(q => q.SurveyId == id).ExecuteDeleteAsync(cancellationToken);
                await AddQuestionsAsync(id, draft.Questions, cancellationToken);
            }

            await ledger.AppendAsync(actor, SurveyLedgerActions.Edited, SurveyLedgerActions.Subject(id), null, null,
                $"《{survey.Title}》，{Window(survey)}{(questionsChanged ? $"，题目改为 {draft.Questions.Count} 题" : "，题目未变")}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Makes the survey public: listed, and open for answers during its window.</summary>
    public Task PublishAsync(long id, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, SurveyLedgerActions.Published, async survey =>
        {
            if (survey.PublishedUtc is not null)
            {
                throw new SurveyException("问卷已经发布。");
            }

            if (survey.ClosesUtc <= NowUtc)
            {
                throw new SurveyException("答卷结束时间已过，请先修改答卷时间再发布。");
            }

            if (!await db.Set<SurveyQuestionRecord>().AnyAsync(q => q.SurveyId == id, cancellationToken))
            {
                throw new SurveyException("问卷还没有题目。");
            }

            survey.PublishedUtc = NowUtc;
            return $"《{survey.Title}》，{Window(survey)}";
        }, cancellationToken);

    /// <summary>Stops answering now, before the planned end.</summary>
    public Task CloseAsync(long id, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, SurveyLedgerActions.Closed, survey =>
        {
            var now = NowUtc;
            if (survey.PublishedUtc is null)
            {
                throw new SurveyException("问卷尚未发布。");
            }

            if (survey.ClosesUtc <= now)
            {
                throw new SurveyException("问卷已经结束。");
            }

            var planned = DateText.Time(survey.ClosesUtc);
            survey.ClosesUtc = now;
            survey.ClosedEarlyUtc = now;
            if (survey.OpensUtc > now)
            {
                survey.OpensUtc = now;
            }

            return Task.FromResult($"《{survey.Title}》，原定 {planned} 结束");
        }, cancellationToken);

    /// <summary>Publishes the results at <c>/surveys/{id}/results</c>; only after the window, as answers still coming in would change them.</summary>
    public Task PublishResultsAsync(long id, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, SurveyLedgerActions.ResultsPublished, async survey =>
        {
            if (survey.PublishedUtc is null)
            {
                throw new SurveyException("问卷尚未发布。");
            }

            if (survey.ClosesUtc > NowUtc)
            {
                throw new SurveyException("答卷尚未结束，结束后才能公布结果。");
            }

            if (survey.ResultsPublishedUtc is not null)
            {
                throw new SurveyException("结果已经公布。");
            }

            survey.ResultsPublishedUtc = NowUtc;
            var responses = await db.Set<SurveyResponseRecord>().CountAsync(r => r.SurveyId == id, cancellationToken);
            return $"《{survey.Title}》，答卷 {responses} 份";
        }, cancellationToken);

    /// <summary>Approves or rejects a free-text answer; false when there is no such free-text answer.</summary>
    public async Task<bool> ModerateAsync(long answerId, ModerationState state, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var answer = await db.Set<SurveyAnswerRecord>().SingleOrDefaultAsync(a => a.Id == answerId && a.Moderation != null, cancellationToken);
            if (answer is null)
            {
                return false;
            }

            (answer.Moderation, answer.ModeratedUtc, answer.ModeratedBy) = (state, NowUtc, actor);
            await db.SaveChangesAsync(cancellationToken);
            // The text stays out of the 台账: it is the public's, and may be rejected for holding personal data.
            await ledger.AppendAsync(actor, SurveyLedgerActions.AnswerModerated, SurveyLedgerActions.Subject(answer.SurveyId), null, null,
                $"填空答案 #{answer.Id}：{ModerationStates.DisplayName(state)}", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Records that the raw answers were exported (who, how many responses).</summary>
    public async Task RecordExportAsync(long id, int responses, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            await ledger.AppendAsync(actor, SurveyLedgerActions.Exported, SurveyLedgerActions.Subject(id), null, null, $"原始答卷 {responses} 份（XLSX）", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The free-text answers of a survey in one moderation state, oldest first, a page at a time.</summary>
    public async Task<IReadOnlyList<(SurveyAnswerRecord Answer, int QuestionOrder)>> TextAnswersAsync(long id, ModerationState state, int take, CancellationToken cancellationToken = default) =>
        (await (from a in db.Set<SurveyAnswerRecord>().AsNoTracking()
                join q in db.Set<SurveyQuestionRecord>() on a.QuestionId equals q.Id
                where a.SurveyId == id && a.Moderation == state
                orderby a.Id
                select new { Answer = a, q.Order }).Take(take).ToListAsync(cancellationToken))
        .Select(x => (x.Answer, x.Order)).ToList();

    /// <summary>Every problem of a draft, in zh-CN; none means it may be saved.</summary>
    public static IReadOnlyList<string> Problems(SurveyDraft draft)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add("请填写问卷标题。");
        }
        else if (draft.Title.Trim().Length > SurveyLimits.TitleLength)
        {
            errors.Add($"问卷标题不超过 {SurveyLimits.TitleLength} 字。");
        }

        if ((draft.Introduction ?? string.Empty).Trim().Length > SurveyLimits.IntroductionLength)
        {
            errors.Add($"问卷说明不超过 {SurveyLimits.IntroductionLength} 字。");
        }

        if (draft.ClosesUtc <= draft.OpensUtc)
        {
            errors.Add("结束时间须晚于开始时间。");
        }

        if (draft.Questions.Count == 0)
        {
            errors.Add("请至少设置一道题目。");
        }
        else if (draft.Questions.Count > SurveyLimits.MaxQuestions)
        {
            errors.Add($"一份问卷最多 {SurveyLimits.MaxQuestions} 道题目。");
        }

        for (var i = 0; i < draft.Questions.Count; i++)
        {
            var q = draft.Questions[i];
            var at = $"第 {i + 1} 题：";
            if (string.IsNullOrWhiteSpace(q.Text))
            {
                errors.Add(at + "请填写题目。");
            }
            else if (q.Text.Trim().Length > SurveyLimits.QuestionLength)
            {
                errors.Add(at + $"题目不超过 {SurveyLimits.QuestionLength} 字。");
            }

            if (QuestionKinds.HasOptions(q.Kind))
            {
                var options = q.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
                if (options.Count < 2)
                {
                    errors.Add(at + $"{QuestionKinds.DisplayName(q.Kind)}至少需要两个选项。");
                }
                else if (options.Count > SurveyLimits.MaxOptions)
                {
                    errors.Add(at + $"选项最多 {SurveyLimits.MaxOptions} 个。");
                }

                if (options.GroupBy(o => o, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                {
                    errors.Add(at + $"选项“{twice.Key}”重复。");
                }

                if (options.Any(o => o.Length > SurveyLimits.OptionLength))
                {
                    errors.Add(at + $"每个选项不超过 {SurveyLimits.OptionLength} 字。");
                }
            }
            else if (q.Kind == QuestionKind.Scale)
            {
                if (q.ScaleMin < 0 || q.ScaleMax > SurveyLimits.ScaleBound || q.ScaleMin >= q.ScaleMax)
                {
                    errors.Add(at + $"量表的分值须在 0 到 {SurveyLimits.ScaleBound} 之间，且最低分小于最高分。");
                }

                if ((q.ScaleMinLabel?.Length ?? 0) > SurveyLimits.OptionLength || (q.ScaleMaxLabel?.Length ?? 0) > SurveyLimits.OptionLength)
                {
                    errors.Add(at + $"量表两端的说明各不超过 {SurveyLimits.OptionLength} 字。");
                }
            }
        }

        return errors;
    }

    /// <summary>The window as the 台账 and pages write it, in China time.</summary>
    public static string Window(SurveyRecord survey) => $"{DateText.Time(survey.OpensUtc)} 至 {End(survey.ClosesUtc)}";

    /// <summary>When answering ends; a window ending at midnight ends “2026-09-30 24:00”, the day the office chose, not the next.</summary>
    public static string End(DateTime closesUtc)
    {
        var local = ChinaTime.ToLocal(closesUtc);
        return local.TimeOfDay == TimeSpan.Zero ? DateText.Date(DateOnly.FromDateTime(local.DateTime.AddDays(-1))) + " 24:00" : DateText.Time(closesUtc);
    }

    private static void Check(SurveyDraft draft)
    {
        if (Problems(draft) is { Count: > 0 } errors)
        {
            throw new SurveyException(errors);
        }
    }

    private async Task ChangeAsync(long id, string actor, string action, Func<SurveyRecord, Task<string>> change, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async () =>
        {
            var survey = await db.Set<SurveyRecord>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new SurveyException("问卷不存在。");
            var detail = await change(survey);
            survey.UpdatedUtc = NowUtc;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, action, SurveyLedgerActions.Subject(id), null, null, detail, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task AddQuestionsAsync(long surveyId, IReadOnlyList<QuestionDraft> questions, CancellationToken cancellationToken)
    {
        var records = questions.Select((q, i) => new SurveyQuestionRecord
        {
            SurveyId = surveyId, Order = i + 1, Kind = q.Kind, Text = q.Text.Trim(), Required = q.Required,
            ScaleMin = q.Kind == QuestionKind.Scale ? q.ScaleMin : null,
            ScaleMax = q.Kind == QuestionKind.Scale ? q.ScaleMax : null,
            ScaleMinLabel = q.Kind == QuestionKind.Scale ? Clean(q.ScaleMinLabel) : null,
            ScaleMaxLabel = q.Kind == QuestionKind.Scale ? Clean(q.ScaleMaxLabel) : null,
        }).ToList();
        db.Set<SurveyQuestionRecord>().AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < questions.Count; i++)
        {
            if (QuestionKinds.HasOptions(questions[i].Kind))
            {
                db.Set<SurveyOptionRecord>().AddRange(questions[i].Options.Select(o => o.Trim()).Where(o => o.Length > 0)
                    .Select((o, n) => new SurveyOptionRecord { QuestionId = records[i].Id, Order = n + 1, Text = o }));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool SameQuestions(IReadOnlyList<SurveyQuestion> current, IReadOnlyList<QuestionDraft> draft) =>
        current.Count == draft.Count && current.Zip(draft).All(pair =>
        {
            var (q, d) = pair;
            return q.Kind == d.Kind && q.Text == d.Text.Trim() && q.Question.Required == d.Required
                && q.Options.Select(o => o.Text).SequenceEqual(QuestionKinds.HasOptions(d.Kind) ? d.Options.Select(o => o.Trim()).Where(o => o.Length > 0) : [])
                && (d.Kind != QuestionKind.Scale || (q.Question.ScaleMin == d.ScaleMin && q.Question.ScaleMax == d.ScaleMax
                    && q.Question.ScaleMinLabel == Clean(d.ScaleMinLabel) && q.Question.ScaleMaxLabel == Clean(d.ScaleMaxLabel)));
        });

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
