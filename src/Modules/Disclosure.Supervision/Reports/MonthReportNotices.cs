using System.Globalization;
using System.Text.Json.Serialization;
using Disclosure.Channels.Notices;
using Disclosure.Contents;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Reports;

/// <summary>The notice that tells an agency's leaders their 督查督办月报 is ready: the headline figures and where to download it.</summary>
public sealed record MonthReportNotice
{
    [JsonPropertyName("audience")] public string Audience { get; init; } = "leaders";

    [JsonPropertyName("agency")] public required MonthReportNoticeAgency Agency { get; init; }

    [JsonPropertyName("month")] public required string Month { get; init; }

    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("madeOn")] public required string MadeOn { get; init; }

    [JsonPropertyName("overdue")] public int Overdue { get; init; }

    [JsonPropertyName("doneLate")] public int DoneLate { get; init; }

    [JsonPropertyName("staleClasses")] public int StaleClasses { get; init; }

    [JsonPropertyName("emptyClasses")] public int EmptyClasses { get; init; }

    [JsonPropertyName("brokenLinks")] public int BrokenLinks { get; init; }

    /// <summary>The admin addresses of the files (a signed-in 领导 or 公开办 may download them).</summary>
    [JsonPropertyName("docx")] public required string Docx { get; init; }

    [JsonPropertyName("xlsx")] public required string Xlsx { get; init; }

    /// <summary>The text to send as it is.</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }
}

public sealed record MonthReportNoticeAgency([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("name")] string Name);

/// <summary>Reads a 月报 notice when the dispatcher delivers it, from the kept report (so it says what the files say).</summary>
public sealed class MonthReportNotices(DisclosureDbContext db, IOptions<PublicUrlOptions> urls) : INoticeSource
{
    public const string Type = "supervision-report";

    string INoticeSource.Type => Type;

    public async Task<object?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (!long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var report = await (from r in db.Set<MonthReportRecord>().AsNoTracking()
                            join a in db.Agencies on r.AgencyCode equals a.Code
                            where r.Id == id
                            select new { r.Id, r.AgencyCode, AgencyName = a.Name, r.Month, r.Title, r.MadeOn, r.Overdue, r.DoneLate, r.StaleClasses, r.EmptyClasses, r.BrokenLinks })
            .SingleOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var link = (string.IsNullOrWhiteSpace(urls.Value.PublicUrl) ? string.Empty : urls.Value.PublicUrl.TrimEnd('/'))
            + "/admin/supervision?handler=kept&id=" + report.Id.ToString(CultureInfo.InvariantCulture) + "&format=";
        return new MonthReportNotice
        {
            Agency = new MonthReportNoticeAgency(report.AgencyCode, report.AgencyName),
            Month = report.Month,
            Title = report.Title,
            MadeOn = report.MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Overdue = report.Overdue,
            DoneLate = report.DoneLate,
            StaleClasses = report.StaleClasses,
            EmptyClasses = report.EmptyClasses,
            BrokenLinks = report.BrokenLinks,
            Docx = link + "docx",
            Xlsx = link + "xlsx",
            Text = $"【督查督办】{report.Title}已生成：已超期 {report.Overdue} 项，超期办结 {report.DoneLate} 项，超期未更新栏目 {report.StaleClasses} 个，"
                + $"空白栏目 {report.EmptyClasses} 个，死链 {report.BrokenLinks} 个。请登录管理后台查看。",
        };
    }
}
