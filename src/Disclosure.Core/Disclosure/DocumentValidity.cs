namespace Disclosure.Core.Disclosure;

/// <summary>
/// The 有效性 a reader should see today. The office records 已修改 and 已废止 by hand, because only a new document
/// can amend or repeal one; expiry is a matter of the calendar, so a document past its 有效期 reads 已失效 even if
/// nobody has edited it yet, and one not yet in force says so.
/// </summary>
public static class DocumentValidity
{
    public const string NotYetInForce = "尚未施行";

    public static string Effective(string? declared, DateOnly? effectiveDate, DateOnly? expiryDate, DateOnly today)
    {
        if (declared is DisclosureMetadataPart.Validities.Amended or DisclosureMetadataPart.Validities.Repealed or DisclosureMetadataPart.Validities.Expired)
        {
            return declared;
        }

        if (expiryDate is { } expiry && today > expiry)
        {
            return DisclosureMetadataPart.Validities.Expired;
        }

        if (effectiveDate is { } effective && today < effective)
        {
            return NotYetInForce;
        }

        return declared ?? DisclosureMetadataPart.Validities.Valid;
    }
}
