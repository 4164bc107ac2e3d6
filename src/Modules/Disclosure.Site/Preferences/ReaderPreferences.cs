using Microsoft.AspNetCore.Http;

namespace Disclosure.Site.Preferences;

/// <summary>
/// The reader's font size and contrast (字体大小, 保护视力色/高对比度), kept in a cookie for a year so they persist
/// across pages and visits. Plain links set them, so they work without JavaScript.
/// </summary>
public sealed record ReaderPreferences(string FontSize, bool HighContrast)
{
    public const string CookieName = "disclosure.reader";

    public static readonly IReadOnlyList<(string Value, string Label)> FontSizes = [("small", "小"), ("medium", "中"), ("large", "大"), ("x-large", "特大")];

    public static ReaderPreferences Default { get; } = new("medium", false);

    public string CssClasses { get; } = $"font-{FontSize}" + (HighContrast ? " high-contrast" : string.Empty);

    public static ReaderPreferences From(HttpContext context) => From(context.Request);

    public static ReaderPreferences From(HttpRequest request)
    {
        // Most visitors send no cookie at all; the fast path asks on every request.
        if (request.Headers.Cookie.Count == 0 || !request.Cookies.TryGetValue(CookieName, out var raw) || string.IsNullOrEmpty(raw))
        {
            return Default;
        }

        var parts = raw.Split('.', 2);
        var font = FontSizes.Any(f => f.Value == parts[0]) ? parts[0] : Default.FontSize;
        return new ReaderPreferences(font, parts.Length > 1 && parts[1] == "contrast");
    }

    public ReaderPreferences With(string? fontSize, string? contrast) => new(
        fontSize is not null && FontSizes.Any(f => f.Value == fontSize) ? fontSize : FontSize,
        contrast switch { "high" => true, "normal" => false, _ => HighContrast });

    public void Save(HttpResponse response) => response.Cookies.Append(CookieName, FontSize + (HighContrast ? ".contrast" : ".normal"), new CookieOptions
    {
        MaxAge = TimeSpan.FromDays(365),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = response.HttpContext.Request.IsHttps,
    });
}
