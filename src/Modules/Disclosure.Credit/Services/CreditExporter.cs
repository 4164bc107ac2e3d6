using System.Runtime.CompilerServices;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Services;

/// <summary>
/// The office's export of its 双公示 records: every column of the import format (including the internal ones), so
/// an export imports again unchanged. Rows stream from the database in id order, never all in memory.
/// </summary>
public sealed class CreditExporter(DisclosureDbContext db)
{
    public static IReadOnlyList<string> Headers(CreditRecordKind kind) => CreditFields.For(kind).Labels;

    /// <param name="agencyCode">Only this agency's decisions (a site export writes one file per agency); null for all.</param>
    public async IAsyncEnumerable<string?[]> RowsAsync(
        CreditRecordKind kind, CreditRecordStatus? status = null, string? agencyCode = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (kind == CreditRecordKind.Licence)
        {
            var rows = db.Set<CreditLicenceRecord>().AsNoTracking().Where(r => status == null || r.Status == status).Where(r => agencyCode == null || r.AgencyCode == agencyCode)
                .OrderBy(r => r.Id).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                yield return CreditRowFormatter.Format(CreditRecordMapper.ToData(row));
            }
        }
        else
        {
            var rows = db.Set<CreditPenaltyRecord>().AsNoTracking().Where(r => status == null || r.Status == status).Where(r => agencyCode == null || r.AgencyCode == agencyCode)
                .OrderBy(r => r.Id).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                yield return CreditRowFormatter.Format(CreditRecordMapper.ToData(row));
            }
        }
    }
}
