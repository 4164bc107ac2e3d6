namespace Disclosure.AnnualReports.Models;

/// <summary>Items first published in the year under one top-level 目录 class.</summary>
public sealed record CatalogueCount(string Code, string Name, int Count);

/// <summary>Publications delivered in the year on one channel (政府网站, 微信公众号, 政务微博, 移动客户端).</summary>
public sealed record ChannelCount(string Channel, string Name, int Count);

/// <summary>
/// What section 一、总体情况 is drafted from, besides the three tables: items published per 目录 class and per
/// channel, 办事指南 updated, 政策解读 published.
/// </summary>
public sealed record OverviewFacts(
    IReadOnlyList<CatalogueCount> PublishedByCatalogue,
    IReadOnlyList<ChannelCount> PublishedByChannel,
    int GuidesUpdated,
    int Interpretations)
{
    public int PublishedTotal => PublishedByCatalogue.Sum(c => c.Count);

    public int OnChannel(string channel) => PublishedByChannel.FirstOrDefault(c => c.Channel == channel)?.Count ?? 0;

    public static OverviewFacts Empty { get; } = new([], [], 0, 0);
}
