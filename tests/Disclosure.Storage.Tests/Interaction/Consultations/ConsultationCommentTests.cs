using Disclosure.Interaction.Consultations;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Storage.Tests.Interaction.Consultations.ConsultationTestContent;

namespace Disclosure.Storage.Tests.Interaction.Consultations;

/// <summary>
/// 征求意见 comments in the database, on SQLite and PostgreSQL: taken only while the window is open (both ends
/// included, Beijing dates), invisible until approved, rejected ones never shown, counts by state grouped in the database.
/// </summary>
public sealed class ConsultationCommentTests
{
    private static readonly ConsultationCommentInput Comment = new("李先生", "13995110231", "li@example.com", "建议明确充电设施的建设期限。");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Comments_are_refused_outside_the_window_and_on_an_unpublished_consultation(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-14");
        await using var database = await DatabaseAsync(engine, clock);
        var id = await ConsultationAsync(database.Services, "c-window", "2026-11-15", "2026-11-30");
        var draft = await ConsultationAsync(database.Services, "c-draft", "2026-11-01", "2026-12-31", publish: false);

        Assert.Equal(CommentOutcome.OutsideWindow, (await SubmitAsync(database, id, Comment)).Outcome);
        clock.Set("2026-11-15");
        Assert.Equal(CommentOutcome.Accepted, (await SubmitAsync(database, id, Comment)).Outcome);
        clock.Now = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(8)); // the last minute of the last day, Beijing time
        Assert.Equal(CommentOutcome.Accepted, (await SubmitAsync(database, id, Comment)).Outcome);
        clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(CommentOutcome.OutsideWindow, (await SubmitAsync(database, id, Comment)).Outcome);

        Assert.Equal(CommentOutcome.NotFound, (await SubmitAsync(database, draft, Comment)).Outcome);
        Assert.Equal(CommentOutcome.NotFound, (await SubmitAsync(database, "no-such-item", Comment)).Outcome);

        // An invalid comment inside the window is refused as well, with the field named.
        clock.Set("2026-11-20");
        var invalid = await SubmitAsync(database, id, new ConsultationCommentInput(null, "电话号码", "not-an-email", "   "));
        Assert.Equal(CommentOutcome.Invalid, invalid.Outcome);
        Assert.Equal(
            [ConsultationCommentInput.BodyField, ConsultationCommentInput.EmailField, ConsultationCommentInput.PhoneField],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
        var tooLong = await SubmitAsync(database, id, new ConsultationCommentInput(null, null, null, new string('长', ConsultationCommentInput.BodyMaxLength + 1)));
        Assert.Contains("2001", tooLong.Errors[ConsultationCommentInput.BodyField]);

        Assert.Equal(2, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ConsultationCommentRecord>().CountAsync()));
        Assert.All(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ConsultationCommentRecord>().ToListAsync()),
            c => Assert.Equal((id, ModerationState.Pending), (c.ConsultationId, c.State)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Comments_are_invisible_until_approved_and_a_rejected_one_is_never_shown(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-20");
        await using var database = await DatabaseAsync(engine, clock);
        var id = await ConsultationAsync(database.Services, "c-moderation", "2026-11-15", "2026-11-30");
        var first = (await SubmitAsync(database, id, Comment)).CommentId!.Value;
        var second = (await SubmitAsync(database, id, new ConsultationCommentInput(null, null, "anon@example.com", "我的身份证号是 640121199001011234，请联系。"))).CommentId!.Value;
        var third = (await SubmitAsync(database, id, new ConsultationCommentInput("广告", null, null, "与征求意见无关的内容。"))).CommentId!.Value;

        Assert.Empty(await ApprovedAsync(database, id));

        Assert.True(await ModerateAsync(database, id, first, ModerationState.Approved));
        Assert.True(await ModerateAsync(database, id, second, ModerationState.Approved));
        Assert.True(await ModerateAsync(database, id, third, ModerationState.Rejected));
        Assert.False(await ModerateAsync(database, id, third, ModerationState.Rejected));   // no change, no 台账 entry
        Assert.False(await ModerateAsync(database, "c-other", first, ModerationState.Rejected)); // not this consultation's comment

        var shown = await ApprovedAsync(database, id);
        Assert.Equal([first, second], shown.Select(c => c.Id));
        Assert.Equal(["李先生", ConsultationComments.Anonymous], shown.Select(c => c.Author));
        Assert.DoesNotContain("640121199001011234", shown[1].Body);  // masked by the secrecy scan
        Assert.DoesNotContain(shown, c => c.Body.Contains("无关", StringComparison.Ordinal));

        // An approval withdrawn hides the comment again.
        Assert.True(await ModerateAsync(database, id, second, ModerationState.Rejected));
        Assert.Equal([first], (await ApprovedAsync(database, id)).Select(c => c.Id));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == ConsultationLedgerActions.Subject(id)).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Actor, e.Detail }).ToListAsync());
        Assert.Equal(
            [ConsultationLedgerActions.CommentApproved, ConsultationLedgerActions.CommentApproved, ConsultationLedgerActions.CommentRejected, ConsultationLedgerActions.CommentRejected],
            ledger.Select(e => e.Action));
        Assert.All(ledger, e => Assert.Equal("office", e.Actor));
        Assert.All(ledger, e => Assert.DoesNotContain("13995110231", e.Detail));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Counts_by_state_come_from_the_database_and_the_export_holds_every_comment(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-20");
        await using var database = await DatabaseAsync(engine, clock);
        var a = await ConsultationAsync(database.Services, "c-counts-a", "2026-11-15", "2026-11-30");
        var b = await ConsultationAsync(database.Services, "c-counts-b", "2026-11-01", "2026-12-31");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await SubmitAsync(database, a, Comment with { Body = $"意见 {i}" })).CommentId!.Value);
        }

        var onB = (await SubmitAsync(database, b, Comment)).CommentId!.Value;
        await ModerateAsync(database, a, ids[0], ModerationState.Approved);
        await ModerateAsync(database, a, ids[1], ModerationState.Approved);
        await ModerateAsync(database, a, ids[2], ModerationState.Approved);
        await ModerateAsync(database, a, ids[3], ModerationState.Rejected);
        await ModerateAsync(database, b, onB, ModerationState.Rejected);

        var counts = await database.InScopeAsync(sp => sp.GetRequiredService<ConsultationComments>().CountsAsync([a, b, "c-none"], CancellationToken.None));
        Assert.Equal(new CommentCounts(2, 3, 1), counts[a]);
        Assert.Equal(new CommentCounts(0, 0, 1), counts[b]);
        Assert.False(counts.ContainsKey("c-none"));
        Assert.Equal(6, counts[a].Total);

        var xlsx = await database.InScopeAsync(sp => sp.GetRequiredService<ConsultationComments>().ExportAsync(a, "office", CancellationToken.None));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(xlsx, 0, 2));
        Assert.Equal("导出意见 6 条", await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.Action == ConsultationLedgerActions.CommentsExported && e.ContentItemId == ConsultationLedgerActions.Subject(a)).Select(e => e.Detail).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_feedback_draft_is_prefilled_with_the_counts_and_links_back_once_published(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-20");
        await using var database = await DatabaseAsync(engine, clock);
        var id = await ConsultationAsync(database.Services, "c-feedback", "2026-11-15", "2026-11-30");
        var comment = (await SubmitAsync(database, id, Comment)).CommentId!.Value;
        await SubmitAsync(database, id, Comment);
        await ModerateAsync(database, id, comment, ModerationState.Approved);

        var draft = await database.InScopeAsync(sp => sp.GetRequiredService<FeedbackDrafts>().StartAsync(id, "office", CancellationToken.None));
        Assert.NotNull(draft);
        var data = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.Item.ContentItemId == draft).Select(v => v.DataJson).SingleAsync());
        var parsed = Core.ContentManagement.ContentData.Parse(data);
        Assert.Equal([id], ConsultationDirectory.Picked(parsed.Get(ConsultationTypes.Feedback, ConsultationTypes.ConsultationField)));
        Assert.Equal("2", parsed.Get(ConsultationTypes.Feedback, ConsultationTypes.ReceivedField)!.ToString());
        Assert.Contains("共收到意见 2 条", parsed.GetString("BodyPart", "Markdown"));

        // A draft is not the published feedback; once published, the consultation finds it.
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<ConsultationDirectory>().FeedbackAsync([id], CancellationToken.None)));
        await database.InScopeAsync(sp => sp.GetRequiredService<Storage.Content.ContentManager>().PublishAsync(draft!, null, "office", SampleContent.PublishedAt));
        Assert.Equal(draft, (await database.InScopeAsync(sp => sp.GetRequiredService<ConsultationDirectory>().FeedbackAsync([id], CancellationToken.None)))[id].Id);
        Assert.Equal(ConsultationLedgerActions.FeedbackStarted, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == ConsultationLedgerActions.Subject(id)).OrderBy(e => e.Sequence).Select(e => e.Action).LastAsync()));
    }

    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider engine, TestClock clock)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<CommentResult> SubmitAsync(TestDatabase database, string id, ConsultationCommentInput input) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ConsultationComments>().SubmitAsync(id, input, CancellationToken.None));

    private static Task<IReadOnlyList<PublicComment>> ApprovedAsync(TestDatabase database, string id) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ConsultationComments>().ApprovedAsync(id, CancellationToken.None));

    private static Task<bool> ModerateAsync(TestDatabase database, string id, long comment, ModerationState state) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ConsultationComments>().ModerateAsync(id, comment, state, "office", CancellationToken.None));
}
