using System.Text.RegularExpressions;
using Disclosure.Core.Secrecy;

namespace Disclosure.Interaction.Mailbox;

/// <summary>A letter as the public form posts it (<c>Input.*</c>). Everything optional here is checked by <see cref="Validate"/>.</summary>
public sealed partial class LetterInput
{
    public string? Kind { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }

    public string? Email { get; set; }

    /// <summary>同意公开: the letter and its reply may be published, masked (ignored for a 举报).</summary>
    public bool MayPublish { get; set; }

    /// <summary>The letter to register, or null with a zh-CN message per field in <paramref name="errors"/>.</summary>
    public NewLetter? Validate(out Dictionary<string, string> errors)
    {
        errors = [];
        var kind = LetterNames.ParseKind(Kind);
        if (kind is null)
        {
            errors[nameof(Kind)] = "请选择来信类型：咨询、建议、投诉或举报。";
        }

        var subject = LetterText.Clean(Subject);
        if (subject.Length is < 4 or > 100)
        {
            errors[nameof(Subject)] = subject.Length == 0 ? "请填写信件标题。" : "信件标题应为 4 至 100 个字。";
        }

        var body = LetterText.Clean(Body, keepLines: true);
        if (body.Length is < 10 or > 5000)
        {
            errors[nameof(Body)] = body.Length == 0 ? "请填写信件内容。" : "信件内容应为 10 至 5000 个字。";
        }

        var name = LetterText.Clean(Name);
        if (name.Length is < 2 or > 50)
        {
            errors[nameof(Name)] = name.Length == 0 ? "请填写姓名。" : "姓名应为 2 至 50 个字。";
        }

        var phone = LetterText.Phone(Phone);
        if (phone is null)
        {
            errors[nameof(Phone)] = string.IsNullOrWhiteSpace(Phone) ? "请填写联系电话，以便答复和查询。" : "联系电话应为 11 位手机号码或带区号的固定电话。";
        }

        var idNumber = LetterText.Clean(IdNumber).ToUpperInvariant();
        if (idNumber.Length > 0 && !(ResidentIdNumber.IsValid(idNumber) || OtherDocument().IsMatch(idNumber) && idNumber.Length != 18))
        {
            errors[nameof(IdNumber)] = "证件号码不正确：居民身份证号码为 18 位（末位可为 X），其他证件为 5 至 30 位字母或数字。";
        }

        var email = LetterText.Clean(Email);
        if (email.Length > 0 && (email.Length > 100 || !EmailAddress().IsMatch(email)))
        {
            errors[nameof(Email)] = "电子邮箱格式不正确。";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new NewLetter(kind!.Value, subject, body, new LetterWriter(name, phone!, idNumber.Length > 0 ? idNumber : null, email.Length > 0 ? email : null),
            MayPublish && kind != LetterKind.Report);
    }

    [GeneratedRegex("^[A-Z0-9]{5,30}$")]
    private static partial Regex OtherDocument();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}

/// <summary>Who wrote a letter: personal data, kept apart from the letter.</summary>
public sealed record LetterWriter(string Name, string Phone, string? IdNumber, string? Email);

/// <summary>A checked letter, ready to register.</summary>
public sealed record NewLetter(LetterKind Kind, string Subject, string Body, LetterWriter Writer, bool MayPublish)
{
    /// <summary>The agency whose 局长信箱 it was written to; null for the installation's own.</summary>
    public string? AgencyCode { get; init; }
}

/// <summary>A checked attachment.</summary>
public sealed record NewLetterAttachment(string FileName, string ContentType, byte[] Content);

public static partial class LetterText
{
    /// <summary>Trimmed, control characters dropped; line breaks kept (as \n) only when asked.</summary>
    public static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var kept = new string(normalised.Where(c => keepLines && c == '\n' || !char.IsControl(c)).ToArray());
        return kept.Trim();
    }

    /// <summary>A mainland mobile number (11 digits, 1…) or a landline with its area code (0…, 10 to 12 digits), as digits; else null.</summary>
    public static string? Phone(string? typed)
    {
        var digits = Disclosure.Requests.Services.RequestStatusQuery.NormalizeFactor(typed);
        return MobileOrLandline().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10})$")]
    private static partial Regex MobileOrLandline();
}
