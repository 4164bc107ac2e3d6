using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Core.Calendar;

/// <summary>
/// The plain-text form of a year's arrangements, for pasting the State Council's notice into the admin, one
/// line per festival part:
/// <code>
/// # 以 # 开头的行是注释
/// 2027-02-05 至 2027-02-11 放假 春节
/// 2027-02-14 上班 春节
/// </code>
/// A line is a date or a range (至, ~ or ～ between two dates), then 放假 or 上班 (also 休 / 班 / 调休上班 / 补班),
/// then the festival's name.
/// </summary>
public static partial class CalendarText
{
    /// <summary>A single line may not span more than this: no festival does, a typo in a year easily would.</summary>
    public const int MaxRangeDays = 31;

    /// <summary>The parsed year, or every line's problem as "第 N 行：…" (then the year is null).</summary>
    public static (CalendarYear? Year, IReadOnlyList<string> Errors) Parse(int year, string? text, string? source)
    {
        var errors = new List<string>();
        if (CalendarRules.CheckYear(year) is { } yearError)
        {
            return (null, [yearError]);
        }

        var builder = new CalendarYearBuilder(year);
        var lines = (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Replace('\u3000', ' ').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (ParseLine(line, builder) is { } error)
            {
                errors.Add($"第 {i + 1} 行：{error}");
            }
        }

        if (errors.Count == 0 && builder.Count == 0)
        {
            errors.Add("没有读到任何日期。每行写一个日期或日期范围、放假或上班、节日名称，例如：2027-02-05 至 2027-02-11 放假 春节");
        }

        return errors.Count > 0 ? (null, errors) : (builder.Build(source), []);
    }

    /// <summary>A year written back in the same form (consecutive days of one festival and kind joined into a range).</summary>
    public static string Format(CalendarYear year)
    {
        var text = new StringBuilder();
        if (year.Source is not null)
        {
            text.Append("# ").Append(year.Year).Append(" 年，").Append(year.Source).Append('\n');
        }

        var days = year.Days.OrderBy(d => d.Date).ToList();
        for (var i = 0; i < days.Count;)
        {
            var end = i;
            while (end + 1 < days.Count && days[end + 1].Date == days[end].Date.AddDays(1)
                && days[end + 1].Kind == days[i].Kind && days[end + 1].Name == days[i].Name)
            {
                end++;
            }

            text.Append(CalendarRules.Format(days[i].Date));
            if (end > i)
            {
                text.Append(" 至 ").Append(CalendarRules.Format(days[end].Date));
            }

            text.Append(days[i].Kind == CalendarDayKind.Holiday ? " 放假 " : " 上班 ").Append(days[i].Name).Append('\n');
            i = end + 1;
        }

        return text.ToString();
    }

    private static string? ParseLine(string line, CalendarYearBuilder builder)
    {
        var match = LineRegex().Match(line);
        if (!match.Success)
        {
            _ = CalendarRules.TryParseDate(line.Split(' ', 2)[0], out _, out var badDate); // only its message is wanted
            return badDate;
        }

        if (!CalendarRules.TryParseDate(match.Groups["from"].Value, out var from, out var error))
        {
            return error;
        }

        var to = from;
        if (match.Groups["to"].Success)
        {
            if (!CalendarRules.TryParseDate(match.Groups["to"].Value, out to, out error))
            {
                return error;
            }

            if (to < from)
            {
                return $"结束日期 {CalendarRules.Format(to)} 早于开始日期 {CalendarRules.Format(from)}。";
            }

            if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
            {
                return $"日期范围超过 {MaxRangeDays} 天，请检查是否写错。";
            }
        }

        var tokens = match.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return "日期后应写“放假”或“上班”，再写节日名称。";
        }

        CalendarDayKind? kind = tokens[0] switch
        {
            "放假" or "休" or "休息" => CalendarDayKind.Holiday,
            "上班" or "班" or "调休上班" or "补班" => CalendarDayKind.AdjustedWorkingDay,
            _ => null,
        };
        if (kind is null)
        {
            return $"“{tokens[0]}”应为“放假”或“上班”。";
        }

        var name = string.Join(' ', tokens.Skip(1));
        if (CalendarRules.CheckName(name) is { } nameError)
        {
            return nameError;
        }

        var problems = new List<string>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (builder.TryAdd(date, kind.Value, name) is { } dayError)
            {
                problems.Add(dayError);
            }
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private const string DatePattern = @"[0-9０-９]{1,4}[-/.－／．][0-9０-９]{1,2}[-/.－／．][0-9０-９]{1,2}";

    [GeneratedRegex(@"^(?<from>" + DatePattern + @")(?:\s*(?:至|到|~|～|—|–)\s*(?<to>" + DatePattern + @"))?\s*(?<rest>[^\s0-9０-９].*)?$")]
    private static partial Regex LineRegex();
}
