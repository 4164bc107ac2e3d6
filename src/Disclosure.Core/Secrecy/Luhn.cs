namespace Disclosure.Core.Secrecy;

/// <summary>The Luhn (mod 10) check that every bank card number carries in its last digit.</summary>
public static class Luhn
{
    /// <summary>
    /// True when <paramref name="digits"/> is at least two ASCII digits (a lone digit has no check digit) and the
    /// Luhn sum is a multiple of ten. Separators are not accepted: strip them first.
    /// </summary>
    public static bool IsValid(string digits)
    {
        if (string.IsNullOrEmpty(digits) || digits.Length < 2)
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var n = c - '0';
            if (doubled)
            {
                n *= 2;
                if (n > 9)
                {
                    n -= 9;
                }
            }

            sum += n;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
