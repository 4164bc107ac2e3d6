using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;

namespace Disclosure.Admin.Ledger;

/// <summary>
/// The 台账 filters, as GET query parameters so a filtered view can be bookmarked and exported: the person
/// (login name), the action by its zh-CN name (the page never shows action codes), and a date range in Beijing
/// dates (both ends included).
/// </summary>
public sealed class LedgerFilter
{
    public string? Person { get; set; }

    /// <summary>The action's zh-CN name (<see cref="LedgerActionNames.DisplayName"/>).</summary>
    public string? Action { get; set; }

    /// <summary>起始日期, YYYY-MM-DD.</summary>
    public string? From { get; set; }

    /// <summary>截止日期, YYYY-MM-DD.</summary>
    public string? To { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Person) && string.IsNullOrEmpty(Action) && string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To);

    /// <summary>
    /// The entries the filter selects, given the action codes the 台账 holds (to find those named <see cref="Action"/>);
    /// a date that is not a date is reported in <paramref name="errors"/> and ignored.
    /// </summary>
    public IQueryable<LedgerEntry> Apply(IQueryable<LedgerEntry> entries, IEnumerable<string> actionCodes, LedgerActionNames names, List<string> errors)
    {
        if (!string.IsNullOrEmpty(Person))
        {
            entries = entries.Where(e => e.Actor == Person);
        }

        if (!string.IsNullOrEmpty(Action))
        {
            var codes = actionCodes.Where(code => names.DisplayName(code) == Action).ToList();
            entries = entries.Where(e => codes.Contains(e.Action));
        }

        var from = ParseDate(From, "起始日期", errors);
        var to = ParseDate(To, "截止日期", errors);
        if (from is { } start && to is { } end && start > end)
        {
            errors.Add("起始日期晚于截止日期。");
            return entries.Where(_ => false);
        }

        if (from is { } first)
        {
            var fromUtc = StartUtc(first);
            entries = entries.Where(e => e.OccurredUtc >= fromUtc);
        }

        if (to is { } last)
        {
            var beforeUtc = StartUtc(last.AddDays(1));
            entries = entries.Where(e => e.OccurredUtc < beforeUtc);
        }

        return entries;
    }

    /// <summary>The query string of this filter, for paging links and the export (with <paramref name="extra"/> added).</summary>
    public string Query(params (string Name, string Value)[] extra)
    {
        var parts = new List<(string, string?)> { ("person", Person), ("action", Action), ("from", From), ("to", To) };
        parts.AddRange(extra.Select(x => (x.Name, (string?)x.Value)));
        return string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    private static DateTime StartUtc(DateOnly chinaDate) =>
        DateTime.SpecifyKind(chinaDate.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) - ChinaTime.Offset;

    private static DateOnly? ParseDate(string? value, string label, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{label}“{value}”不是有效日期，请按 YYYY-MM-DD 填写。");
        return null;
    }
}
