using Disclosure.Storage.Changes;

namespace Disclosure.Site.Caching;

/// <summary>
/// Handed by <see cref="AnonymousFastPath"/> to <see cref="PublicPageCapture"/> for a request it could not answer:
/// under which key to keep the page, the content version that key was made from, and (set by the capture) the page
/// it kept.
/// </summary>
internal sealed class PublicPageFeature(string key, ChangeLogHead.Position version)
{
    public string Key { get; } = key;

    public ChangeLogHead.Position Version { get; } = version;

    public CachedPage? Page { get; set; }
}
