using Disclosure.Admin;
using Disclosure.Supervision.Board;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Supervision.Pages.Admin.Supervision;

/// <summary>
/// Which agency and month a board page shows. Staff of an agency see their agency only, whatever the query string
/// says; the installation's own staff (no agency) see every agency or pick one. An unreadable month falls back to this one.
/// </summary>
public sealed record BoardScope(string? AgencyCode, SupervisionPeriod Period, bool MayChooseAgency, string? Message)
{
    public static BoardScope Read(HttpContext http, DateOnly today, IReadOnlyDictionary<string, string> agencies)
    {
        var actor = http.User.ToActor();
        var requestedMonth = http.Request.Query["month"].ToString();
        var period = SupervisionPeriod.ParseMonth(requestedMonth);
        string? message = null;
        if (period is null)
        {
            if (requestedMonth.Length > 0)
            {
                message = $"“{requestedMonth}”不是有效的月份（应为 yyyy-MM，例如 {today:yyyy-MM}），已显示本月。";
            }

            period = SupervisionPeriod.Month(today.Year, today.Month);
        }

        if (actor.AgencyCode is { } own)
        {
            return new BoardScope(own, period, false, message);
        }

        var requestedAgency = http.Request.Query["agency"].ToString();
        if (requestedAgency.Length > 0 && !agencies.ContainsKey(requestedAgency))
        {
            message = $"没有代码为“{requestedAgency}”的机构，已显示全部机构。";
            requestedAgency = string.Empty;
        }

        return new BoardScope(requestedAgency.Length > 0 ? requestedAgency : null, period, true, message);
    }

    /// <summary>The query string that keeps this scope on a link.</summary>
    public string QueryString => "month=" + Period.MonthText + (MayChooseAgency && AgencyCode is { } a ? "&agency=" + Uri.EscapeDataString(a) : string.Empty);
}
