using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Accounts;

/// <summary>Signing in with any password and reading what the account pages answer.</summary>
public static partial class Accounts
{
    public const string AdminPassword = "Test-Admin-2026!";

    public static HttpClient Client(WebApplicationFactory<Program> site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form; the client keeps the cookie when it succeeds (a redirect).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var login = await client.GetStringAsync("/admin/login");
        return await client.PostAsync("/admin/login", Form(login, ("UserName", userName), ("Password", password)));
    }

    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> site, string userName, string password)
    {
        var client = Client(site);
        var response = await SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The message the login page shows after a failed attempt.</summary>
    public static string LoginError(string html) => LoginErrorRegex().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The login page shows no error.");

    /// <summary>The password a reset generated, from the one response that shows it.</summary>
    public static string GeneratedPassword(string html) => GeneratedPasswordRegex().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No generated password on the page.");

    [GeneratedRegex("<p class=\"validation-summary error\" role=\"alert\">([^<]+)</p>")]
    private static partial Regex LoginErrorRegex();

    [GeneratedRegex("<code class=\"generated-password\">([^<]+)</code>")]
    private static partial Regex GeneratedPasswordRegex();
}
