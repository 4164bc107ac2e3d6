using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;

namespace Disclosure.Contents.Items.Extensions;

/// <summary>What an extension may read about the version being shown.</summary>
public sealed record ItemPageContext(ContentItemRecord Item, ContentVersionRecord Version, ContentData Data, DateOnly Today, bool IsPreview);

/// <summary>
/// Adds a content type's own block to its public page (the 三公经费 chart of a budget, the comment window of a
/// 任前公示, the validity of a 规范性文件), in the spirit of an Orchard display driver: the generic page stays generic.
/// </summary>
public interface IItemPageExtension
{
    string ContentType { get; }

    /// <summary>Fields this extension shows in its own block, left out of the generic field list.</summary>
    IReadOnlySet<string> HandledFields { get; }

    Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken);
}

public enum ItemBlockPlacement
{
    /// <summary>Above the body: notices a reader must see first (已废止, 公示期已结束).</summary>
    BeforeBody,
    AfterBody,
}

/// <summary>A block of safe HTML with an optional heading and a CSS class the theme can style.</summary>
public sealed record ItemBlock(string? Heading, string Html, ItemBlockPlacement Placement, string CssClass);
