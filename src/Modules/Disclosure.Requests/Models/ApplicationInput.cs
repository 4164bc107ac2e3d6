using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Text;

namespace Disclosure.Requests.Models;

/// <summary>
/// 政府信息公开申请表 as typed — on the public form or by the office from a letter — every value a string so a
/// refused form can be shown again exactly as it was. <see cref="Validate"/> turns it into an
/// <see cref="ApplicationDetails"/> or says, per field, what is wrong (zh-CN).
/// </summary>
public sealed partial class ApplicationInput
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxEmailLength = 100;
    public const int MinDescriptionLength = 5;
    public const int MaxDescriptionLength = 2000;
    public const int MaxReferenceLength = 100;

    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? IdType { get; set; }
    public string? IdNumber { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Email { get; set; }
    public string? Description { get; set; }
    public string? DocumentReference { get; set; }
    public string? Form { get; set; }
    public string? Delivery { get; set; }

    /// <summary>
    /// The agency addressed (受理机关), by code; empty for the installation's own. Whether it exists and accepts
    /// applications online is the form's check (it holds the list), not this one.
    /// </summary>
    public string? Agency { get; set; }

    /// <summary>The checked application, or null with <paramref name="errors"/> naming each field's problem.</summary>
    public ApplicationDetails? Validate(out IReadOnlyDictionary<string, string> errors)
    {
        var problems = new Dictionary<string, string>();
        void Fail(string field, string message) => problems.TryAdd(field, message);

        var hasKind = ApplicantKinds.TryParse(Kind, out var kind);
        if (!hasKind)
        {
            Fail(nameof(Kind), "请选择申请人类型。");
        }

        var organisation = hasKind && ApplicantKinds.IsOrganisation(kind);
        var name = Clean(Name);
        if (name.Length == 0)
        {
            Fail(nameof(Name), organisation ? "请填写法人或其他组织的名称。" : "请填写申请人姓名。");
        }
        else if (name.Length > MaxNameLength)
        {
            Fail(nameof(Name), $"名称不能超过 {MaxNameLength} 个字。");
        }

        IdentityDocumentType idType = IdentityDocumentType.UnifiedSocialCreditCode;
        if (!organisation && !IdentityDocumentTypes.TryParse(IdType, out idType))
        {
            Fail(nameof(IdType), "请选择证件类型。");
        }
        else if (!organisation && idType == IdentityDocumentType.UnifiedSocialCreditCode)
        {
            Fail(nameof(IdType), "自然人请选择身份证件；统一社会信用代码用于法人或其他组织。");
        }

        var idNumber = Compact(IdNumber).ToUpperInvariant();
        if (idNumber.Length == 0)
        {
            Fail(nameof(IdNumber), organisation ? "请填写统一社会信用代码。" : "请填写证件号码。");
        }
        else if (hasKind && !problems.ContainsKey(nameof(IdType)) && CheckIdNumber(idType, idNumber) is { } idError)
        {
            Fail(nameof(IdNumber), idError);
        }

        var contact = Clean(ContactName);
        if (organisation && contact.Length == 0)
        {
            Fail(nameof(ContactName), "请填写联系人姓名。");
        }
        else if (contact.Length > MaxContactLength)
        {
            Fail(nameof(ContactName), $"联系人姓名不能超过 {MaxContactLength} 个字。");
        }

        var representative = Clean(LegalRepresentative);
        if (representative.Length > MaxContactLength)
        {
            Fail(nameof(LegalRepresentative), $"法定代表人或负责人姓名不能超过 {MaxContactLength} 个字。");
        }

        var phone = Compact(Phone).Replace("-", string.Empty, StringComparison.Ordinal);
        if (phone.StartsWith("+86", StringComparison.Ordinal))
        {
            phone = phone[3..];
        }

        if (phone.Length == 0)
        {
            Fail(nameof(Phone), "请填写联系电话。");
        }
        else if (!MobileRegex().IsMatch(phone) && !LandlineRegex().IsMatch(phone))
        {
            Fail(nameof(Phone), "联系电话格式不正确：请填写 11 位手机号码，或带区号的固定电话（如 0951-1234567）。");
        }

        var address = Clean(Address);
        if (address.Length == 0)
        {
            Fail(nameof(Address), "请填写通信地址。");
        }
        else if (address.Length > MaxAddressLength)
        {
            Fail(nameof(Address), $"通信地址不能超过 {MaxAddressLength} 个字。");
        }

        var postalCode = Compact(PostalCode);
        if (postalCode.Length > 0 && !PostalCodeRegex().IsMatch(postalCode))
        {
            Fail(nameof(PostalCode), "邮政编码应为 6 位数字。");
        }

        var email = Compact(Email);
        if (email.Length > MaxEmailLength || (email.Length > 0 && !EmailRegex().IsMatch(email)))
        {
            Fail(nameof(Email), "电子邮箱格式不正确，例如 name@example.com。");
        }

        var description = (Description ?? string.Empty).Trim();
        if (description.Length < MinDescriptionLength)
        {
            Fail(nameof(Description), description.Length == 0
                ? "请描述所需政府信息的内容。"
                : $"所需信息的描述太短，请至少写 {MinDescriptionLength} 个字，尽量写明名称、文号或便于查找的特征。");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            Fail(nameof(Description), $"所需信息的描述不能超过 {MaxDescriptionLength} 个字。");
        }

        var reference = Clean(DocumentReference);
        if (reference.Length > MaxReferenceLength)
        {
            Fail(nameof(DocumentReference), $"文号或索引号不能超过 {MaxReferenceLength} 个字。");
        }

        var hasForm = RequestNames.TryParse<PreferredForm>(Form, out var form);
        if (!hasForm)
        {
            Fail(nameof(Form), "请选择获取信息的载体形式（纸质或电子）。");
        }

        if (!RequestNames.TryParse<DeliveryMethod>(Delivery, out var delivery))
        {
            Fail(nameof(Delivery), "请选择获取信息的方式。");
        }
        else if (delivery == DeliveryMethod.Email && email.Length == 0)
        {
            Fail(nameof(Email), "选择以电子邮件获取信息时，请填写电子邮箱。");
        }
        else if (delivery == DeliveryMethod.Email && hasForm && form == PreferredForm.Paper)
        {
            Fail(nameof(Form), "纸质信息无法通过电子邮件提供，请改选电子形式或其他获取方式。");
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        return new ApplicationDetails(
            kind,
            new ApplicantDetails(name, idType, idNumber, Blank(representative), Blank(contact), phone, address, Blank(postalCode), Blank(email)),
            description,
            Blank(reference),
            form,
            delivery)
        {
            AgencyCode = Blank(Agency?.Trim() ?? string.Empty),
        };
    }

    /// <summary>The input as it would be typed again for <paramref name="details"/> (the office's edit form).</summary>
    public static ApplicationInput From(ApplicationDetails details) => new()
    {
        Agency = details.AgencyCode,
        Kind = details.Kind.ToString(),
        Name = details.Applicant.Name,
        IdType = details.Applicant.IdType.ToString(),
        IdNumber = details.Applicant.IdNumber,
        LegalRepresentative = details.Applicant.LegalRepresentative,
        ContactName = details.Applicant.ContactName,
        Phone = details.Applicant.Phone,
        Address = details.Applicant.Address,
        PostalCode = details.Applicant.PostalCode,
        Email = details.Applicant.Email,
        Description = details.Description,
        DocumentReference = details.DocumentReference,
        Form = details.Form.ToString(),
        Delivery = details.Delivery.ToString(),
    };

    private static string? CheckIdNumber(IdentityDocumentType type, string number) => type switch
    {
        IdentityDocumentType.ResidentIdCard when number.Length != 18 =>
            "居民身份证号码应为 18 位（最后一位可能是 X）。",
        IdentityDocumentType.ResidentIdCard when !ResidentIdNumber.IsValid(number) =>
            "居民身份证号码校验不通过（出生日期或最后一位校验码不正确），请核对后重新填写。",
        IdentityDocumentType.UnifiedSocialCreditCode when number.Length != 18 =>
            "统一社会信用代码应为 18 位数字或大写字母。",
        IdentityDocumentType.UnifiedSocialCreditCode when !CreditCode.IsValid(number) =>
            "统一社会信用代码校验不通过（第 3 至 8 位行政区划码不是数字、最后一位校验码不正确，或含有 I、O、S、V、Z 等不使用的字母），请核对后重新填写。",
        IdentityDocumentType.ResidentIdCard or IdentityDocumentType.UnifiedSocialCreditCode => null,
        _ when !OtherDocumentRegex().IsMatch(number) => "证件号码应为 5 到 20 位字母或数字。",
        _ => null,
    };

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    /// <summary>Trimmed, full-width ASCII (what a Chinese input method types) folded to half-width, inner runs of space kept.</summary>
    private static string Clean(string? text) => (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Like <see cref="Clean"/>, with every space removed (numbers typed in groups).</summary>
    private static string Compact(string? text)
    {
        var cleaned = Clean(text);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobileRegex();

    [GeneratedRegex(@"^0\d{2,3}\d{7,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex LandlineRegex();

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodeRegex();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"^[A-Z0-9]{5,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherDocumentRegex();
}

/// <summary>A checked application: what is sought and how, and who asks.</summary>
public sealed record ApplicationDetails(
    ApplicantKind Kind,
    ApplicantDetails Applicant,
    string Description,
    string? DocumentReference,
    PreferredForm Form,
    DeliveryMethod Delivery)
{
    /// <summary>The agency the application is addressed to (受理机关); null for the installation's own.</summary>
    public string? AgencyCode { get; init; }
}

/// <summary>
/// 申请人信息: personal data. Only the 公开办 sees it, every view is recorded in the ledger, and it appears in no
/// public page, API, feed, search index or export other than the office's own register.
/// </summary>
public sealed record ApplicantDetails(
    string Name,
    IdentityDocumentType IdType,
    string IdNumber,
    string? LegalRepresentative,
    string? ContactName,
    string Phone,
    string Address,
    string? PostalCode,
    string? Email);

