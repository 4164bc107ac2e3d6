namespace Disclosure.Contents.Items;

/// <summary>
/// The view the public site renders an <see cref="ItemPage"/> with (the active theme's item page), so the admin's
/// 预览 shows a version exactly as the public will see it. The public site module provides it.
/// </summary>
public interface IPublicItemView
{
    /// <summary>The view's path, e.g. <c>/Themes/Default/Views/Content/Show.cshtml</c>.</summary>
    string ViewPath { get; }
}
