using System.Data.Common;
using Disclosure.Credit.Data;
using Disclosure.Enforcement.Data;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Agencies;

/// <summary>
/// The migration that made every application, 双公示 decision, case and letter belong to an agency, run on a copy of a
/// populated database (the demo): taken back to the schema before it and forward again, every row of every table is
/// still there and every owned record belongs to the installation's own agency.
/// </summary>
public sealed class AgencyTreeMigrationTests
{
    private const string Before = "20261204185529_InteractionSurveysConsultationsInterviews";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_populated_database_keeps_every_row_and_its_records_go_to_the_own_agency(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-11-23"));
        await database.ApplyRecipesAsync("setup.json", "demo.json");
        var populated = await RowCountsAsync(database);
        Assert.True(populated["InformationRequests"] > 30 && populated["CreditPenalties"] > 200 && populated["MailboxLetters"] > 0 && populated["EnforcementCases"] > 0);

        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync(Before));
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync());

        // AgencySettings is the migration's own new table and AgencyCalendarDays a later one (a database from before them
        // has no rows there to keep; the demo's local 那达慕 days are gone with the table when migrating down).
        var after = await RowCountsAsync(database);
        Assert.Equal(0, after["AgencySettings"]);
        Assert.Equal(0, after["AgencyCalendarDays"]);
        Assert.True(populated["AgencyCalendarDays"] > 0);
        foreach (var newer in new[] { "AgencySettings", "AgencyCalendarDays" })
        {
            populated.Remove(newer);
            after.Remove(newer);
        }

        Assert.Equal(populated, after);
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var own = await sp.GetRequiredService<AgencyDirectory>().DefaultCodeAsync();
            Assert.Equal("640121-103", own);
            Assert.All(await db.Set<InformationRequestRecord>().Select(r => r.AgencyCode).Distinct().ToListAsync(), code => Assert.Equal(own, code));
            Assert.All(await db.Set<CreditLicenceRecord>().Select(r => r.AgencyCode).Distinct().ToListAsync(), code => Assert.Equal(own, code));
            Assert.All(await db.Set<CreditPenaltyRecord>().Select(r => r.AgencyCode).Distinct().ToListAsync(), code => Assert.Equal(own, code));
            Assert.All(await db.Set<EnforcementCaseRecord>().Select(r => r.AgencyCode).Distinct().ToListAsync(), code => Assert.Equal(own, code));
            Assert.All(await db.Set<LetterRecord>().Select(r => r.AgencyCode).Distinct().ToListAsync(), code => Assert.Equal(own, code));
            return 0;
        });
    }

    /// <summary>Rows per table, for every table of the model.</summary>
    private static Task<Dictionary<string, long>> RowCountsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var counts = new Dictionary<string, long>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var table in tables)
                {
                    await using DbCommand command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                    counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return counts;
        });
}
