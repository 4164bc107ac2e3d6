using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;

namespace Disclosure.Core.Channels;

/// <summary>
/// Which of its type's channels an item goes to. The item's 公开方式 (a reviewed part of its metadata) decides:
/// left empty, the item goes to every channel of its type; filled in, only to the channels it names, so what the
/// 目录 says about how an item is disclosed is always what actually happened. The public site is the exception: it
/// shows every published item whatever the 公开方式 says (政府网站 is the statutory first platform), so the web
/// channel is never opted out of.
/// </summary>
public static class ChannelSelection
{
    public static IReadOnlyList<string> For(ContentTypeDefinition type, ContentData data)
    {
        var methods = (data.Get(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Channels) as JsonArray)?
            .Select(n => n?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        return type.Channels
            .Where(c => c == ChannelNames.Web || methods.Count == 0 || methods.Contains(ChannelNames.PublicationMethod(c)))
            .ToList();
    }
}
