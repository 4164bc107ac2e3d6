namespace Disclosure.Interaction.Consultations;

/// <summary>What a member of the public typed into the comment form (already trimmed by the controller or not).</summary>
public sealed record ConsultationCommentInput(string? Name, string? Phone, string? Email, string? Body)
{
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 100;
    public const int BodyMaxLength = 2000;

    public const string NameField = "name";
    public const string PhoneField = "phone";
    public const string EmailField = "email";
    public const string BodyField = "body";

    /// <summary>The zh-CN message of each field that is wrong, by form field name; empty when the input may be stored.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        var body = Body?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors[BodyField] = "请填写您的意见或建议。";
        }
        else if (body.Length > BodyMaxLength)
        {
            errors[BodyField] = $"意见内容不能超过 {BodyMaxLength} 字（现为 {body.Length} 字），可以分几次提交。";
        }

        if (Name?.Trim() is { Length: > NameMaxLength })
        {
            errors[NameField] = $"姓名或称呼不能超过 {NameMaxLength} 个字。";
        }

        if (Phone?.Trim() is { Length: > 0 } phone && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+' or '(' or ')')))
        {
            errors[PhoneField] = "联系电话只能包含数字、空格和“-”，例如 0951-8011110 或 13900000000。";
        }

        if (Email?.Trim() is { Length: > 0 } email && (email.Length > EmailMaxLength || !LooksLikeEmail(email)))
        {
            errors[EmailField] = "电子邮箱格式不正确，例如 name@example.com。";
        }

        return errors;
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }
}
