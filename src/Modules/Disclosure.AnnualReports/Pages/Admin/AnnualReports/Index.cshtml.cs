using System.Globalization;
using Disclosure.Admin;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Core.Time;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.AnnualReports.Pages.Admin.AnnualReports;

/// <summary>政府信息公开工作年度报告: every report by year with its state, and a new draft for an agency and year.</summary>
[Authorize(Policy = AnnualReportsModule.AdminPolicy)]
public sealed class IndexModel(AnnualReportService reports, SiteIdentityStore identity, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AnnualReportSummary> Reports { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    /// <summary>Bound as text so a mistyped year gets a zh-CN message rather than the framework's English one.</summary>
    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? AgencyCode { get; set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        Year ??= (today.Month == 12 ? today.Year : today.Year - 1).ToString(CultureInfo.InvariantCulture);
        // The user's own agency, else the office's (站点设置).
        AgencyCode ??= User.ToActor().AgencyCode ?? (await identity.LoadAsync(cancellationToken)).AgencyCode;
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!int.TryParse(Year, out var year) || year is < 2000 or > 2100)
        {
            Errors.Add("请填写报告年度（2000—2100 之间的四位年份）。");
        }

        if (string.IsNullOrWhiteSpace(AgencyCode) || !Agencies.ContainsKey(AgencyCode))
        {
            Errors.Add("请选择编制报告的机构。");
        }

        if (Errors.Count == 0)
        {
            try
            {
                var report = await reports.CreateDraftAsync(AgencyCode!, year, User.Identity!.Name!, cancellationToken);
                TempData["Message"] = $"已创建{report.Year}年度报告草稿，统计数据已从系统记录生成，“一、总体情况”已按数据起草，请核对修改。";
                return Redirect($"/admin/annual-reports/{report.Id}");
            }
            catch (AnnualReportException ex)
            {
                Errors.Add(ex.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reports = await reports.ListAsync(User.ToActor(), cancellationToken);
        Agencies = await reports.AgenciesAsync(User.ToActor(), cancellationToken);
    }

    public static string StateName(AnnualReportState state) => state switch
    {
        AnnualReportState.Draft => "草稿",
        AnnualReportState.InReview => "审核中",
        AnnualReportState.Published => "已发布",
        _ => state.ToString(),
    };

    public static string Deadline(int year) => DateText.Chinese(ReportReminder.Deadline(year));
}
