using Disclosure.Contents.Sites;
using Disclosure.Credit.Api;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Execution;
using Disclosure.Storage.Agencies;

namespace Disclosure.GraphQL.Credit;

/// <summary>A page of 双公示 records: <see cref="PublicLicence"/>s or <see cref="PublicPenalty"/>s, as the REST API gives them.</summary>
public sealed record CreditRecordPage(int Total, int Page, int PageSize, IReadOnlyList<object> Items);

/// <summary>
/// <c>creditRecords</c> through the Credit module's <see cref="CreditPublicQuery"/>, the query behind the public pages and
/// <c>/api/v1/credit</c>: only records public today, each as its masked public copy, mapped by the REST API's own
/// <see cref="PublicLicence.From"/> and <see cref="PublicPenalty.From"/>. No other path to the records exists here.
/// </summary>
public sealed class CreditReader(CreditPublicQuery query, AgencyDirectory agencies, PublicAgency site)
{
    public async Task<CreditRecordPage> ListAsync(
        CreditRecordKind kind, string? q, CreditSearchField by, CreditSearchMatch match, string? reach, int page, int pageSize, CancellationToken cancellationToken)
    {
        ContentListArguments.CheckPaging(page, pageSize);
        if (q is { Length: > 100 })
        {
            throw new InvalidArgumentError("q", "查询内容不能超过 100 个字。");
        }

        // On an agency's site (/a/{code}/graphql or its host name): its own records (本级) unless reach says subtree
        // (含下级) or all (全部); elsewhere every agency's — as /api/v1/credit there.
        IReadOnlyList<string>? scope = null;
        if (site.Code is { } siteAgency)
        {
            var chosen = AgencyReaches.Parse(reach) ?? throw new InvalidArgumentError("reach", "reach 应为 own（本级）、subtree（含下级）或 all（全部）。");
            scope = (await agencies.TreeAsync(cancellationToken)).Reach(siteAgency, chosen);
        }

        var search = new CreditSearch(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), by, match, scope);
        var (items, total) = await query.ListAsync(kind, search, page, pageSize, cancellationToken);
        var agency = await agencies.ReferencesAsync(cancellationToken);
        var records = items.Select(i => kind == CreditRecordKind.Licence
            ? (object)PublicLicence.From(i.Id, (LicenceData)i.Record, agency(i.AgencyCode))
            : PublicPenalty.From(i.Id, (PenaltyData)i.Record, agency(i.AgencyCode))).ToList();
        return new CreditRecordPage(total, page, pageSize, records);
    }
}
