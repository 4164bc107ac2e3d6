using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// Every committed write to a public read model outside the change log moves the public revision and pulses the
/// change signal, whichever way it is written; drafts, writes that touch nothing and rolled-back transactions do not.
/// </summary>
public sealed class PublicRevisionTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Writes_to_public_read_models_bump_the_revision_once_committed(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var signal = database.Services.GetRequiredService<ChangeSignal>();
        var pulses = 0;
        signal.Changed += () => Interlocked.Increment(ref pulses);
        var setupRevision = await RevisionAsync(database);
        Assert.True(setupRevision > 0, "the setup recipe writes settings and the 目录, which are public");

        // A draft is not public (the change log covers publication): nothing moves.
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor"));
        Assert.Equal(setupRevision, await RevisionAsync(database));
        Assert.Equal(0, pulses);

        // SaveChanges of a changed setting.
        var name = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var setting = await db.SiteSettings.OrderBy(s => s.Name).FirstAsync();
            setting.Value += "（修订）";
            await db.SaveChangesAsync();
            return setting.Name;
        });
        Assert.Equal(setupRevision + 1, await RevisionAsync(database));
        Assert.Equal(1, pulses);

        // ExecuteUpdate bypasses SaveChanges; it is caught all the same, and only when it touched a row.
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().SiteSettings
            .Where(s => s.Name == name).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "新值")));
        Assert.Equal(setupRevision + 2, await RevisionAsync(database));
        Assert.Equal(2, pulses);
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().SiteSettings
            .Where(s => s.Name == "no-such-setting").ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, "新值")));
        Assert.Equal(setupRevision + 2, await RevisionAsync(database));

        // Inside a transaction the bump belongs to it: rolled back, nothing moved and nothing is signalled.
        await database.RolledBackAsync(sp => sp.GetRequiredService<DisclosureDbContext>().SiteSettings.Where(s => s.Name == name).ExecuteDeleteAsync());
        Assert.Equal(setupRevision + 2, await RevisionAsync(database));
        Assert.Equal(2, pulses);

        // Committed, it moves once the transaction commits, not before.
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SiteSettings.Where(s => s.Name == name).ExecuteDeleteAsync();
            Assert.Equal(2, pulses);
            await transaction.CommitAsync();
            return 0;
        });
        Assert.Equal(setupRevision + 3, await RevisionAsync(database));
        Assert.Equal(3, pulses);
    }

    private static Task<long> RevisionAsync(TestDatabase database) => database.InScopeAsync(sp =>
        sp.GetRequiredService<DisclosureDbContext>().PublicRevisions.Where(r => r.Id == PublicRevision.RowId).Select(r => r.Revision).SingleOrDefaultAsync());
}
