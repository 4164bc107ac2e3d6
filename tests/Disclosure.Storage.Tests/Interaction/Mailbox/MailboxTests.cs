using Disclosure.Core.Security;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Mailbox;

/// <summary>
/// 局长信箱 in the database, on SQLite and PostgreSQL: a letter from the form to the published, masked answer; the
/// reply clock across the 国庆 holiday; 举报 and declined letters never public; who may act on a letter; one rating
/// per reply.
/// </summary>
public sealed class MailboxTests
{
    internal static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice });
    internal static readonly Actor Clerk = new("clerk", new HashSet<string> { RoleNames.Editor }, "hzs");
    internal static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "hzs");
    internal static readonly Actor OtherHead = new("other", new HashSet<string> { RoleNames.DepartmentReviewer }, "jjdd");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_letter_goes_from_the_form_to_a_published_masked_answer(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-10-09");
        await using var database = await OfficeAsync(engine, clock);
        var received = await ReceiveAsync(database, Letter(LetterKind.Consultation, "新生儿户口登记需要哪些材料",
            "我叫王丽，电话 13995110101，身份证 640121199001011234 请问新生儿上户口要什么材料？", mayPublish: true, phone: "13995110101", name: "王丽"));
        Assert.Equal("XJ2026-000001", received.Number);
        // 10-10 is the Saturday worked for 国庆: 10-10 (1), 10-12 (2) … 10-15 (5).
        Assert.Equal(D("2026-10-15"), received.Due);

        var id = await IdAsync(database, received.Number);
        await Act(database, m => m.RouteAsync(id, "hzs", "请户政科答复", Office));
        await Act(database, m => m.SaveReplyAsync(id, "您好，请携带出生医学证明、父母户口簿和身份证到户籍窗口办理。", submit: true, Clerk));
        await Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Head));

        // Nothing reaches the writer until the 公开办 sends it.
        Assert.Null((await StatusAsync(database, received.TrackingCode, "13995110101"))!.Reply);
        clock.Set("2026-10-13");
        await Act(database, m => m.OfficeDecideAsync(id, send: true, null, Office));
        var status = await StatusAsync(database, TrackingCode.Format(received.TrackingCode).ToLowerInvariant(), "139 9511 0101");
        Assert.Equal((LetterStage.Replied, "户政科"), (status!.Stage, status.ReplyUnit));
        Assert.StartsWith("您好，请携带", status.Reply);

        var letter = await LetterAsync(database, id);
        Assert.Equal((D("2026-10-13"), 202610, 3, true), (letter.RepliedOn, letter.RepliedMonth, letter.ReplyWorkingDays, letter.RepliedOnTime));

        // The proposal masks the writer's name, phone and ID; the 公开办 publishes what it confirmed.
        var proposal = await database.InScopeAsync(sp => sp.GetRequiredService<MailboxService>().ProposePublicationAsync(id, Office));
        Assert.DoesNotContain("王丽", proposal.Body);
        Assert.DoesNotContain("13995110101", proposal.Body);
        Assert.DoesNotContain("640121199001011234", proposal.Body);
        Assert.Contains("王*", proposal.Body);

        // Publishing the unmasked text is refused, and nothing is written.
        var refused = await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.PublishAsync(id, letter.Subject, letter.Body, letter.Reply, Office)));
        Assert.Contains("未脱敏", refused.Message);
        Assert.Equal(0, (await PublicAsync(database)).Total);

        await Act(database, m => m.PublishAsync(id, proposal.Subject, proposal.Body, proposal.Reply, Office));
        var listed = await PublicAsync(database);
        Assert.Equal(received.Number, Assert.Single(listed.Letters).Number);
        Assert.Equal(proposal.Body, listed.Letters[0].Body);
        Assert.Equal(1, (await PublicAsync(database, search: "出生医学证明")).Total); // in the reply only
        Assert.Equal(1, (await PublicAsync(database, search: "上户口")).Total);       // in the letter only
        Assert.Equal(proposal.Reply, (await database.InScopeAsync(sp => sp.GetRequiredService<PublishedLetters>().FindAsync(received.Number)))!.Reply);
        Assert.Equal(0, (await PublicAsync(database, search: "王丽")).Total);

        // Every step is in the letter's timeline and the 台账.
        var steps = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LetterStepRecord>().Where(s => s.LetterId == id).OrderBy(s => s.Id).Select(s => s.Action).ToListAsync());
        Assert.Equal([MailboxLedgerActions.Received, MailboxLedgerActions.Routed, MailboxLedgerActions.Submitted, MailboxLedgerActions.DepartmentApproved,
            MailboxLedgerActions.Replied, MailboxLedgerActions.Published], steps);
        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync(e => e.ContentItemId == MailboxLedgerActions.Subject(received.Number)));
        Assert.Equal(6, ledger);

        await Act(database, m => m.WithdrawAsync(id, "来信人要求撤回", Office));
        Assert.Equal(0, (await PublicAsync(database)).Total);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_reply_clock_skips_the_National_Day_holiday_and_counts_the_make_up_Saturday(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-09-29");
        await using var database = await OfficeAsync(engine, clock);
        // 9-30 (1), 10-1…10-7 国庆, 10-8 (2), 10-9 (3), 10-10 Saturday 调休上班 (4), 10-12 (5).
        var consultation = await ReceiveAsync(database, Letter(LetterKind.Consultation, "咨询一件事情的办理", "请问这件事情应该如何办理，需要哪些材料？"));
        Assert.Equal(D("2026-10-12"), consultation.Due);
        var suggestion = await ReceiveAsync(database, Letter(LetterKind.Suggestion, "关于一件事情的建议", "建议把这件事情办得更方便一些，谢谢。"));
        Assert.Equal(D("2026-10-19"), suggestion.Due);
        var report = await ReceiveAsync(database, Letter(LetterKind.Report, "举报一件违法的事情", "举报某处有违法行为，请核查处理。"));
        Assert.Equal(D("2026-10-26"), report.Due);

        // An approved extension moves the due date by working days; more than the limit in all is refused.
        var id = await IdAsync(database, consultation.Number);
        await Act(database, m => m.ExtendAsync(id, 3, "需要调取档案", Office));
        Assert.Equal(D("2026-10-15"), (await DetailsAsync(database, consultation.Number)).Row.Due);
        var tooLong = await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.ExtendAsync(id, 8, "再延", Office)));
        Assert.Contains("累计不超过 10 个工作日", tooLong.Message);
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.ExtendAsync(id, 1, "部门自行延期", Head)));

        // On 10-14 the extended letter is near (1 working day left), the suggestion is not; on 10-16 it is overdue.
        clock.Set("2026-10-14");
        var reminders = await RemindersAsync(database, Office);
        Assert.Equal([(consultation.Number, LetterDeadlineState.Near)], reminders.Select(r => (r.Letter.Number, r.State!.Value)));
        clock.Set("2026-10-16");
        Assert.Contains(await RemindersAsync(database, Office), r => r.Letter.Number == consultation.Number && r.State == LetterDeadlineState.Overdue && r.Remaining == -1);

        // Replied late: counted as 超期 with its working days (9-30, 10-8 … 10-10, 10-12 … 10-16: 9 working days).
        await Act(database, m => m.RouteAsync(id, "hzs", null, Office));
        await Act(database, m => m.SaveReplyAsync(id, "经核查，您反映的事项按以下方式办理。", submit: true, Clerk));
        await Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Head));
        await Act(database, m => m.OfficeDecideAsync(id, send: true, null, Office));
        var letter = await LetterAsync(database, id);
        Assert.Equal((9, false), (letter.ReplyWorkingDays, letter.RepliedOnTime));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_report_or_a_letter_whose_writer_declined_is_never_public(DatabaseProvider engine)
    {
        await using var database = await OfficeAsync(engine, TestClock.At("2026-10-09"));
        var report = await RepliedAsync(database, Letter(LetterKind.Report, "举报某处存放易燃物品", "某小区地下室存放大量桶装液体，请核查。", mayPublish: true));
        var declined = await RepliedAsync(database, Letter(LetterKind.Complaint, "反映窗口午休无人值守", "中午到窗口办理业务无人值守，希望改进。", mayPublish: false));

        // Consent ticked on a 举报 is not kept.
        Assert.False((await LetterAsync(database, report)).MayPublish);
        foreach (var id in new[] { report, declined })
        {
            await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.PublishAsync(id, "标题标题", "来信内容", "答复内容", Office)));
            await Assert.ThrowsAsync<MailboxException>(() => database.InScopeAsync(sp => sp.GetRequiredService<MailboxService>().ProposePublicationAsync(id, Office)));
        }

        // Even a row forced into a published state by hand stays off the public list and page.
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            foreach (var letter in await db.Set<LetterRecord>().ToListAsync())
            {
                (letter.PublicSubject, letter.PublicBody, letter.PublicReply, letter.PublishedUtc) = ("标题", "内容", "答复", DateTime.UtcNow);
                letter.MayPublish = letter.Kind == LetterKind.Report;
            }

            await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await PublicAsync(database)).Total);
        foreach (var id in new[] { report, declined })
        {
            var number = (await LetterAsync(database, id)).Number;
            Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<PublishedLetters>().FindAsync(number)));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_office_and_the_handling_department_see_a_letter_and_its_writer(DatabaseProvider engine)
    {
        await using var database = await OfficeAsync(engine, TestClock.At("2026-10-09"));
        var received = await ReceiveAsync(database, Letter(LetterKind.Report, "举报某处存放易燃物品", "某小区地下室存放大量桶装液体，请核查。"));
        var id = await IdAsync(database, received.Number);

        // Before 分办 only the 公开办 sees it; a department cannot route it.
        Assert.Null(await FindAsync(database, received.Number, Head));
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.RouteAsync(id, "hzs", null, Head)));
        await Act(database, m => m.RouteAsync(id, "hzs", null, Office));

        Assert.NotNull(await FindAsync(database, received.Number, Clerk));
        Assert.Null(await FindAsync(database, received.Number, OtherHead));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().ListAsync(OtherHead, new LetterFilter())));
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().ReadWriterAsync(received.Number, OtherHead, "核实")));
        Assert.Equal("（测试）来信人", (await database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().ReadWriterAsync(received.Number, Clerk, "核实情况")))!.Name);
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.SaveReplyAsync(id, "不属于本部门的答复内容。", submit: true, OtherHead)));

        // The 信息员 drafts; only the 部门负责人 of the same department approves; the 公开办 sends.
        await Act(database, m => m.SaveReplyAsync(id, "已转治安管理大队会同消防核查。", submit: true, Clerk));
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Clerk)));
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Office)));
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.OfficeDecideAsync(id, send: true, null, Office)));
        await Act(database, m => m.DepartmentDecideAsync(id, approve: false, "请写明核查时限", Head));
        Assert.Equal(LetterStage.Drafting, (await LetterAsync(database, id)).Stage);
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.DepartmentDecideAsync(id, approve: false, null, Head)));
        // Back in 办理中, not even the 部门负责人 can approve what is not submitted.
        var early = await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Head)));
        Assert.Contains("不在待部门审核", early.Message);
        await Act(database, m => m.SaveReplyAsync(id, "已转治安管理大队会同消防救援机构在 5 个工作日内核查。", submit: true, Clerk));
        await Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Head));
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.OfficeDecideAsync(id, send: true, null, Head)));
        await Act(database, m => m.OfficeDecideAsync(id, send: true, null, Office));
        Assert.Equal(LetterStage.Replied, (await LetterAsync(database, id)).Stage);
        await Assert.ThrowsAsync<MailboxException>(() => Act(database, m => m.SaveReplyAsync(id, "答复之后再改的内容。", submit: false, Clerk)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_reply_is_rated_once_and_a_dissatisfied_rating_opens_a_follow_up(DatabaseProvider engine)
    {
        await using var database = await OfficeAsync(engine, TestClock.At("2026-10-09"));
        var open = await ReceiveAsync(database, Letter(LetterKind.Complaint, "反映窗口午休无人值守", "中午到窗口办理业务无人值守，希望改进。"));
        var notYet = await FindRateableAsync(database, open.TrackingCode, "13995110000");
        Assert.False(notYet!.Answered);
        Assert.Equal("答复后才能评价。", await RateAsync(database, notYet, Satisfaction.Satisfied));

        var id = await RepliedAsync(database, Letter(LetterKind.Complaint, "反映窗口排队时间过长", "户籍窗口排队时间过长，希望增加窗口。"));
        var code = (await LetterAsync(database, id)).TrackingCode;
        Assert.Null(await FindRateableAsync(database, code, "13900000000"));
        var reply = await FindRateableAsync(database, code, "13995110000");
        Assert.True(reply!.Answered);
        Assert.Equal("请选择满意、基本满意或不满意。", await RateAsync(database, reply, null));
        Assert.Null(await RateAsync(database, reply, Satisfaction.Dissatisfied, "等了两个小时"));
        Assert.Equal("这件答复已经评价过，每件答复只能评价一次。", await RateAsync(database, reply, Satisfaction.Satisfied));
        Assert.Equal(Satisfaction.Dissatisfied, (await FindRateableAsync(database, code, "13995110000"))!.Rated);

        var followUps = await database.InScopeAsync(sp => sp.GetRequiredService<RatingService>().OpenFollowUpsAsync());
        var followUp = Assert.Single(followUps);
        Assert.Equal(("hzs", "等了两个小时"), (followUp.DepartmentCode, followUp.Comment));
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<RatingService>().CloseFollowUpAsync(followUp.Id, "已电话回访，说明增设窗口安排", "office")));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<RatingService>().OpenFollowUpsAsync()));

        // A forged or altered token rates nothing.
        Assert.StartsWith("评价页面已过期", await database.InScopeAsync(sp => sp.GetRequiredService<RatingService>().RateAsync("forged", Satisfaction.Satisfied, null)));
    }

    internal static async Task<TestDatabase> OfficeAsync(DatabaseProvider engine, TestClock clock)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    internal static NewLetter Letter(LetterKind kind, string subject, string body, bool mayPublish = false, string phone = "13995110000", string name = "（测试）来信人") =>
        new(kind, subject, body, new LetterWriter(name, phone, null, null), mayPublish && kind != LetterKind.Report);

    internal static Task<ReceivedLetter> ReceiveAsync(TestDatabase database, NewLetter letter, DateOnly? on = null) =>
        database.InScopeAsync(sp => sp.GetRequiredService<MailboxService>().ReceiveAsync(letter, [], "网上来信", on));

    /// <summary>A letter received, routed to 户政科 and replied the same day; its id.</summary>
    internal static async Task<long> RepliedAsync(TestDatabase database, NewLetter letter)
    {
        var id = await IdAsync(database, (await ReceiveAsync(database, letter)).Number);
        await Act(database, m => m.RouteAsync(id, "hzs", null, Office));
        await Act(database, m => m.SaveReplyAsync(id, "您好，您反映的情况已经核实处理。", submit: true, Clerk));
        await Act(database, m => m.DepartmentDecideAsync(id, approve: true, null, Head));
        await Act(database, m => m.OfficeDecideAsync(id, send: true, null, Office));
        return id;
    }

    internal static Task Act(TestDatabase database, Func<MailboxService, Task> act) =>
        database.InScopeAsync(sp => act(sp.GetRequiredService<MailboxService>()));

    internal static Task<long> IdAsync(TestDatabase database, string number) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LetterRecord>().Where(l => l.Number == number).Select(l => l.Id).SingleAsync());

    internal static Task<LetterRecord> LetterAsync(TestDatabase database, long id) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LetterRecord>().AsNoTracking().SingleAsync(l => l.Id == id));

    private static Task<LetterStatus?> StatusAsync(TestDatabase database, string code, string phone) =>
        database.InScopeAsync(sp => sp.GetRequiredService<LetterStatusQuery>().FindAsync(code, phone));

    private static Task<PublicLetterPage> PublicAsync(TestDatabase database, string? search = null) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PublishedLetters>().ListAsync(null, search, 1, 20));

    private static Task<LetterDetails?> FindAsync(TestDatabase database, string number, Actor actor) =>
        database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().FindAsync(number, actor));

    private static async Task<LetterDetails> DetailsAsync(TestDatabase database, string number) => (await FindAsync(database, number, Office))!;

    private static Task<IReadOnlyList<LetterRow>> RemindersAsync(TestDatabase database, Actor actor) =>
        database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().RemindersAsync(actor));

    private static Task<RateableReply?> FindRateableAsync(TestDatabase database, string code, string phone) =>
        database.InScopeAsync(sp => sp.GetRequiredService<RatingService>().FindAsync(code, phone));

    private static Task<string?> RateAsync(TestDatabase database, RateableReply reply, Satisfaction? rating, string? comment = null) =>
        database.InScopeAsync(sp =>
        {
            var ratings = sp.GetRequiredService<RatingService>();
            return ratings.RateAsync(ratings.TokenFor(reply), rating, comment);
        });

    internal static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
