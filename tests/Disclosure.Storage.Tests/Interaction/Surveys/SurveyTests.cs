using Disclosure.Interaction.Submissions;
using Disclosure.Interaction.Surveys;
using Disclosure.Site.Forms;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Surveys;

/// <summary>
/// 社会评议 in the database, on SQLite and PostgreSQL: the window, one answer per captcha challenge, required
/// questions and nothing half-written, the results counted cell by cell, free text hidden until approved, questions
/// fixed once answered and the 台账.
/// </summary>
public sealed class SurveyTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Answers_are_taken_only_inside_the_window_of_a_published_survey(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-05");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        var survey = await CreateAsync(database);
        var full = Full(survey);

        // A draft takes nothing, even inside its window.
        clock.Set("2026-11-12");
        Assert.Equal(SubmissionOutcome.NotOpen, (await AnswerAsync(database, survey.Id, full)).Outcome);

        clock.Set("2026-11-05");
        await Store(database, s => s.PublishAsync(survey.Id, "office"));
        Assert.Equal(SubmissionOutcome.NotOpen, (await AnswerAsync(database, survey.Id, full)).Outcome);   // before it opens

        clock.Now = Beijing("2026-11-10 00:00");
        Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, survey.Id, full)).Outcome);  // the first minute
        clock.Now = Beijing("2026-11-20 23:59");
        Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, survey.Id, full)).Outcome);  // the last
        clock.Now = Beijing("2026-11-21 00:00");
        Assert.Equal(SubmissionOutcome.NotOpen, (await AnswerAsync(database, survey.Id, full)).Outcome);   // after it closed
        Assert.Equal(2, await CountAsync<SurveyResponseRecord>(database));

        // Closed early: refused from then on, and the results may be published at once.
        var second = await CreateAsync(database, "第二份问卷");
        clock.Set("2026-11-12");
        await Store(database, s => s.PublishAsync(second.Id, "office"));
        var refused = await Assert.ThrowsAsync<SurveyException>(() => Store(database, s => s.PublishResultsAsync(second.Id, "office")));
        Assert.Equal("答卷尚未结束，结束后才能公布结果。", refused.Message);
        Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, second.Id, Full(second))).Outcome);
        await Store(database, s => s.CloseAsync(second.Id, "office"));
        Assert.Equal(SubmissionOutcome.NotOpen, (await AnswerAsync(database, second.Id, Full(second))).Outcome);
        await Store(database, s => s.PublishResultsAsync(second.Id, "office"));
        var (open, withResults) = await database.InScopeAsync(sp => sp.GetRequiredService<SurveyAnswering>().ListAsync());
        Assert.Equal([survey.Id], open.Select(s => s.Id));
        Assert.Equal([second.Id], withResults.Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task One_captcha_challenge_carries_one_answer(DatabaseProvider engine)
    {
        await using var database = await OpenSurveyAsync(engine);
        var survey = await FindAsync(database, 1);
        var (challenge, answer) = await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());

        var first = await SubmitAsync(database, survey.Id, challenge, answer.ToLowerInvariant(), Full(survey));
        Assert.Equal(SubmissionOutcome.Accepted, first.Outcome);

        // The same challenge again, answered right: refused, nothing written.
        var again = await SubmitAsync(database, survey.Id, challenge, answer, Full(survey));
        Assert.Equal(SubmissionOutcome.Invalid, again.Outcome);
        Assert.Equal("验证码不正确或已过期，请输入新图片中的字符。", again.Errors[SurveyAnswering.CaptchaField]);

        // A wrong answer spends the challenge too: the right one afterwards is refused.
        var (other, otherAnswer) = await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        Assert.Equal(SubmissionOutcome.Invalid, (await SubmitAsync(database, survey.Id, other, "XXXXX", Full(survey))).Outcome);
        Assert.Equal(SubmissionOutcome.Invalid, (await SubmitAsync(database, survey.Id, other, otherAnswer, Full(survey))).Outcome);
        Assert.Equal("请输入图片中的验证码。", (await SubmitAsync(database, survey.Id, null, null, Full(survey))).Errors[SurveyAnswering.CaptchaField]);

        Assert.Equal(1, await CountAsync<SurveyResponseRecord>(database));
        var stored = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<SurveyResponseRecord>().SingleAsync());
        Assert.Equal(SurveyAnswering.ChallengeHash(challenge), stored.ChallengeHash);
        Assert.Equal(first.ResponseId, stored.Id);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_submission_with_any_problem_writes_nothing_and_says_what_per_question(DatabaseProvider engine)
    {
        await using var database = await OpenSurveyAsync(engine);
        var survey = await FindAsync(database, 1);
        var (channel, topics, timeliness, clarity, text) = (survey.Questions[0], survey.Questions[1], survey.Questions[2], survey.Questions[3], survey.Questions[4]);

        var empty = await AnswerAsync(database, survey.Id, []);
        Assert.Equal(SubmissionOutcome.Invalid, empty.Outcome);
        Assert.Equal(new Dictionary<string, string>
        {
            [SurveyAnswering.Field(channel.Id)] = "本题为必答题，请选择一项。",
            [SurveyAnswering.Field(topics.Id)] = "本题为必答题，请至少选择一项。",
            [SurveyAnswering.Field(timeliness.Id)] = "本题为必答题，请在 1 到 5 之间选择一个分值。",
        }, empty.Errors);

        // Everything answered but: two options for a single choice, an option of another question, a scale value off
        // the scale and a text too long — four problems, and the right answers around them are not stored either.
        var bad = await AnswerAsync(database, survey.Id, new()
        {
            [channel.Id] = [Option(channel, 0), Option(channel, 1)],
            [topics.Id] = [Option(topics, 0), Option(channel, 2)],
            [timeliness.Id] = ["6"],
            [clarity.Id] = ["3"],
            [text.Id] = [new string('意', SurveyLimits.TextAnswerLength + 1)],
        });
        Assert.Equal(new Dictionary<string, string>
        {
            [SurveyAnswering.Field(channel.Id)] = "本题为单选题，只能选择一项。",
            [SurveyAnswering.Field(topics.Id)] = "所选选项不属于本题，请重新选择。",
            [SurveyAnswering.Field(timeliness.Id)] = "请在 1 到 5 之间选择一个分值。",
            [SurveyAnswering.Field(text.Id)] = $"请不要超过 {SurveyLimits.TextAnswerLength} 字（现为 {SurveyLimits.TextAnswerLength + 1} 字）。",
        }, bad.Errors);
        Assert.Equal((0, 0), (await CountAsync<SurveyResponseRecord>(database), await CountAsync<SurveyAnswerRecord>(database)));

        // The optional questions may be left out.
        Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, survey.Id, new()
        {
            [channel.Id] = [Option(channel, 2)], [topics.Id] = [Option(topics, 1)], [timeliness.Id] = ["4"],
        })).Outcome);
        Assert.Equal((1, 3), (await CountAsync<SurveyResponseRecord>(database), await CountAsync<SurveyAnswerRecord>(database)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Results_are_counted_cell_by_cell_and_free_text_shows_only_once_approved(DatabaseProvider engine)
    {
        await using var database = await OpenSurveyAsync(engine);
        var survey = await FindAsync(database, 1);
        var (channel, topics, timeliness, clarity, text) = (survey.Questions[0], survey.Questions[1], survey.Questions[2], survey.Questions[3], survey.Questions[4]);

        // Eight responses: channel options 0,0,0,1,1,2,0,1; topics as listed; timeliness 5,4,5,3,1,5,4,5; clarity
        // answered by five; text by three.
        int[] channels = [0, 0, 0, 1, 1, 2, 0, 1];
        int[][] topicChoices = [[0, 1], [0], [0, 2], [1], [0, 1, 2], [2], [0], [1, 3]];
        int[] scores = [5, 4, 5, 3, 1, 5, 4, 5];
        int?[] clarities = [2, null, 3, null, 3, 5, null, 4];
        string?[] texts = ["希望多用图表解读政策。", null, "电话号码13800000000，请回电。", null, null, "办事指南很清楚。", null, null];
        for (var i = 0; i < channels.Length; i++)
        {
            var values = new Dictionary<long, string[]>
            {
                [channel.Id] = [Option(channel, channels[i])],
                [topics.Id] = topicChoices[i].Select(o => Option(topics, o)).ToArray(),
                [timeliness.Id] = [scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture)],
            };
            if (clarities[i] is { } c)
            {
                values[clarity.Id] = [c.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }

            if (texts[i] is { } t)
            {
                values[text.Id] = [t];
            }

            Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, survey.Id, values)).Outcome);
        }

        var results = await ResultsAsync(database, survey.Id);
        Assert.Equal(8, results.Responses);
        Assert.Equal(
        [
            ("门户网站", 4, 50.0m), ("政务新媒体", 3, 37.5m), ("政务服务大厅", 1, 12.5m), ("其他", 0, 0.0m),
        ], results.Questions[0].Rows.Select(r => (r.Label, r.Count, r.Percent)));
        Assert.Equal(8, results.Questions[0].Answered);
        // Multiple choice: shares of the eight who answered, adding up to more than 100%.
        Assert.Equal(
        [
            ("政策文件", 5, 62.5m), ("办事指南", 4, 50.0m), ("执法公开", 3, 37.5m), ("财政预决算", 1, 12.5m),
        ], results.Questions[1].Rows.Select(r => (r.Label, r.Count, r.Percent)));
        Assert.Equal(8, results.Questions[1].Answered);
        Assert.Equal(
        [
            ("1（非常不满意）", 1, 12.5m), ("2", 0, 0.0m), ("3", 1, 12.5m), ("4", 2, 25.0m), ("5（非常满意）", 4, 50.0m),
        ], results.Questions[2].Rows.Select(r => (r.Label, r.Count, r.Percent)));
        Assert.Equal(4.00m, results.Questions[2].Average);   // 32 / 8
        Assert.Equal(
        [
            ("1", 0, 0.0m), ("2", 1, 20.0m), ("3", 2, 40.0m), ("4", 1, 20.0m), ("5", 1, 20.0m),
        ], results.Questions[3].Rows.Select(r => (r.Label, r.Count, r.Percent)));
        Assert.Equal((5, 3.40m), (results.Questions[3].Answered, results.Questions[3].Average));   // 17 / 5

        // Free text: three written, none shown until moderated.
        Assert.Equal((3, 0, 3), (results.Questions[4].Answered, results.Questions[4].Texts.Count, results.Questions[4].TextsPending));
        var pending = await database.InScopeAsync(sp => sp.GetRequiredService<SurveyStore>().TextAnswersAsync(survey.Id, ModerationState.Pending, 50));
        Assert.Equal(texts.OfType<string>(), pending.Select(p => p.Answer.Text));
        Assert.True(await Store(database, s => s.ModerateAsync(pending[0].Answer.Id, ModerationState.Approved, "office")));
        Assert.True(await Store(database, s => s.ModerateAsync(pending[1].Answer.Id, ModerationState.Rejected, "office")));
        results = await ResultsAsync(database, survey.Id);
        Assert.Equal(["希望多用图表解读政策。"], results.Questions[4].Texts);
        Assert.Equal(1, results.Questions[4].TextsPending);
        Assert.False(await Store(database, s => s.ModerateAsync(pending[0].Answer.Id + 1000, ModerationState.Approved, "office")));

        // The export: one row per response.
        using var file = new MemoryStream();
        Assert.Equal(8, await database.InScopeAsync(sp => sp.GetRequiredService<SurveyExport>().WriteAsync(file, survey)));
        Assert.True(file.Length > 0);

        // The ledger names the survey and the decision, never the text.
        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["survey-created", "survey-published", "survey-answer-moderated", "survey-answer-moderated"],
            ledger.Where(e => e.Action.StartsWith("survey-", StringComparison.Ordinal)).Select(e => e.Action));
        Assert.All(ledger.Where(e => e.Action.StartsWith("survey-", StringComparison.Ordinal)), e => Assert.Equal("survey:" + survey.Id, e.ContentItemId));
        Assert.DoesNotContain(ledger, e => e.Detail?.Contains("13800000000", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Questions_cannot_change_once_answered_but_the_title_can(DatabaseProvider engine)
    {
        await using var database = await OpenSurveyAsync(engine);
        var survey = await FindAsync(database, 1);
        var draft = Draft(survey.Survey.Title);

        // Before any answer: anything may change.
        await Store(database, s => s.UpdateAsync(survey.Id, draft with { Questions = [.. draft.Questions, new QuestionDraft(QuestionKind.FreeText, "补充", false, [])] }, "editor"));
        await Store(database, s => s.UpdateAsync(survey.Id, draft, "editor"));
        survey = await FindAsync(database, survey.Id);
        Assert.Equal(SubmissionOutcome.Accepted, (await AnswerAsync(database, survey.Id, Full(survey))).Outcome);

        var refused = await Assert.ThrowsAsync<SurveyException>(() => Store(database, s => s.UpdateAsync(survey.Id,
            draft with { Questions = [draft.Questions[0] with { Options = ["门户网站", "政务新媒体", "其他"] }, .. draft.Questions.Skip(1)] }, "editor")));
        Assert.Equal("本问卷已有答卷，题目和选项不能再修改（标题、说明和答卷时间仍可修改）。", refused.Message);

        await Store(database, s => s.UpdateAsync(survey.Id, draft with { Title = "改过的标题" }, "editor"));
        var after = await FindAsync(database, survey.Id);
        Assert.Equal(("改过的标题", 1), (after.Survey.Title, after.Responses));
        Assert.Equal(survey.Questions.Select(q => q.Id), after.Questions.Select(q => q.Id));

        // A draft with problems lists them all.
        var invalid = await Assert.ThrowsAsync<SurveyException>(() => Store(database, s => s.CreateAsync(new SurveyDraft(" ", "", Utc("2026-11-20 00:00"), Utc("2026-11-10 00:00"),
        [
            new QuestionDraft(QuestionKind.SingleChoice, "只有一个选项", true, ["是"]),
            new QuestionDraft(QuestionKind.Scale, "", true, []) { ScaleMin = 5, ScaleMax = 1 },
        ]), "editor")));
        Assert.Equal(
        [
            "请填写问卷标题。", "结束时间须晚于开始时间。", "第 1 题：单选题至少需要两个选项。", "第 2 题：请填写题目。",
            "第 2 题：量表的分值须在 0 到 10 之间，且最低分小于最高分。",
        ], invalid.Errors);
    }

    /// <summary>A published survey open from 2026-11-10 to 2026-11-20, the clock on 2026-11-12.</summary>
    private static async Task<TestDatabase> OpenSurveyAsync(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-12");
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        var survey = await CreateAsync(database);
        await Store(database, s => s.PublishAsync(survey.Id, "office"));
        return database;
    }

    private static SurveyDraft Draft(string title = "政务公开满意度评议") =>
        new(title, "请据实填写。", Utc("2026-11-10 00:00"), Utc("2026-11-21 00:00"),
        [
            new QuestionDraft(QuestionKind.SingleChoice, "获取信息的渠道", true, ["门户网站", "政务新媒体", "政务服务大厅", "其他"]),
            new QuestionDraft(QuestionKind.MultipleChoice, "关注的信息", true, ["政策文件", "办事指南", "执法公开", "财政预决算"]),
            new QuestionDraft(QuestionKind.Scale, "及时性", true, []) { ScaleMinLabel = "非常不满意", ScaleMaxLabel = "非常满意" },
            new QuestionDraft(QuestionKind.Scale, "易懂程度", false, []),
            new QuestionDraft(QuestionKind.FreeText, "意见和建议", false, []),
        ]);

    private static async Task<SurveyDefinition> CreateAsync(TestDatabase database, string title = "政务公开满意度评议")
    {
        var id = await database.InScopeAsync(sp => sp.GetRequiredService<SurveyStore>().CreateAsync(Draft(title), "editor"));
        return await FindAsync(database, id);
    }

    private static Task<SurveyDefinition> FindAsync(TestDatabase database, long id) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<SurveyStore>().FindAsync(id))!);

    /// <summary>Every question answered (the first option, 4, 3 and a text).</summary>
    private static Dictionary<long, string[]> Full(SurveyDefinition survey) => new()
    {
        [survey.Questions[0].Id] = [Option(survey.Questions[0], 0)],
        [survey.Questions[1].Id] = [Option(survey.Questions[1], 0)],
        [survey.Questions[2].Id] = ["4"],
        [survey.Questions[3].Id] = ["3"],
        [survey.Questions[4].Id] = ["很好"],
    };

    private static string Option(SurveyQuestion question, int index) => question.Options[index].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Answers with a fresh captcha challenge, answered right.</summary>
    private static async Task<SubmissionResult> AnswerAsync(TestDatabase database, long surveyId, Dictionary<long, string[]> values)
    {
        var (challenge, answer) = await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        return await SubmitAsync(database, surveyId, challenge, answer, values);
    }

    private static Task<SubmissionResult> SubmitAsync(TestDatabase database, long surveyId, string? challenge, string? answer, Dictionary<long, string[]> values) =>
        database.InScopeAsync(sp => sp.GetRequiredService<SurveyAnswering>().SubmitAsync(surveyId, challenge, answer,
            values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value)));

    private static Task<SurveyResultSet> ResultsAsync(TestDatabase database, long surveyId) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<SurveyResults>().ComputeAsync(surveyId))!);

    private static Task Store(TestDatabase database, Func<SurveyStore, Task> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<SurveyStore>()));

    private static Task<T> Store<T>(TestDatabase database, Func<SurveyStore, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<SurveyStore>()));

    private static Task<int> CountAsync<T>(TestDatabase database) where T : class =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<T>().CountAsync());

    private static DateTimeOffset Beijing(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static DateTime Utc(string text) => Beijing(text).UtcDateTime;
}
