using Disclosure.Contents.Review;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// The keyed 台账 as an auditor probes it, on both engines: each link broken on its own must be reported — the
/// previous hash, a row's MAC, the sequence, a published version's hash, a published head — and so must a
/// rewrite by someone with the database but without the key.
/// </summary>
public sealed class KeyedLedgerTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Entries_are_maced_with_a_key_kept_outside_the_database(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);

        var entries = await EntriesAsync(site);
        Assert.All(entries, e => Assert.Equal("1", e.KeyId));
        Assert.All(entries, e => Assert.NotEqual(LedgerWriter.ComputeHash(e), e.Hash));
        var keyFile = Path.Combine(site.Options.DataFolder, "keys", "ledger-1.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length);
        Assert.Empty(await VerifyAsync(site));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_broken_previous_hash_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        await UpdateAsync(site, 2, e => e.PreviousHash = new string('a', 64));

        var problems = await VerifyAsync(site);
        Assert.Contains(problems, p => p.Subject == "台账第 2 条" && p.Message.Contains("前一条记录的哈希值不符"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_changed_field_is_reported_even_when_the_chain_is_recomputed_without_the_key(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        await UpdateAsync(site, 2, e => e.Detail = "初审：同意（改）");
        Assert.Contains(await VerifyAsync(site), p => p.Subject == "台账第 2 条" && p.Message.Contains("可能被篡改"));

        // The forger recomputes the row's hash as it was computed before keys: without the key it is still wrong.
        await UpdateAsync(site, 2, e => e.Hash = LedgerWriter.ComputeHash(e));
        Assert.Contains(await VerifyAsync(site), p => p.Subject == "台账第 2 条" && p.Message.Contains("可能被篡改"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_gap_in_the_sequence_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 4);
        await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Sequence == 2).ExecuteDeleteAsync());

        Assert.Contains(await VerifyAsync(site), p => p.Subject == "台账第 3 条" && p.Message.Contains("序号不连续"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_swapped_entries_are_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 4);
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Ledger" SET "Sequence" = -2 WHERE "Sequence" = 2""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Ledger" SET "Sequence" = 2 WHERE "Sequence" = 3""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Ledger" SET "Sequence" = 3 WHERE "Sequence" = -2""");
        });

        Assert.Contains(await VerifyAsync(site), p => p.Subject == "台账第 2 条" && p.Message.Contains("序号被调换：本条记录原本接在第 3 条之后"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_published_version_that_no_longer_matches_its_hash_or_the_ledger_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await site.ApplySetupAndDemoOfficeAsync();
        var id = await site.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", "zhzx", "audited");
            await sp.GetRequiredService<ContentManager>().PublishAsync("audited", null, "office", SampleContent.PublishedAt);
            return "audited";
        });
        Assert.Empty(await VerifyAsync(site));

        // The data changed behind the application's back…
        await UpdateVersionAsync(site, v => v.DataJson = v.DataJson.Replace("冬季", "夏季"));
        Assert.Contains(await VerifyAsync(site), p => p.Subject == $"内容“{id}”第 1 版" && p.Message.Contains("内容可能被篡改"));

        // …and its recorded hash recomputed to match: the hash the ledger recorded at publication still differs.
        await UpdateVersionAsync(site, v => v.ContentHash = Core.ContentManagement.ContentData.Parse(v.DataJson).ComputeHash(v.ContentType));
        var problems = await VerifyAsync(site);
        Assert.DoesNotContain(problems, p => p.Message.Contains("内容可能被篡改"));
        Assert.Contains(problems, p => p.Subject == $"内容“{id}”第 1 版" && p.Message.Contains("与台账发布记录不符"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Entries_removed_after_a_published_head_are_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 5);
        var head = await site.InScopeAsync(async sp => (await sp.GetRequiredService<LedgerHeads>().DailyAsync(1, default)).Single().Head);
        Assert.Equal(5, head.Sequence);
        Assert.Empty(await VerifyAsync(site, head));

        // Cutting the tail leaves a chain that is whole in itself: only the published head tells.
        await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Sequence >= 4).ExecuteDeleteAsync());
        Assert.Empty(await VerifyAsync(site));
        var problems = await VerifyAsync(site, head);
        Assert.Equal("已公布的链头（第 5 条）：台账中已没有这一条记录：台账可能被截断。", Assert.Single(problems).Subject + "：" + problems[0].Message);

        // A head whose entry is still there but with another hash is a rewrite.
        var rewritten = head with { Sequence = 3 };
        Assert.Contains(await VerifyAsync(site, rewritten), p => p.Message.Contains("哈希值与公布的不符"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_ledger_rewritten_with_recomputed_unkeyed_hashes_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        await RewriteAsLegacyAsync(site, e => e.Detail = e.Sequence == 2 ? "改写后的意见" : e.Detail);

        var problems = await VerifyAsync(site);
        Assert.Equal(["台账第 1 条", "台账第 2 条", "台账第 3 条"], problems.Where(p => p.Message.Contains("没有用台账密钥签署")).Select(p => p.Subject));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Entries_from_before_the_ledger_was_keyed_verify_and_the_first_keyed_entry_chains_onto_them(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        // A site upgraded from before keys: its rows carry plain SHA-256 hashes and no key has been created yet.
        await RewriteAsLegacyAsync(site, _ => { });
        Directory.Delete(Path.Combine(site.Options.DataFolder, "keys"), recursive: true);
        await using var upgraded = await ReopenAsync(site);
        Assert.Empty(await VerifyAsync(upgraded));

        await AppendAsync(upgraded, 2);
        var entries = await EntriesAsync(upgraded);
        Assert.Equal([null, null, null, "1", "1"], entries.Select(e => e.KeyId));
        Assert.Equal(entries[2].Hash, entries[3].PreviousHash);
        Assert.Equal($"3:{entries[2].Hash}", (await File.ReadAllTextAsync(Path.Combine(site.Options.DataFolder, "keys", "ledger-legacy-head.txt"))).Trim());
        Assert.Empty(await VerifyAsync(upgraded));

        // The legacy part cannot be rewritten quietly: the first keyed row and the recorded legacy head pin it.
        await RewriteAsLegacyAsync(upgraded, e => e.Detail = e.Sequence == 1 ? "改写" : e.Detail, upTo: 3);
        var problems = await VerifyAsync(upgraded);
        Assert.Contains(problems, p => p.Subject == "台账第 4 条" && p.Message.Contains("前一条记录的哈希值不符"));
        Assert.Contains(problems, p => p.Subject == "启用台账密钥时记录的链头（第 3 条）" && p.Message.Contains("哈希值与公布的不符"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_rotated_key_becomes_current_the_rotation_is_recorded_and_old_entries_still_verify(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 2);
        var rotation = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().InTransactionAsync(
            () => sp.GetRequiredService<LedgerWriter>().RotateKeyAsync("admin", default), default));
        await AppendAsync(site, 1);

        var entries = await EntriesAsync(site);
        Assert.Equal(["1", "1", "2", "2"], entries.Select(e => e.KeyId));
        Assert.Equal((LedgerActions.KeyRotated, "admin", "台账密钥由“1”更换为“2”。"), (rotation.Action, rotation.Actor, rotation.Detail));
        Assert.True(File.Exists(Path.Combine(site.Options.DataFolder, "keys", "ledger-2.key")));
        Assert.Empty(await VerifyAsync(site));

        // Without the old key its rows cannot be checked, and that is said.
        File.Delete(Path.Combine(site.Options.DataFolder, "keys", "ledger-1.key"));
        await using var withoutOldKey = await ReopenAsync(site);
        Assert.Contains(await VerifyAsync(withoutOldKey), p => p.Subject == "台账第 1 条" && p.Message.Contains("“1”不在密钥目录或配置中"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_database_without_its_keys_refuses_to_append_instead_of_making_a_new_key_under_an_old_id(DatabaseProvider engine)
    {
        // As after a restore that forgot the keys folder: the rows say key "1", the folder is empty.
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 2);
        var keyFile = Path.Combine(site.Options.DataFolder, "keys", "ledger-1.key");
        var original = await File.ReadAllTextAsync(keyFile);
        File.Delete(keyFile);
        await using var withoutKeys = await ReopenAsync(site);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => AppendAsync(withoutKeys, 1));
        Assert.Contains("没有任何台账密钥", refused.Message);
        Assert.Equal(2, (await EntriesAsync(withoutKeys)).Count);
        Assert.False(File.Exists(keyFile));

        // With the key back, appending goes on and every row verifies.
        await File.WriteAllTextAsync(keyFile, original);
        await using var restored = await ReopenAsync(site);
        await AppendAsync(restored, 1);
        Assert.Equal(3, (await EntriesAsync(restored)).Count);
        Assert.Empty(await VerifyAsync(restored));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_key_switched_by_configuration_is_recorded_as_a_rotation_before_the_next_entry(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 1);
        var configured = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var rotated = await ReopenAsync(site, new LedgerKeyOptions { Keys = { ["2027"] = configured }, CurrentKeyId = "2027" });
        await AppendAsync(rotated, 1);

        var entries = await EntriesAsync(rotated);
        Assert.Equal([(ReviewLedgerActions.Submit, "1"), (LedgerActions.KeyRotated, "2027"), (ReviewLedgerActions.Submit, "2027")], entries.Select(e => (e.Action, e.KeyId)));
        Assert.Equal(LedgerWriter.SystemActor, entries[1].Actor);
        Assert.Empty(await VerifyAsync(rotated));
        Assert.Contains(await VerifyAsync(site), p => p.Message.Contains("“2027”不在密钥目录或配置中"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_field_of_an_entry_is_under_its_mac(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        var original = (await EntriesAsync(site))[1];
        var changes = new (string Field, Action<LedgerEntry> Change)[]
        {
            ("OccurredUtc", e => e.OccurredUtc = e.OccurredUtc.AddSeconds(1)),
            ("Actor", e => e.Actor = "someone-else"),
            ("Action", e => e.Action = ReviewLedgerActions.Approve),
            ("ContentItemId", e => e.ContentItemId = "item-9"),
            ("ContentItemId", e => e.ContentItemId = null),
            ("VersionNumber", e => e.VersionNumber = 2),
            ("VersionNumber", e => e.VersionNumber = null),
            ("ContentHash", e => e.ContentHash = new string('d', 64)),
            ("ContentHash", e => e.ContentHash = null),
            ("Detail", e => e.Detail = null),
        };

        foreach (var (field, change) in changes)
        {
            await UpdateAsync(site, 2, change);
            var problems = await VerifyAsync(site);
            Assert.True(problems.Any(p => p.Subject == "台账第 2 条" && p.Message == "记录内容与其哈希值不符，该条记录可能被篡改。"), $"{field} changed unnoticed");
            await UpdateAsync(site, 2, e => (e.OccurredUtc, e.Actor, e.Action, e.ContentItemId, e.VersionNumber, e.ContentHash, e.Detail) =
                (original.OccurredUtc, original.Actor, original.Action, original.ContentItemId, original.VersionNumber, original.ContentHash, original.Detail));
            Assert.Empty(await VerifyAsync(site));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_entry_moved_to_another_key_id_is_reported_even_when_both_ids_hold_the_same_key(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 2);
        var key = (await File.ReadAllTextAsync(Path.Combine(site.Options.DataFolder, "keys", "ledger-1.key"))).Trim();
        await using var twoIds = await ReopenAsync(site, new LedgerKeyOptions { Keys = { ["1"] = key, ["copy"] = key }, CurrentKeyId = "1" });
        Assert.Empty(await VerifyAsync(twoIds));

        // The key id is part of what is MACed: the row cannot be re-labelled, not even onto identical key bytes.
        await UpdateAsync(twoIds, 2, e => e.KeyId = "copy");
        Assert.Contains(await VerifyAsync(twoIds), p => p.Subject == "台账第 2 条" && p.Message.Contains("可能被篡改"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_changed_entry_from_before_the_ledger_was_keyed_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 3);
        await RewriteAsLegacyAsync(site, _ => { });
        Directory.Delete(Path.Combine(site.Options.DataFolder, "keys"), recursive: true);
        await using var upgraded = await ReopenAsync(site);

        // No keyed row yet, so nothing pins the legacy part but each row's own SHA-256.
        await UpdateAsync(upgraded, 2, e => e.Detail = "改写");
        Assert.Equal([("台账第 2 条", "记录内容与其哈希值不符，该条记录可能被篡改。")], (await VerifyAsync(upgraded)).Select(p => (p.Subject, p.Message)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_time_of_an_entry_is_kept_to_the_millisecond_every_engine_stores(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        var occurred = new DateTime(2026, 11, 30, 1, 2, 3, 456, DateTimeKind.Utc).AddTicks(7891);
        var written = await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().InTransactionAsync(
            () => sp.GetRequiredService<LedgerWriter>().AppendAsync("office", LedgerActions.Publish, "item", 1, null, null, default, occurred), default));

        var expected = new DateTime(2026, 11, 30, 1, 2, 3, 456, DateTimeKind.Utc);
        Assert.Equal((expected, DateTimeKind.Utc), (written.OccurredUtc, written.OccurredUtc.Kind));
        Assert.Equal(expected, Assert.Single(await EntriesAsync(site)).OccurredUtc);
        Assert.Equal((1L, LedgerWriter.GenesisHash), (written.Sequence, written.PreviousHash));
        Assert.Empty(await VerifyAsync(site));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_published_head_is_matched_whatever_the_case_of_its_hash(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await AppendAsync(site, 2);
        var last = (await EntriesAsync(site))[^1];

        Assert.Empty(await VerifyAsync(site, new LedgerHead(2, last.Hash.ToUpperInvariant()), LedgerHead.Genesis));
        var rewritten = Assert.Single(await VerifyAsync(site, new LedgerHead(2, new string('e', 64))));
        Assert.Equal(("已公布的链头（第 2 条）", "台账中这一条记录的哈希值与公布的不符：台账可能被改写。"), (rewritten.Subject, rewritten.Message));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Emergency_publications_count_as_publications_and_a_publication_missing_from_the_ledger_is_reported(DatabaseProvider engine)
    {
        await using var site = await TestDatabase.CreateAsync(engine);
        await site.ApplySetupAndDemoOfficeAsync();
        await site.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            await content.CreateAsync("Disclosure", SampleContent.Notice(), "editor", "zhzx", "urgent");
            await content.PublishAsync("urgent", null, "leader", SampleContent.PublishedAt, ledgerAction: LedgerActions.EmergencyPublish, ledgerDetail: "舆情紧急");
        });
        Assert.Empty(await VerifyAsync(site));

        // The publication's own row removed from the end of the chain: the chain is whole, the publication unrecorded.
        await site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Action == LedgerActions.EmergencyPublish).ExecuteDeleteAsync());
        Assert.Equal(
            [("内容“urgent”第 1 版", "台账中没有该版本的发布记录。")],
            (await VerifyAsync(site)).Select(p => (p.Subject, p.Message)));
    }

    private static Task AppendAsync(TestDatabase site, int count) =>
        site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var writer = sp.GetRequiredService<LedgerWriter>();
            for (var i = 0; i < count; i++)
            {
                await db.InTransactionAsync(() => writer.AppendAsync("editor", ReviewLedgerActions.Submit, "item-" + i, 1, new string('c', 64), "上报", default), default);
            }
        });

    private static Task<List<LedgerEntry>> EntriesAsync(TestDatabase site) =>
        site.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private static Task<IReadOnlyList<IntegrityProblem>> VerifyAsync(TestDatabase site, params LedgerHead[] heads) =>
        site.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync(heads));

    private static Task UpdateAsync(TestDatabase site, long sequence, Action<LedgerEntry> change) =>
        site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            change(await db.Ledger.SingleAsync(e => e.Sequence == sequence));
            await db.SaveChangesAsync();
        });

    private static Task UpdateVersionAsync(TestDatabase site, Action<ContentVersionRecord> change) =>
        site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            change(await db.ContentVersions.SingleAsync());
            await db.SaveChangesAsync();
        });

    /// <summary>What someone with database access but no key can do: change rows and recompute the unkeyed chain.</summary>
    private static Task RewriteAsLegacyAsync(TestDatabase site, Action<LedgerEntry> change, long upTo = long.MaxValue) =>
        site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var previous = LedgerWriter.GenesisHash;
            foreach (var entry in await db.Ledger.Where(e => e.Sequence <= upTo).OrderBy(e => e.Sequence).ToListAsync())
            {
                change(entry);
                entry.KeyId = null;
                entry.PreviousHash = previous;
                entry.Hash = LedgerWriter.ComputeHash(entry);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
        });

    /// <summary>The same database and data folder seen by a site started with other 台账 key settings.</summary>
    private static Task<TestDatabase> ReopenAsync(TestDatabase site, LedgerKeyOptions? keys = null) =>
        TestDatabase.OpenAsync(site, keys ?? new LedgerKeyOptions());
}
