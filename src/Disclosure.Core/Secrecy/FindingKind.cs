namespace Disclosure.Core.Secrecy;

/// <summary>What the automatic 保密审查 scan found: personal data that must be masked, or a mark that must not go out.</summary>
public enum FindingKind
{
    /// <summary>居民身份证号码, 18-digit or the old 15-digit form.</summary>
    ResidentId,
    /// <summary>手机号码 (mainland mobile).</summary>
    MobileNumber,
    /// <summary>银行卡号.</summary>
    BankCard,
    /// <summary>电子邮箱.</summary>
    Email,
    /// <summary>密级标志 (绝密/机密/秘密 as a mark) or an 内部资料-style notice.</summary>
    ClassificationMark,
    /// <summary>敏感词 from the office's own list.</summary>
    Keyword,
}
