using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;

namespace Disclosure.Channels.Content;

/// <summary>The version a message is about, with what every channel needs to present it.</summary>
public sealed record ChannelItem(
    ContentItemRecord Item,
    ContentVersionRecord Version,
    ContentData Data,
    string? AgencyName,
    string? Summary,
    string Path,
    string Url);
