using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Calendar.Pages.Admin.Calendar;

/// <summary>
/// 工作日历: one year's holidays and adjusted working days as a month grid and a list, single days added or
/// removed, next year's notice imported (pasted or as a JSON year file), and a deadline worked out on the spot.
/// </summary>
[Authorize(Policy = CalendarModule.AdminPolicy)]
public sealed class CalendarIndexModel(CalendarStore store, TimeProvider clock) : PageModel
{
    /// <summary>A year file is a few kilobytes; anything much larger is not one.</summary>
    public const int MaxUploadBytes = 256 * 1024;

    /// <summary>Longest period the deadline tool accepts; the 条例's longest is 20 + 20 working days.</summary>
    public const int MaxTrialDays = 250;

    public int Year { get; private set; }

    public DateOnly Today { get; private set; }

    public WorkingDayCalendar Calendar { get; private set; } = WorkingDayCalendar.Empty;

    public IReadOnlyList<CalendarDayRecord> Days { get; private set; } = [];

    [BindProperty]
    public DayInput Day { get; set; } = new();

    [BindProperty]
    public ImportInput Import { get; set; } = new();

    public List<string> DayErrors { get; } = [];

    public List<string> ImportErrors { get; } = [];

    /// <summary>The deadline tool's input (a GET form, so a result can be linked to) and its answer.</summary>
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? TrialFrom { get; set; }

    [BindProperty(SupportsGet = true, Name = "days")]
    public string? TrialDays { get; set; }

    public WorkingDayResult<DateOnly>? TrialResult { get; private set; }

    public string? TrialError { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        Day.Year = Year;
        Import.Year = Calendar.Covers(Year) ? Year + 1 : Year;
        RunTrial();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var year = Day.Year;
        DateOnly date = default;
        if (CalendarRules.CheckYear(year) is { } yearError)
        {
            DayErrors.Add(yearError);
        }
        else if (!CalendarRules.TryParseDate(Day.Date, out date, out var dateError))
        {
            DayErrors.Add(dateError!);
        }
        else if (date.Year != year)
        {
            DayErrors.Add($"日期 {CalendarRules.Format(date)} 不在 {year} 年内。");
        }

        if (!Enum.TryParse<CalendarDayKind>(Day.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Day.Kind, out _))
        {
            DayErrors.Add("请选择“放假”或“调休上班”。");
        }

        if ((CalendarRules.CheckName(Day.Name) ?? CalendarRules.CheckSource(Day.Source)) is { } textError)
        {
            DayErrors.Add(textError);
        }

        if (DayErrors.Count == 0 && await store.AddDayAsync(new CalendarDay(date, kind, Day.Name?.Trim() ?? string.Empty), Day.Source, User.Identity!.Name!, cancellationToken) is { } refused)
        {
            DayErrors.Add(refused);
        }

        if (DayErrors.Count > 0)
        {
            return await RedisplayAsync(year, cancellationToken);
        }

        TempData["Message"] = $"已添加：{CalendarRules.Format(date)} {CalendarDayKinds.DisplayName(kind)}（{Day.Name!.Trim()}）。";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string date, CancellationToken cancellationToken)
    {
        if (!CalendarRules.TryParseDate(date, out var day, out _))
        {
            return BadRequest();
        }

        TempData["Message"] = await store.RemoveDayAsync(day, User.Identity!.Name!, cancellationToken)
            ? $"已删除 {CalendarRules.Format(day)}，该日恢复为普通{(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "休息日" : "工作日")}。"
            : $"{CalendarRules.Format(day)} 不在工作日历中，可能已被他人删除。";
        return RedirectToPage(new { year = day.Year });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        var year = await ReadImportAsync(cancellationToken);
        if (year is not null && await store.ImportYearAsync(year, Import.Replace, User.Identity!.Name!, cancellationToken) is { } refused)
        {
            ImportErrors.Add(refused);
        }

        if (year is null || ImportErrors.Count > 0)
        {
            return await RedisplayAsync(Import.Year is >= CalendarRules.FirstYear and <= CalendarRules.LastYear ? Import.Year : null, cancellationToken);
        }

        var holidays = year.Days.Count(d => d.Kind == CalendarDayKind.Holiday);
        TempData["Message"] = $"已导入 {year.Year} 年节假日安排：放假 {holidays} 天，调休上班 {year.Days.Count - holidays} 天。";
        return RedirectToPage(new { year = year.Year });
    }

    /// <summary>The uploaded year file, or else the pasted lines, as a year; null with <see cref="ImportErrors"/> filled when wrong.</summary>
    private async Task<CalendarYear?> ReadImportAsync(CancellationToken cancellationToken)
    {
        var pasted = !string.IsNullOrWhiteSpace(Import.Lines);
        if (Import.File is { Length: > 0 } file)
        {
            if (pasted)
            {
                ImportErrors.Add("请只用一种方式导入：粘贴文本或上传 JSON 文件，不要同时使用。");
                return null;
            }

            if (file.Length > MaxUploadBytes)
            {
                ImportErrors.Add($"文件“{file.FileName}”超过 {MaxUploadBytes / 1024} KB，不是工作日历的年份文件。");
                return null;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            try
            {
                var year = RecipeReader.ReadCalendarYear(Path.GetFileName(file.FileName), buffer.ToArray());
                Import.Year = year.Year;
                return year;
            }
            catch (RecipeException ex)
            {
                ImportErrors.AddRange(ex.Errors.Select(e => e.ToString()));
                ImportErrors.Add("请修改文件后重新选择上传。");
                return null;
            }
        }

        if (!pasted)
        {
            ImportErrors.Add("请粘贴节假日安排，或选择要上传的 JSON 文件。");
            return null;
        }

        if (string.IsNullOrWhiteSpace(Import.Source))
        {
            ImportErrors.Add("请填写文件依据，即国务院办公厅通知的文号，例如 国办发明电〔2025〕7号。");
        }
        else if (CalendarRules.CheckSource(Import.Source) is { } sourceError)
        {
            ImportErrors.Add(sourceError);
        }

        var (parsed, errors) = CalendarText.Parse(Import.Year, Import.Lines, Import.Source);
        ImportErrors.AddRange(errors);
        return ImportErrors.Count == 0 ? parsed : null;
    }

    private async Task<IActionResult> RedisplayAsync(int? year, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(year, cancellationToken);

        // Only the form that was posted keeps its input; the other starts afresh for the year shown.
        if (DayErrors.Count == 0)
        {
            Day = new DayInput { Year = Year };
        }

        if (ImportErrors.Count == 0)
        {
            Import = new ImportInput { Year = Calendar.Covers(Year) ? Year + 1 : Year };
        }

        return Page();
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        Today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        Year = year is { } y && CalendarRules.CheckYear(y) is null ? y : Today.Year;
        Calendar = await store.GetCalendarAsync(cancellationToken);
        Days = await store.GetDaysAsync(Year, cancellationToken);
    }

    private void RunTrial()
    {
        if (TrialFrom is null && TrialDays is null)
        {
            return;
        }

        if (!CalendarRules.TryParseDate(TrialFrom, out var from, out var error))
        {
            TrialError = error;
        }
        else if (!int.TryParse(TrialDays, out var days) || days is < 0 or > MaxTrialDays)
        {
            TrialError = $"工作日数应为 0 到 {MaxTrialDays} 之间的整数。";
        }
        else
        {
            TrialResult = Calendar.AddWorkingDays(from, days);
        }
    }

    /// <summary>The weeks of a month, Monday first, with null for the days of the neighbouring months.</summary>
    public static IEnumerable<DateOnly?[]> Weeks(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)first.DayOfWeek + 6) % 7;
        var days = DateTime.DaysInMonth(year, month);
        for (var start = -offset; start < days; start += 7)
        {
            yield return Enumerable.Range(start, 7).Select(i => i >= 0 && i < days ? first.AddDays(i) : (DateOnly?)null).ToArray();
        }
    }

    public sealed class DayInput
    {
        public int Year { get; set; }
        public string? Date { get; set; }
        public string? Kind { get; set; } = nameof(CalendarDayKind.Holiday);
        public string? Name { get; set; }
        public string? Source { get; set; }
    }

    public sealed class ImportInput
    {
        public int Year { get; set; }
        public string? Source { get; set; }
        public string? Lines { get; set; }
        public IFormFile? File { get; set; }
        public bool Replace { get; set; }
    }
}
