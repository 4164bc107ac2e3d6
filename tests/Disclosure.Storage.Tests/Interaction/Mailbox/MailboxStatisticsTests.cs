using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Storage.Reports;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Interaction.Mailbox;

/// <summary>
/// The published monthly figures, computed by GROUP BY in the database, checked cell by cell on a seeded November
/// 2026 on SQLite and PostgreSQL: received by month of receipt; replied, on time and working days by month of reply;
/// ratings by month, kind of reply and department.
/// </summary>
public sealed class MailboxStatisticsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task November_is_counted_cell_by_cell(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-12-04"));
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var n = 0;
            void Add(LetterKind kind, string received, string? replied = null, int days = 0, bool onTime = true, string? department = null)
            {
                var on = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
                DateOnly? repliedOn = replied is null ? null : DateOnly.Parse(replied, System.Globalization.CultureInfo.InvariantCulture);
                db.Set<LetterRecord>().Add(new LetterRecord
                {
                    AgencyCode = "640121-103",
                    Number = $"XJ2026-{++n:000000}", TrackingCode = $"T{n:00000000000}", Kind = kind, Subject = "统计", Body = "统计用的来信。",
                    ReceivedOn = on, ReceivedMonth = MailboxService.MonthKey(on), ReceivedUtc = DateTime.UtcNow,
                    Stage = replied is null ? LetterStage.Drafting : LetterStage.Replied, DepartmentCode = department,
                    RepliedOn = repliedOn, RepliedMonth = repliedOn is { } r ? MailboxService.MonthKey(r) : null,
                    ReplyWorkingDays = replied is null ? null : days, RepliedOnTime = replied is null ? null : onTime,
                });
            }

            // Received in October, replied in November: counts as November's reply, October's receipt.
            Add(LetterKind.Consultation, "2026-10-28", "2026-11-03", days: 4);
            // November's consultations: three received, two replied (one late), one still open.
            Add(LetterKind.Consultation, "2026-11-02", "2026-11-05", days: 3);
            Add(LetterKind.Consultation, "2026-11-10", "2026-11-20", days: 8, onTime: false);
            Add(LetterKind.Consultation, "2026-11-30");
            // Suggestions: two received and replied on time; a complaint replied in December; a 举报 replied in November.
            Add(LetterKind.Suggestion, "2026-11-03", "2026-11-12", days: 7);
            Add(LetterKind.Suggestion, "2026-11-16", "2026-11-27", days: 9);
            Add(LetterKind.Complaint, "2026-11-20", "2026-12-02", days: 8);
            Add(LetterKind.Report, "2026-11-04", "2026-11-25", days: 15);
            await db.SaveChangesAsync();

            void Rate(int id, RatedReply reply, Satisfaction rating, string month, string? department) => db.Set<ReplyRatingRecord>().Add(new ReplyRatingRecord
            {
                Reply = reply, SubjectId = id, SubjectNumber = $"S{id}", Rating = rating, RatedUtc = DateTime.UtcNow,
                RatedMonth = int.Parse(month, System.Globalization.CultureInfo.InvariantCulture), DepartmentCode = department,
            });
            Rate(1, RatedReply.Letter, Satisfaction.Satisfied, "202611", "hzs");
            Rate(2, RatedReply.Letter, Satisfaction.Satisfied, "202611", "hzs");
            Rate(3, RatedReply.Letter, Satisfaction.Dissatisfied, "202611", "jjdd");
            Rate(1, RatedReply.Request, Satisfaction.BasicallySatisfied, "202611", "hzs");
            Rate(2, RatedReply.Request, Satisfaction.Satisfied, "202610", null);
            await db.SaveChangesAsync();
        });

        var year = await database.InScopeAsync(sp => sp.GetRequiredService<MailboxStatistics>().YearAsync(2026));
        Assert.Equal(new LetterFigures(1, 0, 0, 0), year.Cell(10, LetterKind.Consultation));
        Assert.Equal(new LetterFigures(3, 3, 2, 15), year.Cell(11, LetterKind.Consultation));
        Assert.Equal(new LetterFigures(2, 2, 2, 16), year.Cell(11, LetterKind.Suggestion));
        Assert.Equal(new LetterFigures(1, 0, 0, 0), year.Cell(11, LetterKind.Complaint));
        Assert.Equal(new LetterFigures(1, 1, 1, 15), year.Cell(11, LetterKind.Report));
        Assert.Equal(new LetterFigures(0, 1, 1, 8), year.Cell(12, LetterKind.Complaint));

        var november = year.Month(11);
        Assert.Equal(new LetterFigures(7, 6, 5, 46), november);
        Assert.Equal((83.3m, 7.7m), (november.OnTimeRate!.Value, november.AverageWorkingDays!.Value));
        Assert.Equal((66.7m, 5.0m), (year.Cell(11, LetterKind.Consultation).OnTimeRate!.Value, year.Cell(11, LetterKind.Consultation).AverageWorkingDays!.Value));
        Assert.Null(year.Cell(11, LetterKind.Complaint).OnTimeRate);
        Assert.Equal(new LetterFigures(8, 7, 6, 54), year.Total);
        Assert.Equal(LetterFigures.None, year.Month(9));

        var ratings = await database.InScopeAsync(sp => sp.GetRequiredService<SatisfactionStatistics>().YearAsync(2026));
        Assert.Equal(new RatingCounts(2, 0, 1), ratings.Month(11, RatedReply.Letter));
        Assert.Equal(new RatingCounts(0, 1, 0), ratings.Month(11, RatedReply.Request));
        Assert.Equal(new RatingCounts(2, 1, 1), ratings.Month(11));
        Assert.Equal(75.0m, ratings.Month(11).SatisfiedRate);
        Assert.Equal(new RatingCounts(3, 1, 1), ratings.Total());
        Assert.Equal([("hzs", new RatingCounts(2, 1, 0)), ("jjdd", new RatingCounts(0, 0, 1)), ("未分办", new RatingCounts(1, 0, 0))], ratings.ByDepartment);

        // The annual report's draft cites the same figures under （五）监督保障, for the agency's own letters and the
        // ratings of its own replies: the two 依申请公开 ratings rate applications this database does not hold, so
        // they belong to no agency's report (they still count on the installation's public page above).
        var sentence = await database.InScopeAsync(sp => sp.GetServices<IAnnualReportOverviewSource>().Single().SupervisionSentenceAsync("640121-103", 2026, default));
        Assert.Equal("全年通过局长信箱收到群众来信8件，答复7件，按期答复率85.7%；收到来信人和申请人对答复的满意度评价3件，其中满意2件、基本满意0件、不满意1件，满意率66.7%。", sentence);
        Assert.Null(await database.InScopeAsync(sp => sp.GetServices<IAnnualReportOverviewSource>().Single().SupervisionSentenceAsync("640121-103", 2025, default)));
        Assert.Null(await database.InScopeAsync(sp => sp.GetServices<IAnnualReportOverviewSource>().Single().SupervisionSentenceAsync("150627-103", 2026, default)));
    }
}
