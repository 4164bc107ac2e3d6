using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Interviews;

/// <summary>
/// 在线访谈 in the database, on SQLite and PostgreSQL: questions are taken until the interview ends and shown only
/// once approved; the 文字直播 comes in publication order and pages by <c>after</c>, drafts and withdrawn entries left out.
/// </summary>
public sealed class InterviewStoreTests
{
    private const string Interview = "interview-test";

    private static readonly DateTimeOffset Start = new(2026, 12, 10, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Questions_are_taken_before_and_during_the_interview_and_refused_after_its_end(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-12-01");
        await using var database = await InterviewAsync(engine, clock);

        Assert.Equal(QuestionOutcome.Received, await AskAsync(database, "访谈前的提问"));
        clock.Now = Start.AddMinutes(30);
        Assert.Equal(QuestionOutcome.Received, await AskAsync(database, "访谈中的提问"));
        clock.Now = Start.AddMinutes(90);   // 11:00, the end
        Assert.Equal(QuestionOutcome.Ended, await AskAsync(database, "结束时的提问"));
        clock.Now = Start.AddDays(3);
        Assert.Equal(QuestionOutcome.Ended, await AskAsync(database, "结束后的提问"));

        // A draft interview, another type's item and an unknown id take nothing either.
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync(InterviewContent.TypeName, Data("尚未发布的访谈"), "editor", contentItemId: "interview-draft"));
        Assert.Equal(QuestionOutcome.NotFound, await AskAsync(database, "草稿", "interview-draft"));
        Assert.Equal(QuestionOutcome.NotFound, await AskAsync(database, "未知", "no-such-interview"));

        var stored = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<InterviewQuestionRecord>().OrderBy(q => q.Id).Select(q => q.Text).ToListAsync());
        Assert.Equal(["访谈前的提问", "访谈中的提问"], stored);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Questions_are_invisible_until_approved_and_every_decision_is_in_the_ledger(DatabaseProvider engine)
    {
        await using var database = await InterviewAsync(engine, TestClock.At("2026-12-01"));
        await AskAsync(database, "冬季如何防范一氧化碳中毒？", name: "居民甲", contact: "13995110000");
        await AskAsync(database, "广告内容");
        await AskAsync(database, "第三个问题");
        var ids = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<InterviewQuestionRecord>().OrderBy(q => q.Id).Select(q => q.Id).ToListAsync());

        Assert.Empty(await ApprovedAsync(database));
        Assert.True(await ModerateAsync(database, ids[0], ModerationState.Approved));
        Assert.True(await ModerateAsync(database, ids[1], ModerationState.Rejected));
        Assert.False(await ModerateAsync(database, ids[2], ModerationState.Approved, interview: "another-interview"));

        var approved = await ApprovedAsync(database);
        Assert.Equal(["冬季如何防范一氧化碳中毒？"], approved.Select(q => q.Text));
        Assert.Equal(("居民甲", "13995110000"), (approved[0].Name, approved[0].Contact));
        var moderation = await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().QuestionsForModerationAsync(Interview));
        Assert.Equal([ModerationState.Pending, ModerationState.Approved, ModerationState.Rejected], moderation.Select(q => q.State));

        // A question approved by mistake can be taken back: it disappears again.
        Assert.True(await ModerateAsync(database, ids[0], ModerationState.Rejected));
        Assert.Empty(await ApprovedAsync(database));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == InterviewLedgerActions.Subject(Interview)).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync());
        Assert.Equal([InterviewLedgerActions.QuestionApproved, InterviewLedgerActions.QuestionRejected, InterviewLedgerActions.QuestionRejected], ledger.Select(e => e.Action));
        Assert.DoesNotContain(ledger, e => e.Detail!.Contains("居民甲", StringComparison.Ordinal) || e.Detail.Contains("13995110000", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Live_entries_come_in_publication_order_and_page_by_after(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-12-01");
        await using var database = await InterviewAsync(engine, clock);
        await AskAsync(database, "网友的问题");
        await AskAsync(database, "尚未审核的问题");
        var questions = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<InterviewQuestionRecord>().OrderBy(q => q.Id).Select(q => q.Id).ToListAsync());
        await ModerateAsync(database, questions[0], ModerationState.Approved);
        clock.Now = Start;

        await PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Host, "主持人", null, "欢迎各位网友。", null, null));
        var draft = await PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Guest, "张三（副局长）", null, "先存为草稿的回答。", null, null, Publish: false));
        await PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Guest, "张三（副局长）", null, "大家好。", null, null));
        await PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Question, null, questions[0], string.Empty, null, null));
        var mistaken = await PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Host, "主持人", null, "发错的一条。", null, null));

        // A 网友提问 entry quotes an approved question of this interview only.
        await Assert.ThrowsAsync<ArgumentException>(() => PostAsync(database, new NewInterviewEntry(InterviewEntryKind.Question, null, questions[1], string.Empty, null, null)));

        var all = await EntriesAsync(database, 0);
        Assert.Equal(["欢迎各位网友。", "大家好。", "网友的问题", "发错的一条。"], all.Select(e => e.Text));
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Equal("网友的问题", all[2].QuotedQuestion);
        Assert.Equal(["发错的一条。"], (await EntriesAsync(database, 3)).Select(e => e.Text));
        Assert.Empty(await EntriesAsync(database, 4));
        Assert.Equal(["大家好。", "网友的问题"], (await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().EntriesAsync(Interview, 1, 2))).Select(e => e.Text));

        // The draft, published later, comes after what a reader has already seen; a withdrawn entry is left out.
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().PublishEntryAsync(Interview, draft.Id, "office")));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().PublishEntryAsync(Interview, draft.Id, "office")));
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().WithdrawEntryAsync(Interview, mistaken.Id, "office")));
        Assert.Equal(["先存为草稿的回答。"], (await EntriesAsync(database, 4)).Select(e => (e.Text)));
        Assert.Equal(5, (await EntriesAsync(database, 4))[0].Sequence);
        Assert.Equal(["欢迎各位网友。", "大家好。", "网友的问题", "先存为草稿的回答。"], (await EntriesAsync(database, 0)).Select(e => e.Text));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().EntriesAsync("another-interview")));

        var actions = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == InterviewLedgerActions.Subject(Interview)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            [InterviewLedgerActions.QuestionApproved, InterviewLedgerActions.EntryPosted, InterviewLedgerActions.EntryPosted, InterviewLedgerActions.EntryPosted,
             InterviewLedgerActions.EntryPosted, InterviewLedgerActions.EntryPosted, InterviewLedgerActions.EntryWithdrawn],
            actions);
    }

    private static async Task<TestDatabase> InterviewAsync(DatabaseProvider engine, TestClock clock)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync(InterviewContent.TypeName, Data("在线访谈：冬季安全"), "editor", contentItemId: Interview));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(Interview, null, "office", SampleContent.PublishedAt));
        return database;
    }

    /// <summary>An interview on 2026-12-10 from 09:30 to 11:00 Beijing time with two guests.</summary>
    public static ContentData Data(string title)
    {
        var data = SampleContent.Notice(title, catalogue: "02.04");
        data.Root[InterviewContent.TypeName] = new JsonObject
        {
            [InterviewContent.DateField] = "2026-12-10",
            [InterviewContent.StartField] = "09:30",
            [InterviewContent.EndField] = "11:00",
            [InterviewContent.GuestsField] = new JsonObject { ["rows"] = new JsonArray(new JsonArray("张三", "副局长"), new JsonArray("李四", "大队长")) },
            [InterviewContent.AnnouncementField] = "访谈预告：欢迎提问。",
        };
        return data;
    }

    private static Task<QuestionOutcome> AskAsync(TestDatabase database, string text, string interview = Interview, string? name = null, string? contact = null) =>
        database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().SubmitQuestionAsync(interview, new NewInterviewQuestion(name, contact, text)));

    private static Task<bool> ModerateAsync(TestDatabase database, long id, ModerationState state, string interview = Interview) =>
        database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().ModerateAsync(interview, id, state, "office"));

    private static Task<IReadOnlyList<InterviewQuestionRecord>> ApprovedAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().ApprovedQuestionsAsync(Interview));

    private static Task<InterviewEntryRecord> PostAsync(TestDatabase database, NewInterviewEntry entry) =>
        database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().PostEntryAsync(Interview, entry, "office"));

    private static Task<IReadOnlyList<LiveEntry>> EntriesAsync(TestDatabase database, long after) =>
        database.InScopeAsync(sp => sp.GetRequiredService<InterviewStore>().EntriesAsync(Interview, after));
}
