using System.Net;

namespace Disclosure.Web.Tests;

/// <summary>Posting a page's form and reading the answer: the one copy every web test uses (<c>using static</c>).</summary>
public static class HtmlForms
{
    /// <summary>The given fields with the antiforgery token of the (first) form on <paramref name="page"/>.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Staff.Token(page))));

    /// <summary>The response body with HTML entities decoded, for <c>Assert.Contains</c> on Chinese text.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
