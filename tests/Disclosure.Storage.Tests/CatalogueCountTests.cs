using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>The home page's count per 目录 class, from one grouped query, is the total its listing shows.</summary>
public sealed class CatalogueCountTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_class_counts_what_its_listing_shows_with_the_classes_below_it(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateDemoAsync(engine);
        var classes = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.CatalogueCode != null).Select(v => v.CatalogueCode!).Distinct().ToListAsync());
        // Every top class and every class in use, so classes with children and leaves are both compared.
        var asked = classes.Select(c => c.Split('.')[0]).Concat(classes).Append("no-such-class").Distinct().ToList();

        var counts = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().CountByCatalogueAsync(asked));

        Assert.Contains(asked, code => code.Contains('.', StringComparison.Ordinal) && counts[code.Split('.')[0]] > counts[code]);
        foreach (var code in asked)
        {
            var listed = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().ListAsync(new PublishedContentFilter(Catalogue: code), 1, 1));
            Assert.Equal(listed.Total, counts[code]);
        }
    }
}
