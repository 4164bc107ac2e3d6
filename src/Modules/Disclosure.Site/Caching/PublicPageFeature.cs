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

    /// <summary>The capture will keep this response if its body stays within bounds: those waiting for it wait on.</summary>
    public bool Claimed { get; set; }

    public CachedPage? Page { get; set; }
}
