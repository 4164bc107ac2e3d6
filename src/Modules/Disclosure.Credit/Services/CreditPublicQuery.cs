using Disclosure.Core.Paging;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Services;

public enum CreditSearchField
{
    Name,            // 行政相对人名称 (as published: masked for natural persons)
    CreditCode,      // 统一社会信用代码
    DecisionNumber,  // 决定文书号 (brackets and width ignored)
}

public enum CreditSearchMatch
{
    Prefix,
    Exact,
}

/// <remarks><see cref="Agencies"/>: only these agencies' records (集约化: an agency's site lists its own); null is every agency.</remarks>
public sealed record CreditSearch(string? Query = null, CreditSearchField By = CreditSearchField.Name, CreditSearchMatch Match = CreditSearchMatch.Prefix, IReadOnlyCollection<string>? Agencies = null);

/// <summary>A row of a public list: only public columns, the name already masked.</summary>
public sealed record CreditListItem(long Id, string PartyName, string? CreditCode, string DecisionNumber, DateOnly DecisionDate, string Authority, string Summary);

/// <summary>What the public page of a withdrawn record says in its place (撤回说明).</summary>
/// <param name="ChangedOn">The day the decision was changed, revoked or found void, when recorded.</param>
public sealed record CreditWithdrawnNotice(string DecisionNumber, string Authority, DateTime WithdrawnUtc, DateOnly? ChangedOn, string Reason)
{
    public DateOnly WithdrawnOn => ChinaTime.ToDate(WithdrawnUtc);
}

public sealed record CreditSearchResult(IReadOnlyList<CreditListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The public side of 双公示: records that are published, not blocked (minor, secrets or privacy) and — for penalties —
/// still inside their 公示期 today. A withdrawn or repaired record, or one past its 公示截止期, is simply not found.
/// Search looks only at public columns (the masked name, credit code, decision number), so a raw name or ID number
/// never matches anything; a found record is handed out only as its masked public copy.
/// </summary>
public sealed class CreditPublicQuery(DisclosureDbContext db, TimeProvider clock)
{
    private DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    public async Task<CreditSearchResult> SearchAsync(CreditRecordKind kind, CreditSearch search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var skip = PageLimits.Offset(page, pageSize);
        if (kind == CreditRecordKind.Licence)
        {
            var query = Matching(Public(db.Set<CreditLicenceRecord>().AsNoTracking()), search);
            var total = await query.CountAsync(cancellationToken);
            var items = await Ordered(query).Skip(skip).Take(pageSize)
                .Select(r => new CreditListItem(r.Id, r.PublicPartyName, r.CreditCode, r.DecisionNumber, r.DecisionDate, r.Authority, r.Category + "许可"))
                .ToListAsync(cancellationToken);
            return new CreditSearchResult(items, total, page, pageSize);
        }
        else
        {
            var query = Matching(PublicPenalties(), search);
            var total = await query.CountAsync(cancellationToken);
            var items = await Ordered(query).Skip(skip).Take(pageSize)
                .Select(r => new CreditListItem(r.Id, r.PublicPartyName, r.CreditCode, r.DecisionNumber, r.DecisionDate, r.Authority, r.Categories))
                .ToListAsync(cancellationToken);
            return new CreditSearchResult(items, total, page, pageSize);
        }
    }

    /// <summary>A page of public records in full — each as its masked public copy — for the API.</summary>
    public async Task<(IReadOnlyList<(long Id, CreditRecordData Record, string AgencyCode)> Items, int Total)> ListAsync(
        CreditRecordKind kind, CreditSearch search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var skip = (page - 1) * pageSize;
        List<CreditRecordBase> rows;
        int total;
        if (kind == CreditRecordKind.Licence)
        {
            var query = Matching(Public(db.Set<CreditLicenceRecord>().AsNoTracking()), search);
            total = await query.CountAsync(cancellationToken);
            rows = [.. await Ordered(query).Skip(skip).Take(pageSize).ToListAsync(cancellationToken)];
        }
        else
        {
            var query = Matching(PublicPenalties(), search);
            total = await query.CountAsync(cancellationToken);
            rows = [.. await Ordered(query).Skip(skip).Take(pageSize).ToListAsync(cancellationToken)];
        }

        return (rows.Select(r => (r.Id, CreditMasking.ToPublic(CreditRecordMapper.ToData(r)), r.AgencyCode)).ToList(), total);
    }

    /// <summary>The masked public copy of a public record, or null when there is none (or it is not public today).</summary>
    public async Task<CreditRecordData?> FindAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken = default) =>
        (await FindWithAgencyAsync(kind, id, cancellationToken))?.Record;

    /// <summary>As <see cref="FindAsync"/>, with the agency the record belongs to (the API names it).</summary>
    public async Task<(CreditRecordData Record, string AgencyCode)?> FindWithAgencyAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken = default)
    {
        CreditRecordBase? row = kind == CreditRecordKind.Licence
            ? await Public(db.Set<CreditLicenceRecord>().AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            : await PublicPenalties().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : (CreditMasking.ToPublic(CreditRecordMapper.ToData(row)), row.AgencyCode);
    }

    /// <summary>
    /// The notice for a record that was public and then withdrawn (行政处罚法 第四十八条: withdraw within three days and
    /// 公开说明理由), or null. A record that never went public (a minor's, one with secrets or privacy) has no notice:
    /// its URL stays a plain 404 so nothing confirms it exists. The notice names the decision and the reason only,
    /// never the party.
    /// </summary>
    public Task<CreditWithdrawnNotice?> FindWithdrawnAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken = default) =>
        kind == CreditRecordKind.Licence
            ? NoticeAsync(db.Set<CreditLicenceRecord>().AsNoTracking(), id, cancellationToken)
            : NoticeAsync(db.Set<CreditPenaltyRecord>().AsNoTracking(), id, cancellationToken);

    private static Task<CreditWithdrawnNotice?> NoticeAsync<T>(IQueryable<T> rows, long id, CancellationToken cancellationToken) where T : CreditRecordBase =>
        rows.Where(r => r.Id == id && r.Status == CreditRecordStatus.Withdrawn && r.PublishedUtc != null && r.WithdrawnUtc != null && !r.PartyIsMinor && !r.InvolvesSecrets)
            .Select(r => new CreditWithdrawnNotice(r.DecisionNumber, r.Authority, r.WithdrawnUtc!.Value, r.DecisionChangedOn, r.WithdrawReason ?? string.Empty))
            .SingleOrDefaultAsync(cancellationToken)!;

    /// <summary>How many records of a kind are public today.</summary>
    public async Task<int> CountAsync(CreditRecordKind kind, IReadOnlyCollection<string>? agencies = null, CancellationToken cancellationToken = default) => kind == CreditRecordKind.Licence
        ? await Of(Public(db.Set<CreditLicenceRecord>().AsNoTracking()), agencies).CountAsync(cancellationToken)
        : await Of(PublicPenalties(), agencies).CountAsync(cancellationToken);

    private static IQueryable<T> Of<T>(IQueryable<T> rows, IReadOnlyCollection<string>? agencies) where T : CreditRecordBase =>
        agencies is null ? rows : rows.Where(r => agencies.Contains(r.AgencyCode));

    private IQueryable<CreditPenaltyRecord> PublicPenalties()
    {
        var today = Today;
        return Public(db.Set<CreditPenaltyRecord>().AsNoTracking()).Where(r => r.PublicationEnd >= today);
    }

    private static IQueryable<T> Public<T>(IQueryable<T> rows) where T : CreditRecordBase =>
        rows.Where(r => r.Status == CreditRecordStatus.Published && !r.PartyIsMinor && !r.InvolvesSecrets);

    private static IQueryable<T> Ordered<T>(IQueryable<T> rows) where T : CreditRecordBase =>
        rows.OrderByDescending(r => r.DecisionDate).ThenByDescending(r => r.Id);

    private static IQueryable<T> Matching<T>(IQueryable<T> rows, CreditSearch search) where T : CreditRecordBase
    {
        rows = Of(rows, search.Agencies);
        var text = search.Query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return rows;
        }

        var exact = search.Match == CreditSearchMatch.Exact;
        switch (search.By)
        {
            case CreditSearchField.CreditCode:
                var code = text.ToUpperInvariant();
                return exact ? rows.Where(r => r.CreditCode == code) : rows.Where(r => r.CreditCode!.StartsWith(code));
            case CreditSearchField.DecisionNumber:
                var key = DecisionNumberKey.Normalize(text);
                return exact ? rows.Where(r => r.DecisionNumberKey == key) : rows.Where(r => r.DecisionNumberKey.StartsWith(key));
            default:
                return exact ? rows.Where(r => r.PublicPartyName == text) : rows.Where(r => r.PublicPartyName.StartsWith(text));
        }
    }
}
