using Disclosure.Core.Time;
using Disclosure.Credit.Models;
namespace Disclosure.Credit.Admin;

/// <summary>How the admin names the two kinds of 双公示 record in its URLs (/admin/credit/penalties/42).</summary>
public static class CreditAdmin
{
    public const string Licences = "licences";
    public const string Penalties = "penalties";

    public static CreditRecordKind? Kind(string? slug) => slug switch
    {
        Licences => CreditRecordKind.Licence,
        Penalties => CreditRecordKind.Penalty,
        _ => null,
    };

    public static string Slug(CreditRecordKind kind) => kind == CreditRecordKind.Licence ? Licences : Penalties;

    public static string Url(CreditRecordKind kind, long id) => $"/admin/credit/{Slug(kind)}/{id}";

    public static string Date(DateOnly? date) => date is { } d ? DateText.Date(d) : string.Empty;
}
