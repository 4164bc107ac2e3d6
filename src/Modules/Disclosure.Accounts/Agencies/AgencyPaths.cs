namespace Disclosure.Accounts.Agencies;

/// <summary>The agency admin's addresses.</summary>
public static class AgencyPaths
{
    public const string Index = "/admin/agencies";

    public static string Details(string code) => Index + "/" + Uri.EscapeDataString(code);
}
