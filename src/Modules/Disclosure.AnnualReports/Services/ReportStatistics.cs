using System.Globalization;
using Disclosure.AnnualReports.Models;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Services;

/// <summary>
/// Computes every figure of an annual report from the records, always by aggregation in the database (COUNT, SUM,
/// GROUP BY, window functions over the JSON of content versions): the cost depends on the number of groups, not on
/// the number of items or applications, and nothing is loaded row by row.
/// <list type="bullet">
/// <item>Table 二 — regulatory documents and their validity history, 双公示 decisions, fee items' yearly amounts.</item>
/// <item>Tables 三 and 四 — <see cref="RequestStatistics"/>.</item>
/// <item>Section 一's facts — items first published per 目录 class, deliveries per channel, guides, interpretations.</item>
/// </list>
/// Everything is counted for one agency and its own records only (集约化: a parent's report does not include its
/// subordinates'): content by 发布机构, applications by 受理机关, 双公示 decisions by their owning agency. A subtree's
/// roll-up sums the agencies' figures (<see cref="ReportRollup"/>).
/// </summary>
public sealed class ReportStatistics(DisclosureDbContext db, RequestStatistics requests)
{
    public const string RegulatoryType = "RegulatoryDocument";
    public const string FeeType = "FeeItem";
    public const string GuideType = "ServiceGuide";
    public const string InterpretationType = "PolicyInterpretation";

    public async Task<AnnualReportFigures> ComputeAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var format = AnnualReportFormat.For(year) ?? throw new ArgumentOutOfRangeException(nameof(year), $"{year}年度报告的格式（2019年试行格式）尚未支持。");
        var documents = await DocumentCountsAsync(agencyCode, year, cancellationToken);
        var proactive = new ProactiveFigures(
            documents.GetValueOrDefault(ProactiveTableLabels.Rules),
            documents.GetValueOrDefault(ProactiveTableLabels.Normative),
            await LicensingAsync([agencyCode], year, cancellationToken),
            await PenaltiesAsync([agencyCode], year, cancellationToken),
            Enforcement: null,
            await FeeAmountAsync(agencyCode, year, cancellationToken));
        return new AnnualReportFigures(
            year,
            format.Year,
            proactive,
            await requests.ApplicationTableAsync(agencyCode, year, cancellationToken),
            await requests.AppealTableAsync(agencyCode, year, cancellationToken),
            await OverviewAsync(agencyCode, year, cancellationToken));
    }

    /// <summary>
    /// 规章 and 行政规范性文件: 本年制发 (成文日期 in the year, published by its end), 本年废止 (a version declaring
    /// 已废止 or 已失效 first published in the year, or 有效期至 ending in the year), 现行有效 (at 31 December the
    /// version then public declares 有效 or 已修改, has not expired, is in force, and was not withdrawn).
    /// One query: the version public at the year's end per item by ROW_NUMBER, the first ending per item by MIN.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DocumentCounts>> DocumentCountsAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var d = SqlDialect.For(db);
        var start = ChinaTime.StartOfYearUtc(year);
        var end = ChinaTime.StartOfYearUtc(year + 1);
        var sql = $$"""
            WITH v AS (
                SELECT cv."ItemId", cv."Status", cv."PublishedUtc", cv."WithdrawnUtc", cv."WrittenDate",
                       {{d.Json("cv", DisclosureMetadataPart.PartName, DisclosureMetadataPart.Validity)}} AS validity,
                       {{d.Json("cv", RegulatoryType, "ExpiryDate")}} AS expiry,
                       {{d.Json("cv", RegulatoryType, "EffectiveDate")}} AS effective,
                       {{d.Json("cv", RegulatoryType, "DocumentKind")}} AS kind
                FROM "ContentVersions" cv
                WHERE cv."ContentType" = {0} AND cv."AgencyCode" = {1} AND cv."PublishedUtc" IS NOT NULL
                  AND cv."Status" IN ('Published', 'Archived', 'Withdrawn')
            ),
            ranked AS (
                SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v."ItemId" ORDER BY v."PublishedUtc" DESC) AS rn
                FROM v WHERE v."PublishedUtc" < {3}
            ),
            ended AS (
                SELECT v."ItemId", MIN(v."PublishedUtc") AS "EndedUtc" FROM v
                WHERE v.validity IN ('{{DisclosureMetadataPart.Validities.Repealed}}', '{{DisclosureMetadataPart.Validities.Expired}}')
                GROUP BY v."ItemId"
            )
            SELECT COALESCE(r.kind, '{{ProactiveTableLabels.Normative}}') AS "Kind",
                   SUM(CASE WHEN r."WrittenDate" >= {4} AND r."WrittenDate" <= {5} THEN 1 ELSE 0 END) AS "Issued",
                   SUM(CASE WHEN (e."EndedUtc" >= {2} AND e."EndedUtc" < {3})
                              OR (r.expiry >= {6} AND r.expiry < {7} AND (e."EndedUtc" IS NULL OR e."EndedUtc" >= {2}))
                            THEN 1 ELSE 0 END) AS "Abolished",
                   SUM(CASE WHEN r.validity IN ('{{DisclosureMetadataPart.Validities.Valid}}', '{{DisclosureMetadataPart.Validities.Amended}}')
                              AND (r.expiry IS NULL OR r.expiry = '' OR r.expiry >= {7})
                              AND (r.effective IS NULL OR r.effective = '' OR r.effective <= {7})
                              AND (r."Status" <> 'Withdrawn' OR r."WithdrawnUtc" >= {3})
                            THEN 1 ELSE 0 END) AS "InForce"
            FROM ranked r LEFT JOIN ended e ON e."ItemId" = r."ItemId"
            WHERE r.rn = 1
            GROUP BY COALESCE(r.kind, '{{ProactiveTableLabels.Normative}}')
            """;

        // A document with 有效期至 D is in force through D: it expires in the year when D+1 falls in it.
        var lastText = DateText.Date(new DateOnly(year, 12, 31));
        var expiryFrom = DateText.Date(new DateOnly(year - 1, 12, 31));
        var rows = await db.Database.SqlQuery<DocumentRow>(SqlDialect.Query(sql,
                RegulatoryType, agencyCode, start, end, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), expiryFrom, lastText))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Kind, r => new DocumentCounts((int)r.Issued, (int)r.Abolished, (int)r.InForce));
    }

    /// <summary>行政许可 decisions dated in the year, from the 双公示 records that were published (公示) — withdrawn ones were revoked or wrong.</summary>
    public Task<int> LicensingAsync(IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken = default) =>
        PublicisedDecisionsAsync(db.Set<CreditLicenceRecord>(), agencyCodes, year, cancellationToken);

    /// <summary>行政处罚 decisions dated in the year, published or since 信用修复 (a repair ends the publicity, not the decision).</summary>
    public Task<int> PenaltiesAsync(IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken = default) =>
        PublicisedDecisionsAsync(db.Set<CreditPenaltyRecord>(), agencyCodes, year, cancellationToken);

    /// <summary>Counted on the (AgencyCode, Status, DecisionDate) index.</summary>
    private static Task<int> PublicisedDecisionsAsync<T>(IQueryable<T> records, IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken)
        where T : CreditRecordBase
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        records = records.AsNoTracking();
        if (agencyCodes.Count == 1)
        {
            var code = agencyCodes.First();
            records = records.Where(r => r.AgencyCode == code);
        }
        else
        {
            var codes = agencyCodes.ToList();
            records = records.Where(r => codes.Contains(r.AgencyCode));
        }

        return records
            .Where(r => r.DecisionDate >= first && r.DecisionDate <= last
                && (r.Status == CreditRecordStatus.Published || r.Status == CreditRecordStatus.Repaired))
            .CountAsync(cancellationToken);
    }

    /// <summary>
    /// 行政事业性收费 collected in the year, in 万元: the sum of the 年度收费金额 rows for the year over the published
    /// fee items of category 行政事业性收费.
    /// </summary>
    public async Task<decimal> FeeAmountAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var d = SqlDialect.For(db);
        var sql = $$"""
            SELECT CAST(COALESCE(SUM({{d.NumericCell("r", 1)}}), 0) AS TEXT) AS "Value"
            FROM "ContentVersions" cv {{d.TableRows("cv", FeeType, "Collections", "r")}}
            WHERE cv."ContentType" = {0} AND cv."Status" = 'Published' AND cv."AgencyCode" = {1}
              AND {{d.Json("cv", FeeType, "Category")}} = '行政事业性收费'
              AND TRIM({{d.Cell("r", 0)}}) = {2}
            """;
        var text = await db.Database.SqlQuery<string>(SqlDialect.Query(sql, FeeType, agencyCode, year.ToString(CultureInfo.InvariantCulture)))
            .SingleAsync(cancellationToken);
        return Math.Round(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), 4);
    }

    /// <summary>Section 一's facts, each one GROUP BY or COUNT.</summary>
    public async Task<OverviewFacts> OverviewAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var start = ChinaTime.StartOfYearUtc(year);
        var end = ChinaTime.StartOfYearUtc(year + 1);

        // Items first published in the year and public now, per 目录 class (rolled up to the top class below). Written
        // as SQL with CROSS JOIN because SQLite then keeps ContentItems as the outer loop, driven by the
        // FirstPublishedUtc index; left to itself it walks every published version to group by class without sorting,
        // reading each version row (with its JSON) to test the agency. PostgreSQL plans the join freely either way.
        var perClass = await db.Database.SqlQuery<ClassRow>($"""
                SELECT v."CatalogueCode" AS "Code", COUNT(*) AS "Count"
                FROM "ContentItems" c CROSS JOIN "ContentVersions" v
                WHERE v."ItemId" = c."Id" AND c."FirstPublishedUtc" >= {start} AND c."FirstPublishedUtc" < {end}
                  AND v."Status" = 'Published' AND v."AgencyCode" = {agencyCode}
                GROUP BY v."CatalogueCode"
                """)
            .ToListAsync(cancellationToken);
        var classes = await db.CatalogueClasses.AsNoTracking().Where(c => c.ParentCode == null).OrderBy(c => c.Position).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        var byTop = perClass
            .GroupBy(c => classes.FirstOrDefault(t => c.Code != null && (c.Code == t.Code || c.Code.StartsWith(t.Code + ".", StringComparison.Ordinal)))?.Code ?? "")
            .ToDictionary(g => g.Key, g => (int)g.Sum(x => x.Count));
        var catalogue = classes.Select(c => new CatalogueCount(c.Code, c.Name, byTop.GetValueOrDefault(c.Code))).ToList();
        if (byTop.TryGetValue("", out var unclassified) && unclassified > 0)
        {
            catalogue.Add(new CatalogueCount("", "其他", unclassified));
        }

        // Deliveries of new publications per channel in the year (distinct items, so several webhook targets count once).
        var perChannel = await (
                from message in DeliveredPublications.Between(db, start, end)
                join item in db.ContentItems on message.ContentItemId equals item.ContentItemId
                join version in db.ContentVersions on new { ItemId = item.Id, Number = message.VersionNumber } equals new { version.ItemId, version.Number }
                where version.AgencyCode == agencyCode
                group message by message.Channel into g
                select new { Channel = g.Key, Count = g.Select(m => m.ContentItemId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var channels = ChannelNames.All
            .Select(c => new ChannelCount(c, ChannelNames.DisplayName(c), perChannel.FirstOrDefault(p => p.Channel == c)?.Count ?? 0))
            .ToList();

        // 办事指南 updated: guides with a version published in the year (new or revised).
        // (The statuses a published version can have, named so the (Status, ContentType, PublishedUtc) index serves the query.)
        var guides = await db.ContentVersions.AsNoTracking()
            .Where(v => (v.Status == ContentStatus.Published || v.Status == ContentStatus.Archived || v.Status == ContentStatus.Withdrawn)
                && v.ContentType == GuideType && v.AgencyCode == agencyCode && v.PublishedUtc >= start && v.PublishedUtc < end)
            .Select(v => v.ItemId).Distinct().CountAsync(cancellationToken);

        // 政策解读 first published in the year.
        var interpretations = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == InterpretationType && i.FirstPublishedUtc >= start && i.FirstPublishedUtc < end
                && i.Versions.Any(v => v.AgencyCode == agencyCode && v.PublishedUtc != null))
            .CountAsync(cancellationToken);

        return new OverviewFacts(catalogue, channels, guides, interpretations);
    }

    private sealed record DocumentRow(string Kind, long Issued, long Abolished, long InForce);

    private sealed record ClassRow(string? Code, long Count);
}
