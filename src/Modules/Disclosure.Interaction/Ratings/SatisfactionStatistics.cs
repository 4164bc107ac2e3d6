using Disclosure.Admin;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Ratings;

/// <summary>Ratings counted by 满意 / 基本满意 / 不满意.</summary>
public sealed record RatingCounts(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public static RatingCounts None { get; } = new(0, 0, 0);

    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>满意率: 满意 and 基本满意 over all ratings, in percent with one decimal; null with no rating.</summary>
    public decimal? SatisfiedRate => Total == 0 ? null : Math.Round(100m * (Satisfied + BasicallySatisfied) / Total, 1);

    public RatingCounts Add(RatingCounts other) =>
        new(Satisfied + other.Satisfied, BasicallySatisfied + other.BasicallySatisfied, Dissatisfied + other.Dissatisfied);

    public RatingCounts With(Satisfaction rating, int count) => rating switch
    {
        Satisfaction.Satisfied => this with { Satisfied = count },
        Satisfaction.BasicallySatisfied => this with { BasicallySatisfied = count },
        _ => this with { Dissatisfied = count },
    };
}

/// <summary>A year's ratings by month (1–12) and kind of reply, and by department (name; “未分办” when none).</summary>
public sealed record SatisfactionYear(
    int Year,
    IReadOnlyDictionary<(int Month, RatedReply Reply), RatingCounts> ByMonth,
    IReadOnlyList<(string Department, RatingCounts Counts)> ByDepartment)
{
    public RatingCounts Month(int month, RatedReply? reply = null) =>
        ByMonth.Where(c => c.Key.Month == month && (reply is null || c.Key.Reply == reply)).Aggregate(RatingCounts.None, (sum, c) => sum.Add(c.Value));

    public RatingCounts Total(RatedReply? reply = null) => Enumerable.Range(1, 12).Aggregate(RatingCounts.None, (sum, m) => sum.Add(Month(m, reply)));
}

/// <summary>The published 满意度 figures: two GROUP BY queries on the rating-month indexes.</summary>
public sealed class SatisfactionStatistics(DisclosureDbContext db, AdminLookups lookups)
{
    /// <summary>The whole installation's ratings (the public page).</summary>
    public Task<SatisfactionYear> YearAsync(int year, CancellationToken cancellationToken = default) =>
        YearAsync(year, null, cancellationToken);

    /// <summary>
    /// The ratings of one agency's own replies (its annual report): a rating carries no agency, so it belongs to the
    /// agency of the letter or application it rates.
    /// </summary>
    public Task<SatisfactionYear> AgencyYearAsync(string agencyCode, int year, CancellationToken cancellationToken = default) =>
        YearAsync(year, agencyCode, cancellationToken);

    private async Task<SatisfactionYear> YearAsync(int year, string? agencyCode, CancellationToken cancellationToken)
    {
        var (first, last) = (year * 100 + 1, year * 100 + 12);
        var ratings = db.Set<ReplyRatingRecord>().AsNoTracking().Where(r => r.RatedMonth >= first && r.RatedMonth <= last);
        if (agencyCode is not null)
        {
            var letters = db.Set<LetterRecord>().Where(l => l.AgencyCode == agencyCode);
            var requests = db.Set<InformationRequestRecord>().Where(q => q.AgencyCode == agencyCode);
            ratings = ratings.Where(r =>
                (r.Reply == RatedReply.Letter && letters.Any(l => l.Id == r.SubjectId))
                || (r.Reply == RatedReply.Request && requests.Any(q => q.Id == r.SubjectId)));
        }
        var byMonth = await ratings.GroupBy(r => new { r.RatedMonth, r.Reply, r.Rating })
            .Select(g => new { g.Key.RatedMonth, g.Key.Reply, g.Key.Rating, Count = g.Count() }).ToListAsync(cancellationToken);
        var byDepartment = await ratings.GroupBy(r => new { r.DepartmentCode, r.Rating })
            .Select(g => new { g.Key.DepartmentCode, g.Key.Rating, Count = g.Count() }).ToListAsync(cancellationToken);
        // Department codes repeat across agencies (办公室 is bgs in each): the lookup takes the first name of a code.
        var names = await lookups.DepartmentNamesAsync(cancellationToken);

        var months = new Dictionary<(int, RatedReply), RatingCounts>();
        foreach (var row in byMonth)
        {
            var key = (row.RatedMonth % 100, row.Reply);
            months[key] = months.GetValueOrDefault(key, RatingCounts.None).With(row.Rating, row.Count);
        }

        var departments = byDepartment.GroupBy(r => r.DepartmentCode)
            .Select(g => (Department: g.Key is { } code ? names.GetValueOrDefault(code, code) : "未分办",
                Counts: g.Aggregate(RatingCounts.None, (sum, r) => sum.With(r.Rating, r.Count))))
            .OrderByDescending(d => d.Counts.Total).ThenBy(d => d.Department, StringComparer.Ordinal)
            .ToList();
        return new SatisfactionYear(year, months, departments);
    }
}
