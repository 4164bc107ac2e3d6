using System.Security.Cryptography;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// The ECDSA P-256 key that signs the exported 台账 heads. Asymmetric on purpose: the public key is printed on the
/// public heads page, so anyone holding an export can check it was issued by this site, and nobody who can check
/// can also forge (an HMAC would need the secret handed to every verifier). The private key is
/// <c>ledger-signing.pem</c> in the 台账 keys folder, created on first use and readable by the site's account only.
/// </summary>
public sealed class LedgerSigningKey(LedgerKeyRing keys)
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    private readonly Lock _lock = new();
    private ECDsa? _key;

    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A DER (RFC 3279) signature over SHA-256 of the data, as <c>openssl dgst -sha256 -verify</c> reads it.</summary>
    public byte[] Sign(byte[] data) => Key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private ECDsa Key
    {
        get
        {
            lock (_lock)
            {
                return _key ??= Load();
            }
        }
    }

    private ECDsa Load()
    {
        var path = Path.Combine(keys.Folder, "ledger-signing.pem");
        if (!File.Exists(path))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                keys.WriteSecret(path, created.ExportPkcs8PrivateKeyPem());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process sharing the folder created it first: use theirs.
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }
}
