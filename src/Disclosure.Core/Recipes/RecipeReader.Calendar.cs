using System.Text.Json;
using Disclosure.Core.Calendar;

namespace Disclosure.Core.Recipes;

/// <summary>
/// The <c>Calendar</c> step and its year files. A year file mirrors the State Council's notice, festival by
/// festival:
/// <code>
/// { "year": 2025, "source": "国办发明电〔2024〕12号",
///   "festivals": [ { "name": "春节", "from": "2025-01-28", "to": "2025-02-04", "workdays": ["2025-01-26", "2025-02-08"] } ] }
/// </code>
/// <c>from</c>…<c>to</c> are the days off (放假, weekends inside the span included; <c>to</c> may be left out for a
/// single day) and <c>workdays</c> the weekend days worked instead (调休上班).
/// </summary>
public static partial class RecipeReader
{
    /// <summary>
    /// Reads one year file's content (an upload in the admin, say) under the given file name; throws a
    /// <see cref="RecipeException"/> naming every problem.
    /// </summary>
    public static CalendarYear ReadCalendarYear(string fileName, ReadOnlySpan<byte> json)
    {
        var errors = new List<RecipeError>();
        CalendarYear? year = null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), DocumentOptions);
            year = ReadCalendarYear(new JsonCursor(document.RootElement, "$", fileName, errors));
        }
        catch (JsonException ex)
        {
            errors.Add(new RecipeError(fileName, "$", $"不是有效的 JSON（第 {ex.LineNumber + 1} 行）：{ex.Message}"));
        }

        return errors.Count == 0 && year is not null ? year : throw new RecipeException(errors);
    }

    private static CalendarStep? ReadCalendar(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var source = step.String("source", required: true);
        if (source is null)
        {
            return null;
        }

        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(recipeFile)!, source));
        if (!Directory.Exists(folder))
        {
            step.Property("source")!.Value.Error($"工作日历目录“{folder}”不存在。");
            return null;
        }

        var years = new List<CalendarYear>();
        var files = new Dictionary<int, string>();
        var yearFiles = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (yearFiles.Count == 0)
        {
            step.Property("source")!.Value.Error($"工作日历目录“{folder}”中没有任何年份文件（*.json）。");
        }

        foreach (var file in yearFiles)
        {
            using var document = Parse(file, errors);
            if (document is null)
            {
                continue;
            }

            var root = new JsonCursor(document.RootElement, "$", file, errors);
            if (ReadCalendarYear(root) is not { } year)
            {
                continue;
            }

            if (files.TryGetValue(year.Year, out var other))
            {
                root.Property("year")!.Value.Error($"{year.Year} 年已在 {other} 中给出，每年只能有一个文件。");
                continue;
            }

            files[year.Year] = file;
            years.Add(year);
        }

        return new CalendarStep(step.Path, folder, years);
    }

    private static CalendarYear? ReadCalendarYear(JsonCursor root)
    {
        if (!root.RequireObject())
        {
            return null;
        }

        // Whatever goes wrong anywhere in this file, no half-read year is returned.
        var errorsBefore = root.ErrorCount;
        var yearNumber = root.Number("year");
        var source = root.String("source", required: true);
        if (source is not null && CalendarRules.CheckSource(source) is { } sourceError)
        {
            root.Property("source")!.Value.Error(sourceError);
        }

        if (yearNumber is null)
        {
            if (root.Property("year") is null)
            {
                root.Error("缺少年份 year。");
            }

            return null;
        }

        if (yearNumber != decimal.Truncate(yearNumber.Value) || yearNumber is < CalendarRules.FirstYear or > CalendarRules.LastYear)
        {
            root.Property("year")!.Value.Error($"年份 {yearNumber} 无效，应为 {CalendarRules.FirstYear} 到 {CalendarRules.LastYear} 之间的整数。");
            return null;
        }

        var year = (int)yearNumber.Value;
        var builder = new CalendarYearBuilder(year);
        foreach (var festival in root.Array("festivals", required: true))
        {
            if (!festival.RequireObject())
            {
                continue;
            }

            var name = festival.String("name", required: true);
            if (name is not null && CalendarRules.CheckName(name) is { } nameError)
            {
                festival.Property("name")!.Value.Error(nameError);
                name = null;
            }

            var from = ReadCalendarDate(festival, "from", required: true);
            var to = festival.Property("to") is null ? from : ReadCalendarDate(festival, "to", required: false);
            if (name is not null && from is { } first && to is { } last)
            {
                AddHolidays(festival, builder, name, first, last);
            }

            foreach (var workday in festival.Array("workdays"))
            {
                if (ReadCalendarDate(workday) is { } date && name is not null
                    && builder.TryAdd(date, CalendarDayKind.AdjustedWorkingDay, name) is { } error)
                {
                    workday.Error(error);
                }
            }
        }

        return root.ErrorCount == errorsBefore && source is not null ? builder.Build(source) : null;
    }

    private static void AddHolidays(JsonCursor festival, CalendarYearBuilder builder, string name, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            festival.Property("to")!.Value.Error($"结束日期 {CalendarRules.Format(to)} 早于开始日期 {CalendarRules.Format(from)}。");
            return;
        }

        if (to.DayNumber - from.DayNumber + 1 > CalendarText.MaxRangeDays)
        {
            festival.Property("to")!.Value.Error($"放假期间超过 {CalendarText.MaxRangeDays} 天，请检查是否写错。");
            return;
        }

        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (builder.TryAdd(date, CalendarDayKind.Holiday, name) is { } error)
            {
                // A date outside the year is the fault of whichever end lies outside it.
                var at = date == from || to.Year == builder.Year ? "from" : "to";
                festival.Property(at)!.Value.Error(error);
                return;
            }
        }
    }

    /// <summary>A <c>yyyy-MM-dd</c> date property, recording an error when it is missing (and required) or malformed.</summary>
    public static DateOnly? ReadCalendarDate(JsonCursor node, string name, bool required)
    {
        var text = node.String(name, required);
        return text is null ? null : ReadCalendarDate(node.Property(name)!.Value);
    }

    private static DateOnly? ReadCalendarDate(JsonCursor node)
    {
        if (node.Element.ValueKind != JsonValueKind.String)
        {
            node.Error($"应为日期字符串（YYYY-MM-DD），实际是 {JsonCursor.Describe(node.Element)}。");
            return null;
        }

        if (!CalendarRules.TryParseDate(node.Element.GetString(), out var date, out var error))
        {
            node.Error(error!);
            return null;
        }

        return date;
    }
}
