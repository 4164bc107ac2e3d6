using Disclosure.Credit.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Services;

/// <summary>The office's 双公示 rules from the site settings (see <see cref="CreditPolicy"/>), read per operation so an edit applies at once.</summary>
public sealed class CreditSettings(DisclosureDbContext db)
{
    public async Task<CreditPolicy> GetPolicyAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Name.StartsWith("Credit"))
            .ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken);
        return CreditPolicy.FromSettings(settings);
    }
}
