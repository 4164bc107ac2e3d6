namespace Disclosure.Contents.Admin;

/// <summary>
/// A section another module adds to an item's admin page (<c>/admin/content/{id}</c>), e.g. the channels' delivery
/// status: a partial view rendered with the item's id and the channels it goes to, <c>(string ItemId, IReadOnlyList&lt;string&gt; Channels)</c>.
/// </summary>
/// <param name="PartialView">The partial's full path, e.g. <c>/Pages/Admin/Content/_ChannelStatus.cshtml</c>.</param>
public sealed record ContentDetailsSection(string PartialView);
