using Disclosure.Core.IndexNumbers;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Content;

/// <summary>
/// Assigns 索引号 at first publication: the agency's pattern (or the site default) filled in with the next
/// number of that pattern's scope. Runs inside the publishing transaction, so a number is only used if the
/// publication commits, and never handed out twice.
/// </summary>
public sealed class IndexNumberAllocator(DisclosureDbContext db)
{
    public const string DefaultFormatSetting = "DefaultIndexNumberFormat";

    public async Task<string> AllocateAsync(AgencyRecord agency, DateOnly publicationDate, CancellationToken cancellationToken)
    {
        var pattern = agency.IndexNumberFormat;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            pattern = await db.SiteSettings.Where(s => s.Name == DefaultFormatSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
                ?? IndexNumberFormat.Default;
        }

        var format = IndexNumberFormat.Parse(pattern);
        var context = new IndexNumberContext(agency.Code, agency.AreaCode, agency.DepartmentCode, publicationDate);
        var sequence = await Counters.NextAsync(db, Counters.IndexNumberScope(format.Scope(context)), cancellationToken);
        return format.Format(context, sequence);
    }
}
