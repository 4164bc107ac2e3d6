namespace Disclosure.Requests.Models;

/// <summary>The document an applicant identifies with (证件类型). Only the first two carry a check character we can verify.</summary>
public enum IdentityDocumentType
{
    /// <summary>居民身份证 (GB 11643, checked).</summary>
    ResidentIdCard,

    /// <summary>统一社会信用代码 (GB 32100, checked) — the only choice for a 法人或其他组织.</summary>
    UnifiedSocialCreditCode,

    /// <summary>护照.</summary>
    Passport,

    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacaoPermit,

    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,

    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentCard,
}

public static class IdentityDocumentTypes
{
    /// <summary>What a natural person may choose, most common first.</summary>
    public static readonly IReadOnlyList<IdentityDocumentType> ForPersons =
    [
        IdentityDocumentType.ResidentIdCard, IdentityDocumentType.Passport, IdentityDocumentType.HongKongMacaoPermit,
        IdentityDocumentType.TaiwanPermit, IdentityDocumentType.ForeignPermanentResidentCard,
    ];

    public static string DisplayName(IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentIdCard => "居民身份证",
        IdentityDocumentType.UnifiedSocialCreditCode => "统一社会信用代码",
        IdentityDocumentType.Passport => "护照",
        IdentityDocumentType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdentityDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdentityDocumentType.ForeignPermanentResidentCard => "外国人永久居留身份证",
        _ => type.ToString(),
    };

    public static bool TryParse(string? text, out IdentityDocumentType type) =>
        Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);
}
