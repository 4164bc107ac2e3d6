namespace Disclosure.Core.Secrecy;

/// <summary>What the automatic 保密审查 scan found: personal data that must be masked, or a mark that must not go out.</summary>
public enum FindingKind
{
    /// <summary>居民身份证号码, 18-digit or the old 15-digit form.</summary>
    ResidentId,
    /// <summary>
    /// 疑似身份证号: 18 digits with a real province code and birth date but a wrong check digit — most likely an ID
    /// mistyped by one digit, which is still somebody's ID.
    /// </summary>
    SuspectResidentId,
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
    /// <summary>个人姓名 after a word that introduces a person (当事人张三、姓名：李四).</summary>
    PersonName,
    /// <summary>
    /// 未能扫描: an attachment whose text could not be read (an image, a scan without a text layer, an unknown kind,
    /// a damaged file). Nothing can be masked in it; the 保密审查员 checks it by eye and confirms it with a reason.
    /// </summary>
    Unscannable,
}
