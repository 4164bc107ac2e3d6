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

    private const string BeforeContentOwnership = "20261204231347_AgencyRolesAndCalendars";

    private static readonly string[] TablesCreatedSince = ["AgencySettings", "AgencyCalendarDays", "AgencyMemberships", "AgencyMembershipRoles", "BackupRuns"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_populated_database_keeps_every_row_and_its_records_go_to_the_own_agency(DatabaseProvider engine)
    {
        // A copy of the demo (setup.json and demo.json applied once per test process, engine and clock).
        await using var database = await TestDatabase.CreateDemoAsync(engine, TestClock.At("2026-11-23"));
        var populated = await RowCountsAsync(database);
        Assert.True(populated["InformationRequests"] > 30 && populated["CreditPenalties"] > 200 && populated["MailboxLetters"] > 0 && populated["EnforcementCases"] > 0);

        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync(Before));
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync());

        // Tables created since (AgencySettings, the agencies' roles and calendars) come back empty: a database from
        // before them has no rows there to keep.
        var after = await RowCountsAsync(database);
        Assert.True(populated["AgencyCalendarDays"] > 0); // the demo's local 那达慕 days, gone with the table when migrating down
        foreach (var table in TablesCreatedSince)
        {
            Assert.Equal(0, after[table]);
            populated.Remove(table);
            after.Remove(table);
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

    /// <summary>
    /// The migration that gave every content item its agency: each item goes to the agency its latest version names as
    /// 发布机构 — the demo's 伊金霍洛旗 items to 伊金霍洛旗 — exactly as the application assigns it to new items.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Content_items_go_to_the_agency_their_latest_version_publishes_for(DatabaseProvider engine)
    {
        // A copy of the demo (setup.json and demo.json applied once per test process, engine and clock).
        await using var database = await TestDatabase.CreateDemoAsync(engine, TestClock.At("2026-11-23"));
        var assigned = await ItemAgenciesAsync(database);
        Assert.Contains("150627-103", assigned.Values);
        Assert.True(assigned.Values.Distinct().Count() >= 3, "the demo's items belong to several agencies");

        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync(BeforeContentOwnership));
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().GetService<IMigrator>().MigrateAsync());

        Assert.Equal(assigned, await ItemAgenciesAsync(database));
    }

    private static Task<Dictionary<string, string>> ItemAgenciesAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.AsNoTracking()
            .ToDictionaryAsync(i => i.ContentItemId, i => i.AgencyCode));

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
