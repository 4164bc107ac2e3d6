using System.Globalization;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Documents;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.AnnualReports.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- annual-report-sample OUT.docx [YEAR] [AGENCY]</c>: computes the
/// report on a year (default: last year) for an agency (default: the first) from the site's data — the demo
/// content on a fresh site — and writes it as DOCX, with the HTML beside it (OUT.html). Nothing is stored.
/// Used by <c>docs/render-annual-report.sh</c>. Exit code 1 on failure.
/// </summary>
public static class AnnualReportSampleCommand
{
    public const string Name = "annual-report-sample";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var rest = args.SkipWhile(a => a != Name).Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (rest.Count == 0)
        {
            Console.Error.WriteLine($"用法：{Name} 输出文件.docx [年度] [机构代码]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var year = rest.Count > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : today.Year - 1;
        // Without a code: the office's own agency (站点设置).
        var agencyCode = rest.Count > 2 ? rest[2] : (await scope.ServiceProvider.GetRequiredService<SiteIdentityStore>().LoadAsync()).AgencyCode;
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == agencyCode);
        try
        {
            var figures = await scope.ServiceProvider.GetRequiredService<ReportStatistics>().ComputeAsync(agency.Code, year);
            var report = new AnnualReportContent(agency.Name, year, OverviewDrafter.Draft(agency.Name, figures),
                "一是主动公开的深度和广度有待进一步拓展；二是政策解读形式较为单一。下一步，将进一步完善信息发布审核机制，丰富图解、视频等解读形式，提升政府信息公开质量。",
                "本年度未收取信息处理费。无其他需要报告的事项。",
                figures.WithManualValues(new Dictionary<string, decimal> { [ManualCells.Enforcement] = 0 }),
                new DateOnly(year + 1, 1, 20));
            var output = Path.GetFullPath(rest[0]);
            await File.WriteAllBytesAsync(output, AnnualReportDocx.Write(report));
            await File.WriteAllTextAsync(Path.ChangeExtension(output, ".html"),
                $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(report.Title)}</title><h1>{System.Net.WebUtility.HtmlEncode(report.Title)}</h1>\n{AnnualReportHtml.Render(report)}</html>\n");
            Console.WriteLine($"已生成 {output}（{agency.Name}{year}年度）。");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"年度报告生成失败：{ex.Message}");
            return 1;
        }
    }
}
