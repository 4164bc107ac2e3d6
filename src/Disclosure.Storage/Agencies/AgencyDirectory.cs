using Disclosure.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Agencies;

/// <summary>
/// Which agencies there are and which one a record belongs to when nobody said: the installation's own agency (the one
/// its site settings name), else the first by code. Services ask here rather than reading the settings themselves.
/// </summary>
public sealed class AgencyDirectory(DisclosureDbContext db)
{
    public async Task<AgencyTree> TreeAsync(CancellationToken cancellationToken = default) =>
        new(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>An agency as a public record names it (<c>agency: {code, name}</c>); the code alone when the row is gone.</summary>
    public async Task<Func<string, AgencyReference>> ReferencesAsync(CancellationToken cancellationToken = default)
    {
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return code => new AgencyReference(code, names.GetValueOrDefault(code, code));
    }

    /// <summary>The installation's own agency (本机关), which single-agency installations and earlier records belong to.</summary>
    public async Task<string> DefaultCodeAsync(CancellationToken cancellationToken = default)
    {
        var own = await db.SiteSettings.AsNoTracking().Where(s => s.Name == SiteIdentityFields.OwnAgencySetting)
            .Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(own) && await db.Agencies.AnyAsync(a => a.Code == own, cancellationToken))
        {
            return own;
        }

        return await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("尚未设置任何机构。");
    }

    /// <summary>
    /// The agency a new record belongs to: the one asked for, or the installation's own when none was. An unknown code
    /// is refused here; forms check their choice against the list first and say so in their own words.
    /// </summary>
    public async Task<string> OwnerAsync(string? requested, CancellationToken cancellationToken = default) =>
        await FindOwnerAsync(requested, cancellationToken) ?? throw new AgencyNotFoundException(requested!.Trim());

    /// <summary>As <see cref="OwnerAsync"/>, but null for an unknown code, for callers that report it among other input errors.</summary>
    public async Task<string?> FindOwnerAsync(string? requested, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return await DefaultCodeAsync(cancellationToken);
        }

        var code = requested.Trim();
        return await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken) ? code : null;
    }
}

/// <summary>The agency a public API record belongs to: <c>{ "code": "150627-103", "name": "伊金霍洛旗公安局" }</c>.</summary>
public sealed record AgencyReference(string Code, string Name);

/// <summary>A record was addressed to an agency this installation does not have.</summary>
public sealed class AgencyNotFoundException(string code) : Exception($"机构“{code}”不存在。")
{
    public string Code { get; } = code;
}
