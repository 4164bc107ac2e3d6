using System.Net.Mail;
using Disclosure.Core.IndexNumbers;
using Disclosure.Core.Text;

namespace Disclosure.Core.Settings;

/// <summary>Checks identity settings before anything is stored; every problem is a zh-CN sentence keyed by field name.</summary>
public static class SiteIdentityValidator
{
    /// <summary>
    /// Problems with <paramref name="values"/> by field name; empty when they may be stored. Only the fields present
    /// are checked, so a partial set (what configuration provides on first start) can be validated as well.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string> values, bool requireAll)
    {
        var errors = new Dictionary<string, string>();
        foreach (var field in SiteIdentityFields.All)
        {
            var present = values.TryGetValue(field.Name, out var raw);
            var value = raw?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                if (field.Required && (requireAll || present))
                {
                    errors[field.Name] = $"请填写{field.Label}。";
                }

                continue;
            }

            if (value.Length > field.MaxLength)
            {
                errors[field.Name] = $"{field.Label}不能超过 {field.MaxLength} 个字符。";
                continue;
            }

            if (Check(field.Name, value) is { } problem)
            {
                errors[field.Name] = problem;
            }
        }

        return errors;
    }

    /// <summary>6 digits: 行政区划代码 (GB/T 2260), as used in the 索引号.</summary>
    public static bool IsAreaCode(string value) => value.Length == 6 && value.All(char.IsAsciiDigit);

    private static string? Check(string name, string value) => name switch
    {
        SiteIdentityFields.CreditCode when CreditCode.Check(value) is { } wrong => $"统一社会信用代码{wrong}。",
        SiteIdentityFields.AreaCode when !IsAreaCode(value) => "行政区划代码应为 6 位数字，如 640121。",
        SiteIdentityFields.IndexNumberFormat when !IndexNumberFormat.TryParse(value, out _, out var error) => error,
        SiteIdentityFields.WebsiteCode when value.Length != 10 || !value.All(char.IsAsciiLetterOrDigit) => "网站标识码应为 10 位字母或数字。",
        SiteIdentityFields.PoliceRecordNumber when !value.Any(char.IsAsciiDigit) => "公安机关备案号应含备案编号，如“宁公网安备 64012102000123号”。",
        SiteIdentityFields.ContactEmail when !MailAddress.TryCreate(value, out _) => "电子邮箱格式不正确。",
        _ => null,
    };
}
