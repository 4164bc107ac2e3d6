using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// The keys the 台账 is MACed with (HMAC-SHA256), kept outside the database: <c>ledger-&lt;id&gt;.key</c> files in
/// the keys folder (256 random bits, created on first use, readable by the site's account only) and keys given by
/// configuration (<c>Ledger:Keys:&lt;id&gt;</c>). Every entry records the id of its key, so after a rotation the old
/// keys stay here for verification. The folder also holds the legacy head: the last entry written before the
/// ledger was keyed, after which an unkeyed entry can only be a rewrite.
/// </summary>
public sealed partial class LedgerKeyRing
{
    private const string KeyFilePrefix = "ledger-";
    private const string KeyFileSuffix = ".key";
    private const string LegacyHeadFile = "ledger-legacy-head.txt";
    private const int KeyBytes = 32;

    private readonly LedgerKeyOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public LedgerKeyRing(StorageOptions storage, IOptions<LedgerKeyOptions> options)
    {
        _options = options.Value;
        Folder = Path.GetFullPath(_options.KeysFolder ?? Path.Combine(storage.DataFolder, "keys"));
        foreach (var (id, value) in _options.Keys)
        {
            _keys[ValidId(id)] = DecodeConfiguredKey(id, value);
        }
    }

    public string Folder { get; }

    /// <summary>The id new entries are MACed with. When no key exists yet, the first one is created here.</summary>
    public string CurrentKeyId
    {
        get
        {
            lock (_lock)
            {
                LoadFolder();
                if (_options.CurrentKeyId is { } configured)
                {
                    return _keys.ContainsKey(configured)
                        ? configured
                        : throw new InvalidOperationException($"配置项 Ledger:CurrentKeyId 指定的台账密钥“{configured}”不存在（{Folder} 中没有该密钥文件，配置中也没有 Ledger:Keys:{configured}）。");
                }

                if (_keys.Count == 0)
                {
                    CreateKeyFile("1");
                }

                return _keys.Keys.OrderBy(NumericOrder).ThenBy(id => id, StringComparer.Ordinal).Last();
            }
        }
    }

    /// <summary>Whether the folder or the configuration holds any key at all (reading <see cref="CurrentKeyId"/> would otherwise create one).</summary>
    public bool HasKeys
    {
        get
        {
            lock (_lock)
            {
                LoadFolder();
                return _keys.Count > 0;
            }
        }
    }

    /// <summary>The key with this id, or null when neither the folder nor the configuration has it.</summary>
    public byte[]? Find(string keyId)
    {
        lock (_lock)
        {
            if (!_keys.ContainsKey(keyId))
            {
                LoadFolder();
            }

            return _keys.GetValueOrDefault(keyId);
        }
    }

    /// <summary>Creates a new key file whose id is one above the highest, which makes it current.</summary>
    public string CreateNextKey()
    {
        lock (_lock)
        {
            if (_options.CurrentKeyId is not null)
            {
                throw new InvalidOperationException("当前台账密钥由配置项 Ledger:CurrentKeyId 指定：请在配置中加入新密钥（Ledger:Keys:<编号>）并修改该配置项来轮换密钥。");
            }

            LoadFolder();
            var next = _keys.Keys.Select(NumericOrder).DefaultIfEmpty(0).Max() + 1;
            var id = next.ToString(CultureInfo.InvariantCulture);
            CreateKeyFile(id);
            return id;
        }
    }

    /// <summary>The last entry written before the ledger was keyed (genesis for a ledger keyed from its start), or null before the first keyed entry.</summary>
    public LedgerHead? LegacyHead
    {
        get
        {
            var path = Path.Combine(Folder, LegacyHeadFile);
            if (!File.Exists(path))
            {
                return null;
            }

            return LedgerHead.TryParse(File.ReadAllText(path), out var head)
                ? head
                : throw new InvalidOperationException($"台账链头文件 {path} 格式不正确，应为“序号:哈希”。");
        }
    }

    /// <summary>Records where the keyed ledger begins, once: an existing record is never moved.</summary>
    public void RecordLegacyHead(LedgerHead head)
    {
        lock (_lock)
        {
            var path = Path.Combine(Folder, LegacyHeadFile);
            if (File.Exists(path))
            {
                return;
            }

            try
            {
                WriteSecret(path, head.ToString());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process sharing the folder recorded it first; theirs stands.
            }
        }
    }

    private void LoadFolder()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, KeyFilePrefix + "*" + KeyFileSuffix))
        {
            var name = Path.GetFileName(path);
            var id = name[KeyFilePrefix.Length..^KeyFileSuffix.Length];
            if (!IdPattern().IsMatch(id) || _keys.ContainsKey(id))
            {
                continue;
            }

            _keys[id] = Decode(File.ReadAllText(path).Trim())
                ?? throw new InvalidOperationException($"台账密钥文件 {path} 内容无效：应为至少 {KeyBytes} 字节随机数的 Base64 编码。");
        }
    }

    private void CreateKeyFile(string id)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var path = Path.Combine(Folder, KeyFilePrefix + id + KeyFileSuffix);
        try
        {
            WriteSecret(path, Convert.ToBase64String(key));
            _keys[id] = key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // A process sharing the folder created this id at the same moment: use its key, never overwrite it.
            LoadFolder();
        }
    }

    /// <summary>Writes a new file readable and writable by the owner only (0600, in a 0700 folder); fails if it exists.</summary>
    internal void WriteSecret(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }

    private static byte[] DecodeConfiguredKey(string id, string value) =>
        Decode(value) ?? throw new InvalidOperationException($"配置项 Ledger:Keys:{id} 无效：应为至少 {KeyBytes} 字节随机数的 Base64 编码（例如 openssl rand -base64 32 的输出）。");

    private static byte[]? Decode(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written >= KeyBytes ? bytes[..written] : null;
    }

    private static string ValidId(string id) =>
        IdPattern().IsMatch(id) ? id : throw new InvalidOperationException($"台账密钥编号“{id}”无效：只能使用字母、数字和连字符，最长 32 个字符。");

    private static long NumericOrder(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex IdPattern();
}
