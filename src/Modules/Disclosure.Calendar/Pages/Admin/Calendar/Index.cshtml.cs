using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Storage.Agencies;
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
/// <para>
/// With <c>?agency=</c> the page shows one agency's calendar (集约化): its own local days (本地放假, 本地调休上班), added and
/// removed here, beside its superiors' local days and the national days they overlay; the month grid and the deadline
/// tool use the agency's calendar. Staff of an agency see and edit their own agency's days only (another agency is a
/// 404, the national calendar a 403); installation-level staff (no agency, or the top of the installation's own tree)
/// edit the national calendar as before and may pick any agency.
/// </para>
/// </summary>
[Authorize(Policy = CalendarModule.AdminPolicy)]
public sealed class CalendarIndexModel(CalendarStore store, AgencyDirectory agencies, TimeProvider clock) : PageModel
{
    /// <summary>The agency shown (?agency=), or null for the national calendar.</summary>
    [BindProperty(SupportsGet = true, Name = "agency")]
    public string? AgencyCode { get; set; }

    public AgencyRecord? Agency { get; private set; }

    /// <summary>Whether the user edits the national calendar and may pick any agency.</summary>
    public bool InstallationLevel { get; private set; }

    /// <summary>The agencies an installation-level user may pick, in tree order.</summary>
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    /// <summary>The shown agency's own local days of the year.</summary>
    public IReadOnlyList<AgencyCalendarDayRecord> LocalDays { get; private set; } = [];

    /// <summary>The local days of the shown agency's superiors (inherited, read-only here), nearest superior last.</summary>
    public IReadOnlyList<(AgencyRecord Agency, AgencyCalendarDayRecord Day)> InheritedDays { get; private set; } = [];

    [BindProperty]
    public DayInput Local { get; set; } = new();

    public List<string> LocalErrors { get; } = [];

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

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadAsync(year, cancellationToken);
        Day.Year = Year;
        Import.Year = Calendar.Covers(Year) ? Year + 1 : Year;
        Local.Year = Year;
        RunTrial();
        return Page();
    }

    /// <summary>Adds a local day to the shown agency's calendar.</summary>
    public async Task<IActionResult> OnPostAddLocalAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } denied)
        {
            return denied;
        }

        if (Agency is null)
        {
            return NotFound();
        }

        var year = Local.Year;
        DateOnly date = default;
        if (CalendarRules.CheckYear(year) is { } yearError)
        {
            LocalErrors.Add(yearError);
        }
        else if (!CalendarRules.TryParseDate(Local.Date, out date, out var dateError))
        {
            LocalErrors.Add(dateError!);
        }
        else if (CalendarRules.CheckYear(date.Year) is { } dateYearError)
        {
            LocalErrors.Add(dateYearError);
        }

        if (!Enum.TryParse<CalendarDayKind>(Local.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Local.Kind, out _))
        {
            LocalErrors.Add("请选择“放假”或“调休上班”。");
        }

        if ((CalendarRules.CheckName(Local.Name) ?? CalendarRules.CheckSource(Local.Source)) is { } textError)
        {
            LocalErrors.Add(textError);
        }

        if (LocalErrors.Count == 0
            && await store.AddAgencyDayAsync(Agency.Code, new CalendarDay(date, kind, Local.Name?.Trim() ?? string.Empty), Local.Source, User.Identity!.Name!, cancellationToken) is { } refused)
        {
            LocalErrors.Add(refused);
        }

        if (LocalErrors.Count > 0)
        {
            return await RedisplayAsync(CalendarRules.CheckYear(year) is null ? year : null, cancellationToken);
        }

        TempData["Message"] = $"已为{Agency.Name}添加本地日期：{CalendarRules.Format(date)} {CalendarDayKinds.DisplayName(kind)}（{Local.Name!.Trim()}）。";
        return RedirectToPage(new { year = date.Year, agency = Agency.Code });
    }

    /// <summary>Removes one of the shown agency's own local days.</summary>
    public async Task<IActionResult> OnPostRemoveLocalAsync(string date, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } denied)
        {
            return denied;
        }

        if (Agency is null || !CalendarRules.TryParseDate(date, out var day, out _))
        {
            return Agency is null ? NotFound() : BadRequest();
        }

        TempData["Message"] = await store.RemoveAgencyDayAsync(Agency.Code, day, User.Identity!.Name!, cancellationToken)
            ? $"已删除{Agency.Name}的本地日期 {CalendarRules.Format(day)}，该日恢复按上级机构和全国日历计算。"
            : $"{CalendarRules.Format(day)} 不是{Agency.Name}的本地日期，可能已被他人删除。";
        return RedirectToPage(new { year = day.Year, agency = Agency.Code });
    }

    /// <summary>
    /// Works out whose calendar is shown and whether the user may see it: null when fine, otherwise the answer —
    /// 404 for an agency that does not exist or is not the user's, 403 for an agency's user on the national calendar
    /// (only its handlers, see <see cref="NationalDenied"/>; the GET shows the user's own agency instead).
    /// </summary>
    private async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var tree = await agencies.TreeAsync(cancellationToken);
        InstallationLevel = await IsInstallationLevelAsync(actor.AgencyCode, tree, cancellationToken);
        var requested = string.IsNullOrWhiteSpace(AgencyCode) ? null : AgencyCode.Trim();
        if (!InstallationLevel)
        {
            // An agency's staff always look at their own agency's calendar.
            if (requested is not null && requested != actor.AgencyCode)
            {
                return NotFound();
            }

            requested = actor.AgencyCode;
        }

        if (requested is not null)
        {
            Agency = tree.Find(requested)?.Agency;
            if (Agency is null)
            {
                return NotFound();
            }
        }

        AgencyCode = Agency?.Code;
        Agencies = InstallationLevel ? tree.All().ToList() : [];
        return null;
    }

    /// <summary>The national calendar's handlers: installation-level staff only, and not while an agency is shown.</summary>
    private async Task<IActionResult?> NationalDenied(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } denied)
        {
            return denied;
        }

        return InstallationLevel ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>No agency, or the top of the installation's own agency's tree (本机关 runs the platform), as AgencyService has it.</summary>
    private async Task<bool> IsInstallationLevelAsync(string? own, AgencyTree tree, CancellationToken cancellationToken)
    {
        if (own is not { Length: > 0 } || tree.Count == 0)
        {
            return true;
        }

        var installation = await agencies.DefaultCodeAsync(cancellationToken);
        var path = tree.PathTo(installation);
        return own == (path.Count > 0 ? path[0].Code : installation);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (await NationalDenied(cancellationToken) is { } denied)
        {
            return denied;
        }

        Agency = null;
        AgencyCode = null;
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
        if (await NationalDenied(cancellationToken) is { } denied)
        {
            return denied;
        }

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
        if (await NationalDenied(cancellationToken) is { } denied)
        {
            return denied;
        }

        Agency = null;
        AgencyCode = null;
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

        if (LocalErrors.Count == 0)
        {
            Local = new DayInput { Year = Year };
        }

        return Page();
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        Today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        Year = year is { } y && CalendarRules.CheckYear(y) is null ? y : Today.Year;
        Days = await store.GetDaysAsync(Year, cancellationToken);
        if (Agency is null)
        {
            Calendar = await store.GetCalendarAsync(cancellationToken);
            return;
        }

        // The agency's calendar as its deadlines count it, its own days, and its superiors' days it inherits.
        Calendar = await store.GetCalendarAsync(Agency.Code, cancellationToken);
        var path = (await agencies.TreeAsync(cancellationToken)).PathTo(Agency.Code);
        var days = await store.GetAgencyDaysAsync(path.Select(a => a.Code).ToList(), Year, cancellationToken);
        LocalDays = days.Where(d => d.AgencyCode == Agency.Code).ToList();
        InheritedDays = path.SkipLast(1).SelectMany(a => days.Where(d => d.AgencyCode == a.Code).Select(d => (a, d))).ToList();
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
