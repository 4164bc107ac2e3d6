using Disclosure.Core.Security;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Admin;

/// <summary>The lists admin forms pick from, loaded per request.</summary>
public sealed class AdminLookups(DisclosureDbContext db)
{
    /// <summary>
    /// The lists for <paramref name="actor"/>'s forms: staff of an agency publish in its name only, so their 发布机构 list
    /// holds their own agency.
    /// </summary>
    public async Task<FormChoices> ChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        var classes = await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken);
        var ordered = new List<(string, string)>();
        void Walk(string? parent, int depth)
        {
            foreach (var c in classes.Where(c => c.ParentCode == parent).OrderBy(c => c.Position))
            {
                ordered.Add((c.Code, new string('\u3000', depth) + $"{c.Code} {c.Name}"));
                Walk(c.Code, depth + 1);
            }
        }

        Walk(null, 0);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => actor.AgencyCode == null || a.Code == actor.AgencyCode)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => t.Name).ToListAsync(cancellationToken);
        return new FormChoices(ordered, agencies.Select(a => (a.Code, a.Name)).ToList(), topics);
    }

    public async Task<IReadOnlyDictionary<string, string>> AgencyNamesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> CatalogueNamesAsync(CancellationToken cancellationToken) =>
        await db.CatalogueClasses.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> DepartmentNamesAsync(CancellationToken cancellationToken) =>
        (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.First().Name);
}

/// <summary>The site's lists that some fields pick from (目录分类, 发布机构, 主题分类).</summary>
public sealed record FormChoices(
    IReadOnlyList<(string Code, string Label)> Catalogue,
    IReadOnlyList<(string Code, string Label)> Agencies,
    IReadOnlyList<string> Topics);
