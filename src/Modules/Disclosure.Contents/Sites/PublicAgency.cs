namespace Disclosure.Contents.Sites;

/// <summary>How the request reached an agency's site.</summary>
public enum PublicAgencySource
{
    /// <summary><c>/a/{code}/…</c>: the agency's path on any host.</summary>
    Path,

    /// <summary>A host name configured for the agency (独立域名).</summary>
    Host,
}

/// <summary>
/// The agency whose public site this request is (集约化): set once, early, by <c>AgencySiteMiddleware</c>; null is the
/// installation's own site, which lists everything as it always has. Everything public that lists or names "the site"
/// reads it through <see cref="SiteContext"/>.
/// </summary>
public sealed class PublicAgency
{
    public string? Code { get; private set; }

    public PublicAgencySource? Source { get; private set; }

    public bool IsSet => Code is not null;

    public void Set(string code, PublicAgencySource source)
    {
        if (Code is not null)
        {
            throw new InvalidOperationException("本次请求的机构已确定。");
        }

        Code = code;
        Source = source;
    }
}
