using System.Globalization;
using Disclosure.Interaction.Mailbox;
using Disclosure.Storage.Reports;

namespace Disclosure.Interaction.Ratings;

/// <summary>
/// The annual report's 监督保障 sentence from 政民互动: the year's letters, their on-time rate, and the replies'
/// satisfaction (局长信箱 and 依申请公开 together), counted as <c>/mailbox/statistics</c> counts them but for one agency.
/// </summary>
internal sealed class InteractionOverviewSource(MailboxStatistics letters, SatisfactionStatistics ratings) : IAnnualReportOverviewSource
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<string?> SupervisionSentenceAsync(string agencyCode, int year, CancellationToken cancellationToken)
    {
        // The agency's own letters and the ratings of its own replies: a parent's report does not count its subordinates'.
        var mail = (await letters.AgencyYearAsync(agencyCode, year, cancellationToken)).Total;
        var rated = (await ratings.AgencyYearAsync(agencyCode, year, cancellationToken)).Total();
        if (mail.Received == 0 && mail.Replied == 0 && rated.Total == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (mail.Received + mail.Replied > 0)
        {
            parts.Add(string.Format(Chinese, "全年通过局长信箱收到群众来信{0}件，答复{1}件", mail.Received, mail.Replied)
                + (mail.OnTimeRate is { } onTime ? string.Format(Chinese, "，按期答复率{0:0.0}%", onTime) : string.Empty));
        }

        if (rated.SatisfiedRate is { } satisfied)
        {
            parts.Add(string.Format(Chinese, "收到来信人和申请人对答复的满意度评价{0}件，其中满意{1}件、基本满意{2}件、不满意{3}件，满意率{4:0.0}%",
                rated.Total, rated.Satisfied, rated.BasicallySatisfied, rated.Dissatisfied, satisfied));
        }

        return string.Join("；", parts) + "。";
    }
}
