using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Disclosure.Accounts;

/// <summary>
/// The password rule in words, written from the configured <see cref="PasswordOptions"/> so what every password form
/// states is exactly what Identity enforces.
/// </summary>
public sealed class PasswordRule(IOptions<IdentityOptions> options)
{
    public string Description
    {
        get
        {
            var rule = options.Value.Password;
            var kinds = new List<string>();
            if (rule.RequireUppercase) kinds.Add("大写字母");
            if (rule.RequireLowercase) kinds.Add("小写字母");
            if (rule.RequireDigit) kinds.Add("数字");
            if (rule.RequireNonAlphanumeric) kinds.Add("符号");
            var text = $"密码至少 {rule.RequiredLength} 位";
            if (kinds.Count == 0)
            {
                return text + "。";
            }

            var list = kinds.Count == 1 ? kinds[0] : string.Join("、", kinds[..^1]) + "和" + kinds[^1];
            return $"{text}，须同时包含{list}{(rule.RequireNonAlphanumeric ? "（符号如 ! @ # - _）" : null)}。";
        }
    }

    /// <summary>
    /// A 16-character password with upper, lower, digit and symbol (which any rule of this site accepts), without
    /// the look-alike characters (0/O, 1/l/I) so it can be read out or copied by hand.
    /// </summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%*-_+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
