using Disclosure.Core.Security;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Requests.Statistics;
using Disclosure.Site.Forms;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Requests;

/// <summary>依申请公开 in the database, on SQLite and PostgreSQL: the life of an application, its ledger, the status query, the statistics.</summary>
public sealed class RequestServiceTests
{
    private const string YongNing = "640121-103";
    private const string YiJinHuoLuo = "150627-103";

    private static readonly ApplicationDetails Applicant = new ApplicationInput
    {
        Kind = "NaturalPerson", Name = "马建国", IdType = "ResidentIdCard", IdNumber = "640121196803140116", Phone = "13809510001",
        Address = "永宁县杨和镇纳家户村三组 12 号", Description = "2024年度行政处罚案件数量统计情况。", Form = "Electronic", Delivery = "Online",
    }.Validate(out _)!;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_application_goes_through_correction_consultation_and_extension_and_every_step_is_in_the_ledger(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var clock = TestClock.At("2026-03-09");
        var request = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Letter, D("2026-03-09"), "office"));
        Assert.Equal("2026-0001", request.Number);

        // 补正 within 7 working days (due 03-18), then the corrected application on Fri 03-20: due Mon 04-20 (hand-counted in the Core tests).
        clock.Set("2026-03-12");
        await WithAsync(database, clock, s => s.Service.RequestCorrectionAsync(request.Number, D("2026-03-12"), "请写明所需信息的名称或文号。", "office"));
        Assert.Equal(DeadlineState.Stopped, (await DeadlineAsync(database, clock, request.Number)).State);
        var twice = await Assert.ThrowsAsync<RequestException>(() => WithAsync(database, clock, s => s.Service.RequestCorrectionAsync(request.Number, D("2026-03-12"), "再补正", "office")));
        Assert.Equal("补正只能告知一次（第三十条：一次性告知）。", twice.Message);

        clock.Set("2026-03-20");
        await WithAsync(database, clock, s => s.Service.ReceiveCorrectionAsync(request.Number, D("2026-03-20"), "office"));
        Assert.Equal(D("2026-04-20"), (await DeadlineAsync(database, clock, request.Number)).Due);

        // Consultation from Wed 03-25 to Wed 04-01: 03-26, 27, 30, 31, 04-01 are not counted, so 5 working days later: 04-20 → 04-27.
        clock.Set("2026-03-25");
        await WithAsync(database, clock, s => s.Service.StartConsultationAsync(request.Number, "宁夏某物流有限公司", D("2026-03-25"), "office"));
        clock.Set("2026-04-01");
        await WithAsync(database, clock, s => s.Service.EndConsultationAsync(request.Number, D("2026-04-01"), "office"));
        Assert.Equal(D("2026-04-27"), (await DeadlineAsync(database, clock, request.Number)).Due);

        // Extension by 5: 04-28, 29, 30, (05-01…05 off), 05-06, 07.
        clock.Set("2026-04-24");
        await WithAsync(database, clock, s => s.Service.ExtendAsync(request.Number, 5, "需要调取档案核对。", "政务公开办公室负责人 周明", D("2026-04-24"), "office"));
        var extended = await DeadlineAsync(database, clock, request.Number);
        Assert.Equal((D("2026-05-07"), DeadlineState.OnTime, 6), (extended.Due!.Value, extended.State, extended.Remaining!.Value));
        var again = await Assert.ThrowsAsync<RequestException>(() => WithAsync(database, clock, s => s.Service.ExtendAsync(request.Number, 5, "再延", "周明", D("2026-04-24"), "office")));
        Assert.Equal("答复期限只能延长一次。", again.Message);

        await WithAsync(database, clock, s => s.Service.AssignAsync(request.Number, "fzdd", "office"));
        clock.Set("2026-05-06");
        await WithAsync(database, clock, s => s.Service.CloseAsync(request.Number, RequestOutcome.PartiallyDisclosed, D("2026-05-06"), "部分公开。", (_, a) => System.Text.Encoding.UTF8.GetBytes("letter for " + a.Name), "office"));
        await WithAsync(database, clock, s => s.Service.AddAppealAsync(request.Number, AppealKind.Reconsideration, D("2026-05-06"), "永宁县人民政府", null, AppealResult.Pending, null, "office"));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [
                RequestLedgerActions.Registered, RequestLedgerActions.CorrectionRequested, RequestLedgerActions.CorrectionReceived,
                RequestLedgerActions.ConsultationStarted, RequestLedgerActions.ConsultationEnded, RequestLedgerActions.Extended,
                RequestLedgerActions.Assigned, RequestLedgerActions.Closed, RequestLedgerActions.AppealRecorded,
            ],
            ledger.Select(e => e.Action));
        Assert.All(ledger, e => Assert.Equal(("office", "request:2026-0001"), (e.Actor, e.ContentItemId)));

        // The ledger is read by leaders and exported: no personal data in it.
        Assert.All(ledger, e => Assert.DoesNotContain("马建国", e.Detail));
        Assert.All(ledger, e => Assert.DoesNotContain("640121196803140116", e.Detail));
        Assert.All(ledger, e => Assert.DoesNotContain("13809510001", e.Detail));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));

        var closed = await database.InScopeAsync(sp => sp.GetRequiredService<RequestQueries>().FindAsync(request.Number));
        Assert.Equal((RequestStage.Closed, RequestOutcome.PartiallyDisclosed), (closed!.Stage, closed.Outcome));
        var letter = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<RequestDocumentRecord>().SingleAsync());
        Assert.Equal("letter for 马建国", System.Text.Encoding.UTF8.GetString(letter.Content));
        Assert.Contains(letter.Sha256, ledger.Single(e => e.Action == RequestLedgerActions.Closed).Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_rules_of_the_regulations_are_enforced(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var clock = TestClock.At("2026-03-30");
        var request = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Online, D("2026-03-09"), "office"));

        async Task<string> Refused(Func<Services, Task> action) => (await Assert.ThrowsAsync<RequestException>(() => WithAsync(database, clock, async s => { await action(s); return true; }))).Message;

        Assert.Equal("补正应在收到申请之日起 7 个工作日内告知（本申请最迟 2026-03-18），已超过，不能再要求补正。",
            await Refused(s => s.Service.RequestCorrectionAsync(request.Number, D("2026-03-19"), "请补正", "office")));
        Assert.Equal("收到申请的日期不能晚于今天。", await Refused(s => s.Service.RegisterAsync(Applicant, RequestChannel.Letter, D("2026-03-31"), "office")));
        Assert.Equal("申请人没有待补正的事项，不能以“逾期不补正”办结。",
            await Refused(s => s.Service.CloseAsync(request.Number, RequestOutcome.OtherNoCorrection, D("2026-03-30"), "x", (_, _) => [], "office")));
        Assert.Equal("“补正后申请内容仍不明确”只适用于已经补正的申请。",
            await Refused(s => s.Service.CloseAsync(request.Number, RequestOutcome.UnavailableStillUnclear, D("2026-03-30"), "x", (_, _) => [], "office")));
        Assert.Equal("延长的期限应为 1 到 20 个工作日。", await Refused(s => s.Service.ExtendAsync(request.Number, 21, "r", "a", D("2026-03-30"), "office")));

        // Due 04-07 (03-10…13, 16…20, 23…27, 30, 31, 04-01…03, 07); an extension decided after it is too late.
        clock.Set("2026-04-08");
        Assert.Equal("答复期限已于 2026-04-07 届满，不能再延期。", await Refused(s => s.Service.ExtendAsync(request.Number, 10, "r", "a", D("2026-04-08"), "office")));
        var overdue = await DeadlineAsync(database, clock, request.Number);
        Assert.Equal((DeadlineState.Overdue, -1), (overdue.State, overdue.Remaining!.Value));
        Assert.Equal([request.Number], (await WithAsync(database, clock, s => s.Queries.RemindersAsync(Disclosure.Core.Security.Actor.System))).Select(r => r.Number));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Action != RequestLedgerActions.Registered).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_status_query_needs_the_code_and_the_phone_or_id_and_says_nothing_else(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var clock = TestClock.At("2026-03-09");
        var request = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Online, D("2026-03-09"), "public"));
        var code = TrackingCode.Format(request.TrackingCode).ToLowerInvariant();

        Task<PublicRequestStatus?> Query(string? c, string? second) => database.InScopeAsync(sp => sp.GetRequiredService<RequestStatusQuery>().FindAsync(c, second));

        var byPhone = await Query(code, "138 0951 0001");
        Assert.Equal(RequestStage.Processing, byPhone!.Stage);
        Assert.NotNull(byPhone.Due);
        Assert.NotNull(await Query(request.TrackingCode, "640121196803140116"));
        Assert.Null(await Query(code, "13809510002"));
        Assert.Null(await Query(code, ""));
        Assert.Null(await Query("AAAA-BBBB-CCCC", "13809510001"));
        Assert.Null(await Query(null, null));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Viewing_an_applicant_is_recorded_and_a_captcha_answers_once(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var clock = TestClock.At("2026-03-09");
        var request = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Online, D("2026-03-09"), "public"));
        var applicant = await database.InScopeAsync(sp => sp.GetRequiredService<ApplicantDataAccess>().ViewAsync(request.Number, "office", "查看申请人信息"));
        Assert.Equal("马建国", applicant!.Name);
        var last = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal((RequestLedgerActions.ApplicantViewed, "office", "request:2026-0001"), (last.Action, last.Actor, last.ContentItemId));

        var (id, answer) = await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().CheckAsync(id, answer.ToLowerInvariant())));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().CheckAsync(id, answer)));
        var (other, _) = await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().IssueAsync());
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<CaptchaStore>().CheckAsync(other, "WRONG")));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CaptchaChallengeRecord>().ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_demo_years_give_the_tables_counted_by_hand(DatabaseProvider engine)
    {
        // (Applying the demo twice adds no application: SetupRecipeTests counts them.)
        await using var database = await TestDatabase.CreateDemoAsync(engine);
        Assert.Equal(33 + 3, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<InformationRequestRecord>().CountAsync()));

        var y2025 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().ApplicationTableAsync(YongNing, 2025));
        //                                                  自然人 商业 科研 公益 法律 其他   (recipes/requests/demo.json, counted by hand)
        Assert.Equal(new ApplicantCounts(10, 3, 1, 1, 1, 1), y2025.NewApplications.Counts);
        Assert.Equal(ApplicantCounts.Zero, y2025.CarriedOver.Counts);
        Assert.Equal(new ApplicantCounts(2, 0, 0, 1, 1, 0), y2025[RequestOutcome.Disclosed]);          // 0001, 0012 · 0009 · 0004
        Assert.Equal(new ApplicantCounts(0, 1, 1, 0, 0, 0), y2025[RequestOutcome.PartiallyDisclosed]); // 0002 · 0007
        Assert.Equal(new ApplicantCounts(0, 1, 0, 0, 0, 0), y2025[RequestOutcome.WithheldThirdPartyRights]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.WithheldEnforcementCaseFile]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.WithheldAdministrativeQuery]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.UnavailableNotHeld]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.UnavailableNeedsCreation]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.NotProcessedPetition]);
        Assert.Equal(new ApplicantCounts(0, 0, 0, 0, 0, 1), y2025[RequestOutcome.NotProcessedRepeated]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025[RequestOutcome.OtherNoCorrection]);
        Assert.Equal(new ApplicantCounts(8, 2, 1, 1, 1, 1), y2025.ResultsTotal.Counts);
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), y2025.CarriedForward.Counts);  // 0015, 0017 (received 30 December) · 0016
        Assert.Empty(y2025.CheckConsistency());

        var y2026 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().ApplicationTableAsync(YongNing, 2026));
        Assert.Equal(new ApplicantCounts(10, 1, 1, 1, 1, 2), y2026.NewApplications.Counts);
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), y2026.CarriedOver.Counts);
        Assert.Equal(new ApplicantCounts(3, 1, 0, 1, 0, 0), y2026[RequestOutcome.Disclosed]);          // 2025-0015, 0001, 0003 · 0005 · 0010
        Assert.Equal(new ApplicantCounts(0, 1, 1, 0, 0, 0), y2026[RequestOutcome.PartiallyDisclosed]); // 2025-0016 · 0007
        Assert.Equal(new ApplicantCounts(0, 0, 0, 0, 1, 0), y2026[RequestOutcome.WithheldProhibitedByLaw]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[RequestOutcome.WithheldThreeSecurities]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[RequestOutcome.WithheldProcessInformation]); // 2025-0017
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[RequestOutcome.UnavailableStillUnclear]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[RequestOutcome.NotProcessedPublication]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[RequestOutcome.NotProcessedConfirmation]);
        Assert.Equal(new ApplicantCounts(8, 2, 1, 1, 1, 0), y2026.ResultsTotal.Counts);
        Assert.Equal(new ApplicantCounts(4, 0, 0, 0, 0, 2), y2026.CarriedForward.Counts);  // 0011, 0013, 0014, 0016 · 0012, 0015
        Assert.Equal(13, y2026.ResultsTotal.Counts.Total);
        Assert.Empty(y2026.CheckConsistency());

        var appeals2025 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().AppealTableAsync(YongNing, 2025));
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], appeals2025.Cells);
        var appeals2026 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().AppealTableAsync(YongNing, 2026));
        Assert.Equal([0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], appeals2026.Cells);

        // 伊金霍洛旗公安局's own three applications of 2025 (2025-0018..0020) make its own small tables, and none of
        // them is in 永宁's above: 0018 自然人 予以公开, 0019 自然人 过程性信息 (行政复议 维持), 0020 商业企业 本机关不掌握.
        var yjhl2025 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().ApplicationTableAsync(YiJinHuoLuo, 2025));
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), yjhl2025.NewApplications.Counts);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), yjhl2025[RequestOutcome.Disclosed]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), yjhl2025[RequestOutcome.WithheldProcessInformation]);
        Assert.Equal(new ApplicantCounts(0, 1, 0, 0, 0, 0), yjhl2025[RequestOutcome.UnavailableNotHeld]);
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), yjhl2025.ResultsTotal.Counts);
        Assert.Equal(ApplicantCounts.Zero, yjhl2025.CarriedOver.Counts);
        Assert.Equal(ApplicantCounts.Zero, yjhl2025.CarriedForward.Counts);
        Assert.Empty(yjhl2025.CheckConsistency());
        var yjhlAppeals = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().AppealTableAsync(YiJinHuoLuo, 2025));
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], yjhlAppeals.Cells);
        var yjhl2026 = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().ApplicationTableAsync(YiJinHuoLuo, 2026));
        Assert.Equal(0, yjhl2026.NewApplications.Counts.Total + yjhl2026.CarriedOver.Counts.Total);

        // Both agencies together (the installation-wide view) are the two tables added up.
        var both = await database.InScopeAsync(sp => sp.GetRequiredService<RequestStatistics>().ApplicationTableAsync([YongNing, YiJinHuoLuo], 2025));
        Assert.Equal(new ApplicantCounts(12, 4, 1, 1, 1, 1), both.NewApplications.Counts);
        Assert.Equal(new ApplicantCounts(8 + 2, 2 + 1, 1, 1, 1, 1), both.ResultsTotal.Counts);

        // A new application continues the numbering after the imported ones.
        var clock = TestClock.At("2026-11-23");
        var next = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Online, D("2026-11-23"), "public"));
        Assert.Equal("2026-0017", next.Number);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Released_files_go_online_with_the_last_letter_only_after_closing_and_stay_once_provided(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var clock = TestClock.At("2026-03-09");
        var request = await WithAsync(database, clock, s => s.Service.RegisterAsync(Applicant, RequestChannel.Online, D("2026-03-09"), "public"));
        var listed = () => database.InScopeAsync(sp => sp.GetRequiredService<OnlineReplyDocuments>().ListAsync(request.Id));

        var kept = await WithAsync(database, clock, s => s.Service.AddReleasedFileAsync(request.Number, "目录.txt", "text/plain", "目录"u8.ToArray(), "office"));
        var mistaken = await WithAsync(database, clock, s => s.Service.AddReleasedFileAsync(request.Number, "误传.txt", "text/plain", "误传"u8.ToArray(), "office"));
        await WithAsync(database, clock, s => s.Service.RemoveReleasedFileAsync(request.Number, mistaken, "office"));
        var gone = await Assert.ThrowsAsync<RequestException>(() => WithAsync(database, clock, s => s.Service.RemoveReleasedFileAsync(request.Number, mistaken, "office")));
        Assert.Equal("该文件不存在或已被删除。", gone.Message);
        Assert.Empty(await listed());

        clock.Set("2026-03-20");
        await WithAsync(database, clock, s => s.Service.CloseAsync(request.Number, RequestOutcome.Disclosed, D("2026-03-20"), "予以公开。", (_, _) => "letter"u8.ToArray(), "office"));
        var documents = await listed();
        Assert.Equal([RequestDocumentKind.ReplyLetter, RequestDocumentKind.ReleasedFile], documents.Select(d => d.Kind));
        Assert.Equal(kept, documents[1].Id);
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<OnlineReplyDocuments>().GetAsync(request.Id, mistaken)));

        // The letter cannot be removed as a released file, and after 办结 nothing provided can.
        var letterId = documents[0].Id;
        var notAFile = await Assert.ThrowsAsync<RequestException>(() => WithAsync(database, clock, s => s.Service.RemoveReleasedFileAsync(request.Number, letterId, "office")));
        Assert.Equal("申请已办结：已提供给申请人的文件不能删除。", notAFile.Message);
        await WithAsync(database, clock, s => s.Service.AddReleasedFileAsync(request.Number, "补充.txt", "text/plain", "补充"u8.ToArray(), "office"));
        Assert.Equal(3, (await listed()).Count);
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<DeadlineStatus> DeadlineAsync(TestDatabase database, TimeProvider clock, string number) =>
        WithAsync(database, clock, async s => await s.Queries.DeadlineAsync((await s.Queries.FindAsync(number))!));

    /// <summary>The services of one request scope, on a clock the test sets.</summary>
    private sealed record Services(RequestService Service, RequestQueries Queries);

    private static async Task<T> WithAsync<T>(TestDatabase database, TimeProvider clock, Func<Services, Task<T>> action)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var ledger = new LedgerWriter(db, clock, scope.ServiceProvider.GetRequiredService<LedgerKeyRing>());
        var calendar = new CalendarStore(db, scope.ServiceProvider.GetRequiredService<CalendarCache>(), ledger, clock);
        return await action(new Services(new RequestService(db, ledger, calendar, new AgencyDirectory(db), clock), new RequestQueries(db, calendar, new LedgerHistory(db), clock)));
    }

    private static Task<bool> WithAsync(TestDatabase database, TimeProvider clock, Func<Services, Task> action) =>
        WithAsync(database, clock, async s => { await action(s); return true; });
}
