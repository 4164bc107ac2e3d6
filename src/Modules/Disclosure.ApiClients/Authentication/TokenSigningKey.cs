using System.Security.Cryptography;
using Disclosure.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Disclosure.ApiClients.Authentication;

/// <summary>
/// The HMAC-SHA256 key access tokens are signed with: 256 random bits in a file beside the installation's other keys,
/// made by the first node that needs it. Losing it costs nothing but the tokens alive at the time (ten minutes' worth):
/// clients simply ask for new ones.
/// </summary>
public sealed class TokenSigningKey
{
    private readonly Lazy<SymmetricSecurityKey> _key;

    public TokenSigningKey(IOptions<ApiClientOptions> options, StorageOptions storage)
    {
        File = options.Value.SigningKeyFile is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(storage.DataFolder, "keys", "api-token-signing.key");
        _key = new Lazy<SymmetricSecurityKey>(Load);
    }

    public string File { get; }

    public SymmetricSecurityKey Key => _key.Value;

    private SymmetricSecurityKey Load()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        try
        {
            // CreateNew: two nodes starting together cannot both write a key; the loser reads the winner's.
            using var stream = new FileStream(File, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (System.IO.File.Exists(File))
        {
        }

        var bytes = ReadKey();
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"接口令牌签名密钥文件 {File} 无效：应为 Base64 编码的至少 32 字节随机数。");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "api-1" };
    }

    private byte[] ReadKey()
    {
        // The file may be seen between its creation and its first write by another node; wait for the content briefly.
        for (var attempt = 0; ; attempt++)
        {
            var text = System.IO.File.ReadAllText(File).Trim();
            if (text.Length > 0 || attempt == 20)
            {
                try
                {
                    return Convert.FromBase64String(text);
                }
                catch (FormatException)
                {
                    return [];
                }
            }

            Thread.Sleep(50);
        }
    }
}
