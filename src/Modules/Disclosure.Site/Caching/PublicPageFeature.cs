namespace Disclosure.Site.Caching;

/// <summary>
/// Handed by <see cref="AnonymousFastPath"/> to <see cref="PublicPageCapture"/> for a request it could not answer:
/// under which key to keep the page, with which validators, and (set by the capture) the page it kept.
/// </summary>
internal sealed class PublicPageFeature(string key, PublicValidators validators)
{
    public string Key { get; } = key;

    public PublicValidators Validators { get; } = validators;

    public CachedPage? Page { get; set; }
}
