using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Mailbox;

/// <summary>One cell group of the monthly figures: letters received, replies sent, of them on time, and their working days in all.</summary>
public sealed record LetterFigures(int Received, int Replied, int RepliedOnTime, long ReplyWorkingDays)
{
    public static LetterFigures None { get; } = new(0, 0, 0, 0);

    /// <summary>按期答复率 in percent, one decimal; null when nothing was replied.</summary>
    public decimal? OnTimeRate => Replied == 0 ? null : Math.Round(100m * RepliedOnTime / Replied, 1);

    /// <summary>平均答复用时 in working days, one decimal; null when nothing was replied.</summary>
    public decimal? AverageWorkingDays => Replied == 0 ? null : Math.Round((decimal)ReplyWorkingDays / Replied, 1);

    public LetterFigures Add(LetterFigures other) =>
        new(Received + other.Received, Replied + other.Replied, RepliedOnTime + other.RepliedOnTime, ReplyWorkingDays + other.ReplyWorkingDays);
}

/// <summary>A year's figures by month (1–12) and kind.</summary>
public sealed record MailboxYear(int Year, IReadOnlyDictionary<(int Month, LetterKind Kind), LetterFigures> Cells)
{
    public LetterFigures Cell(int month, LetterKind kind) => Cells.TryGetValue((month, kind), out var figures) ? figures : LetterFigures.None;

    public LetterFigures Month(int month) => LetterNames.Kinds.Aggregate(LetterFigures.None, (sum, kind) => sum.Add(Cell(month, kind)));

    public LetterFigures Kind(LetterKind kind) => Enumerable.Range(1, 12).Aggregate(LetterFigures.None, (sum, month) => sum.Add(Cell(month, kind)));

    public LetterFigures Total => Enumerable.Range(1, 12).Aggregate(LetterFigures.None, (sum, month) => sum.Add(Month(month)));
}

/// <summary>
/// The public monthly figures of the 局长信箱 (every letter counts, published or not): received by month of receipt;
/// replied, on time and working days by month of reply. Two GROUP BY queries over the month-key indexes, whatever the
/// number of letters; the rates and averages are divided out here from the sums, so months and kinds add up exactly.
/// </summary>
public sealed class MailboxStatistics(DisclosureDbContext db)
{
    /// <summary>The whole installation's letters (the public page).</summary>
    public Task<MailboxYear> YearAsync(int year, CancellationToken cancellationToken = default) =>
        YearAsync(year, null, cancellationToken);

    /// <summary>One agency's own letters (its annual report), on the (AgencyCode, ReceivedMonth) index.</summary>
    public Task<MailboxYear> AgencyYearAsync(string agencyCode, int year, CancellationToken cancellationToken = default) =>
        YearAsync(year, agencyCode, cancellationToken);

    private async Task<MailboxYear> YearAsync(int year, string? agencyCode, CancellationToken cancellationToken)
    {
        var (first, last) = (year * 100 + 1, year * 100 + 12);
        var letters = db.Set<LetterRecord>().AsNoTracking();
        if (agencyCode is not null)
        {
            letters = letters.Where(l => l.AgencyCode == agencyCode);
        }

        var received = await letters.Where(l => l.ReceivedMonth >= first && l.ReceivedMonth <= last)
            .GroupBy(l => new { l.ReceivedMonth, l.Kind })
            .Select(g => new { g.Key.ReceivedMonth, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var replied = await letters.Where(l => l.RepliedMonth >= first && l.RepliedMonth <= last)
            .GroupBy(l => new { l.RepliedMonth, l.Kind })
            .Select(g => new
            {
                g.Key.RepliedMonth,
                g.Key.Kind,
                Count = g.Count(),
                OnTime = g.Count(l => l.RepliedOnTime == true),
                Days = g.Sum(l => (long)(l.ReplyWorkingDays ?? 0)),
            })
            .ToListAsync(cancellationToken);

        var cells = new Dictionary<(int, LetterKind), LetterFigures>();
        foreach (var r in received)
        {
            var key = (r.ReceivedMonth % 100, r.Kind);
            cells[key] = cells.GetValueOrDefault(key, LetterFigures.None) with { Received = r.Count };
        }

        foreach (var r in replied)
        {
            var key = (r.RepliedMonth!.Value % 100, r.Kind);
            cells[key] = cells.GetValueOrDefault(key, LetterFigures.None) with { Replied = r.Count, RepliedOnTime = r.OnTime, ReplyWorkingDays = r.Days };
        }

        return new MailboxYear(year, cells);
    }
}
