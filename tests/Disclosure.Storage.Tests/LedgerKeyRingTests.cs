using System.Security.Cryptography;
using Disclosure.Storage.Ledger;
using Microsoft.Extensions.Options;

namespace Disclosure.Storage.Tests;

/// <summary>
/// The 台账 key ring on its own, without a database: which key is current, how configured and folder keys are
/// read and refused, rotation by a new key file, and the legacy head that is written once and never moved.
/// </summary>
public sealed class LedgerKeyRingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", "keyring-" + Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Keys_live_in_the_keys_folder_under_the_data_folder_unless_configured_elsewhere()
    {
        Assert.Equal(Path.Combine(_folder, "keys"), NewRing().Folder);
        Assert.Equal(Path.Combine(_folder, "elsewhere"), NewRing(new LedgerKeyOptions { KeysFolder = Path.Combine(_folder, "elsewhere") }).Folder);
    }

    [Fact]
    public void The_first_key_is_created_on_first_use_in_a_folder_only_its_owner_may_enter()
    {
        var ring = NewRing();
        Assert.False(Directory.Exists(ring.Folder));

        Assert.Equal("1", ring.CurrentKeyId);
        Assert.Equal(Convert.FromBase64String(File.ReadAllText(Path.Combine(ring.Folder, "ledger-1.key"))), ring.Find("1"));
        Assert.Equal(32, ring.Find("1")!.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ring.Folder));
        }

        // Asked again, the same key: nothing new is created.
        Assert.Equal("1", ring.CurrentKeyId);
        Assert.Single(Directory.GetFiles(ring.Folder));
    }

    [Fact]
    public void The_highest_key_id_is_current_numbers_compared_as_numbers()
    {
        var ring = NewRing(new LedgerKeyOptions { Keys = { ["9"] = NewKey(), ["10"] = NewKey(), ["archive"] = NewKey() } });

        Assert.Equal("10", ring.CurrentKeyId);
        Assert.False(Directory.Exists(ring.Folder)); // configured keys need no key file
    }

    [Fact]
    public void Among_ids_that_are_not_numbers_the_last_in_ordinal_order_is_current()
    {
        Assert.Equal("beta", NewRing(new LedgerKeyOptions { Keys = { ["beta"] = NewKey(), ["alpha"] = NewKey() } }).CurrentKeyId);
    }

    [Fact]
    public void A_configured_current_key_wins_over_a_higher_one_and_must_exist()
    {
        var keys = new Dictionary<string, string> { ["1"] = NewKey(), ["2"] = NewKey() };
        Assert.Equal("1", NewRing(new LedgerKeyOptions { Keys = new(keys), CurrentKeyId = "1" }).CurrentKeyId);

        var missing = Assert.Throws<InvalidOperationException>(() => NewRing(new LedgerKeyOptions { Keys = new(keys), CurrentKeyId = "3" }).CurrentKeyId);
        Assert.Contains("Ledger:CurrentKeyId 指定的台账密钥“3”不存在", missing.Message);
        Assert.Contains("Ledger:Keys:3", missing.Message);
    }

    [Fact]
    public void A_configured_key_needs_at_least_32_bytes_and_an_id_of_letters_digits_and_hyphens()
    {
        Assert.NotNull(NewRing(new LedgerKeyOptions { Keys = { ["k-1"] = NewKey(32) } }).Find("k-1"));
        Assert.Equal(40, NewRing(new LedgerKeyOptions { Keys = { ["k"] = NewKey(40) } }).Find("k")!.Length);

        var shortKey = Assert.Throws<InvalidOperationException>(() => NewRing(new LedgerKeyOptions { Keys = { ["2"] = NewKey(31) } }));
        Assert.Contains("配置项 Ledger:Keys:2 无效", shortKey.Message);
        Assert.Throws<InvalidOperationException>(() => NewRing(new LedgerKeyOptions { Keys = { ["2"] = "不是 Base64" } }));

        Assert.NotNull(NewRing(new LedgerKeyOptions { Keys = { [new string('a', 32)] = NewKey() } }).Find(new string('a', 32)));
        foreach (var id in new[] { new string('a', 33), "a b", "../1", "" })
        {
            var badId = Assert.Throws<InvalidOperationException>(() => NewRing(new LedgerKeyOptions { Keys = { [id] = NewKey() } }));
            Assert.Contains($"台账密钥编号“{id}”无效", badId.Message);
        }
    }

    [Fact]
    public void Rotation_creates_the_key_one_above_the_highest_and_leaves_the_old_ones()
    {
        var ring = NewRing(new LedgerKeyOptions { Keys = { ["7"] = NewKey(), ["archive"] = NewKey() } });

        Assert.Equal("8", ring.CreateNextKey());
        Assert.Equal("8", ring.CurrentKeyId);
        Assert.True(File.Exists(Path.Combine(ring.Folder, "ledger-8.key")));
        Assert.NotNull(ring.Find("7"));

        // A fresh ring, no key yet: the first rotation makes key 1.
        Assert.Equal("1", NewRing(new LedgerKeyOptions { KeysFolder = Path.Combine(_folder, "fresh") }).CreateNextKey());
    }

    [Fact]
    public void Rotation_is_refused_while_configuration_names_the_current_key()
    {
        var ring = NewRing(new LedgerKeyOptions { Keys = { ["1"] = NewKey() }, CurrentKeyId = "1" });

        var refused = Assert.Throws<InvalidOperationException>(() => ring.CreateNextKey());
        Assert.Contains("请在配置中加入新密钥", refused.Message);
        Assert.False(Directory.Exists(ring.Folder));
    }

    [Fact]
    public void A_key_file_copied_in_later_is_found_and_a_configured_key_is_not_replaced_by_a_file()
    {
        var configured = RandomNumberGenerator.GetBytes(32);
        var ring = NewRing(new LedgerKeyOptions { Keys = { ["1"] = Convert.ToBase64String(configured) } });
        Assert.Null(ring.Find("2"));

        Directory.CreateDirectory(ring.Folder);
        var copied = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-2.key"), Convert.ToBase64String(copied) + "\n");
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-1.key"), NewKey());

        // Both the current key and the next rotation look at the folder again first.
        Assert.Equal("2", ring.CurrentKeyId);
        Assert.Equal(copied, ring.Find("2"));
        Assert.Equal(configured, ring.Find("1"));
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-5.key"), NewKey());
        Assert.Equal("6", ring.CreateNextKey());
    }

    [Fact]
    public void Files_that_are_not_keys_are_ignored_and_a_damaged_key_file_is_refused()
    {
        var ring = NewRing();
        Directory.CreateDirectory(ring.Folder);
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-not valid.key"), "whatever");
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-5.txt"), NewKey());
        Assert.Equal("1", ring.CurrentKeyId); // neither counts as a key: the first one is created

        File.WriteAllText(Path.Combine(ring.Folder, "ledger-6.key"), NewKey(16));
        var damaged = Assert.Throws<InvalidOperationException>(() => ring.Find("6"));
        Assert.Contains("ledger-6.key 内容无效", damaged.Message);
    }

    [Fact]
    public void The_legacy_head_is_recorded_once_and_never_moved()
    {
        var ring = NewRing();
        Assert.Null(ring.LegacyHead);

        var first = new LedgerHead(3, new string('a', 64));
        ring.RecordLegacyHead(first);
        ring.RecordLegacyHead(new LedgerHead(9, new string('b', 64)));

        Assert.Equal(first, ring.LegacyHead);
        Assert.Equal("3:" + new string('a', 64), File.ReadAllText(Path.Combine(ring.Folder, "ledger-legacy-head.txt")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(ring.Folder, "ledger-legacy-head.txt")));
        }
    }

    [Fact]
    public void A_damaged_legacy_head_is_refused_rather_than_ignored()
    {
        var ring = NewRing();
        Directory.CreateDirectory(ring.Folder);
        File.WriteAllText(Path.Combine(ring.Folder, "ledger-legacy-head.txt"), "drei");

        var damaged = Assert.Throws<InvalidOperationException>(() => ring.LegacyHead);
        Assert.Contains("格式不正确", damaged.Message);
    }

    private LedgerKeyRing NewRing(LedgerKeyOptions? options = null) =>
        new(new StorageOptions { DataFolder = _folder }, Options.Create(options ?? new LedgerKeyOptions()));

    private static string NewKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
}
