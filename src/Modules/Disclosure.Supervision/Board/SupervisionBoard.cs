using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Board;

/// <summary>
/// The supervision board's figures: every registered clock, its items for one agency (or the installation) and one
/// period, counted per department. The drill-down lists the same entries, so a count and its list never disagree.
/// </summary>
public sealed class SupervisionBoard(IEnumerable<ISupervisionClock> clocks, DisclosureDbContext db, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<ISupervisionClock> Clocks { get; } = clocks.OrderBy(c => c.Order).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    public ISupervisionClock? Find(string key) => Clocks.FirstOrDefault(c => c.Key == key);

    public ClockQuery Query(string? agencyCode, SupervisionPeriod period) =>
        new(Today, period.From, period.To, agencyCode, options.Value.DueSoonWorkingDays);

    /// <summary>Every clock with its counts per department, departments in the order the office lists them.</summary>
    public async Task<IReadOnlyList<ClockSummary>> SummariesAsync(string? agencyCode, SupervisionPeriod period, CancellationToken cancellationToken)
    {
        var query = Query(agencyCode, period);
        var names = await DepartmentNamesAsync(agencyCode, cancellationToken);
        var summaries = new List<ClockSummary>();
        foreach (var c in Clocks)
        {
            var entries = await c.EntriesAsync(query, cancellationToken);
            var rows = entries
                .GroupBy(e => new DepartmentKey(e.AgencyCode, e.DepartmentCode))
                .Select(g => new DepartmentCounts(g.Key, names.Label(g.Key), Count(g)))
                .OrderBy(r => names.Position(r.Department)).ThenBy(r => r.Label, StringComparer.Ordinal)
                .ToList();
            summaries.Add(new ClockSummary(c, rows, Count(entries)));
        }

        return summaries;
    }

    /// <summary>The entries behind one count: a clock's items, optionally of one state and one department.</summary>
    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(
        ISupervisionClock supervised, string? agencyCode, SupervisionPeriod period, ClockState? state, DepartmentKey? department, CancellationToken cancellationToken)
    {
        var entries = await supervised.EntriesAsync(Query(agencyCode, period), cancellationToken);
        return entries
            .Where(e => state is null || e.State == state)
            .Where(e => department is null || (e.AgencyCode == department.AgencyCode && e.DepartmentCode == department.DepartmentCode))
            .OrderBy(e => e.DoneOn is null ? 0 : 1).ThenBy(e => e.DueOn).ThenBy(e => e.Subject, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<DepartmentNames> DepartmentNamesAsync(string? agencyCode, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => agencyCode == null || d.AgencyCode == agencyCode)
            .OrderBy(d => d.Id) // the order they were set up in, which is the office's
            .Select(d => new { d.AgencyCode, d.Code, d.Name })
            .ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return new DepartmentNames(
            departments.Select((d, i) => (new DepartmentKey(d.AgencyCode, d.Code), d.Name, i)).ToList(),
            agencies,
            ShowAgency: agencyCode is null && agencies.Count > 1);
    }

    private static StateCounts Count(IEnumerable<ClockEntry> entries)
    {
        var counts = new int[Enum.GetValues<ClockState>().Length];
        foreach (var e in entries)
        {
            counts[(int)e.State]++;
        }

        return new StateCounts(counts[(int)ClockState.Running], counts[(int)ClockState.DueSoon], counts[(int)ClockState.Overdue],
            counts[(int)ClockState.DoneOnTime], counts[(int)ClockState.DoneLate]);
    }
}

/// <summary>A department of an agency; a null department code stands for items no department was named for.</summary>
public sealed record DepartmentKey(string AgencyCode, string? DepartmentCode);

public sealed record StateCounts(int Running, int DueSoon, int Overdue, int DoneOnTime, int DoneLate)
{
    public int Of(ClockState state) => state switch
    {
        ClockState.Running => Running,
        ClockState.DueSoon => DueSoon,
        ClockState.Overdue => Overdue,
        ClockState.DoneOnTime => DoneOnTime,
        ClockState.DoneLate => DoneLate,
        _ => 0,
    };
}

public sealed record DepartmentCounts(DepartmentKey Department, string Label, StateCounts Counts);

public sealed record ClockSummary(ISupervisionClock Clock, IReadOnlyList<DepartmentCounts> Departments, StateCounts Total);

/// <summary>Department labels as the board writes them, with the agency's name when the board spans several agencies.</summary>
public sealed class DepartmentNames(IReadOnlyList<(DepartmentKey Key, string Name, int Position)> departments, IReadOnlyDictionary<string, string> agencies, bool ShowAgency)
{
    private readonly Dictionary<DepartmentKey, (string Name, int Position)> _byKey =
        departments.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Position));

    public string Label(DepartmentKey key)
    {
        var department = key.DepartmentCode is null ? "未指定部门" : _byKey.TryGetValue(key, out var d) ? d.Name : key.DepartmentCode;
        return ShowAgency ? agencies.GetValueOrDefault(key.AgencyCode, key.AgencyCode) + " · " + department : department;
    }

    public int Position(DepartmentKey key) => _byKey.TryGetValue(key, out var d) ? d.Position : int.MaxValue;
}

/// <summary>The period whose finished items the board counts: a calendar month, Beijing dates, both ends included.</summary>
public sealed record SupervisionPeriod(DateOnly From, DateOnly To)
{
    public static SupervisionPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    /// <summary>Reads <c>yyyy-MM</c>; null when the text is not a month.</summary>
    public static SupervisionPeriod? ParseMonth(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            ? Month(first.Year, first.Month)
            : null;

    public string MonthText => From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public string Caption => $"{From.Year}年{From.Month}月";
}
