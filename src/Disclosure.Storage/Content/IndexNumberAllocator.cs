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
        var scope = Counters.IndexNumberScope(format.Scope(context));

        // An item imported with the 索引号 it had on an earlier system may hold a number of this very series (seed
        // 003's 640121-103/2017-48967): such a number is skipped rather than handed out twice.
        string number;
        do
        {
            number = format.Format(context, await Counters.NextAsync(db, scope, cancellationToken));
        }
        while (await db.ContentItems.AnyAsync(i => i.IndexNumber == number, cancellationToken));

        return number;
    }
}
