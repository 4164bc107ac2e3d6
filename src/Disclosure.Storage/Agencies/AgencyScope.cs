using Disclosure.Core.Security;

namespace Disclosure.Storage.Agencies;

/// <summary>
/// What of an agency's records a signed-in user may see (集约化): a user who belongs to an agency sees its records only —
/// a 公开办 of 伊金霍洛旗公安局 is not one of 鄂尔多斯市公安局 — and one without an agency (the installation's own staff,
/// set up before agencies were a tree) sees every agency's. Admin lists and the pages of one record both ask here, so a
/// record of another agency is neither listed nor reachable by its number.
/// </summary>
public static class AgencyScope
{
    public static bool MaySee(Actor actor, string agencyCode) => actor.AgencyCode is not { } own || own == agencyCode;

    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, Actor actor) where T : class, IAgencyOwned =>
        actor.AgencyCode is { } own ? records.Where(r => r.AgencyCode == own) : records;
}
