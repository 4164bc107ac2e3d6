using Disclosure.Core.Disclosure;

namespace Disclosure.Core.Channels;

/// <summary>
/// The channels a publication is pushed to (发布渠道). A content type names its channels in its recipe; each maps to
/// one of the 公开方式 options of <see cref="DisclosureMetadataPart"/>, which is how an item opts out (see
/// <see cref="ChannelSelection"/>).
/// </summary>
public static class ChannelNames
{
    /// <summary>The public site (政府网站).</summary>
    public const string Web = "web";

    /// <summary>The WeChat official account (微信公众号).</summary>
    public const string WeChat = "wechat";

    /// <summary>The mobile app (移动客户端): the change feed plus signed webhook pushes.</summary>
    public const string App = "app";

    /// <summary>The official Sina Weibo account (政务微博): one short post per publication, linking to the page.</summary>
    public const string Weibo = "weibo";

    public static readonly IReadOnlyList<string> All = [Web, WeChat, Weibo, App];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>The zh-CN name editors see.</summary>
    public static string DisplayName(string channel) => channel switch
    {
        Web => "政府网站",
        WeChat => "微信公众号",
        App => "移动客户端",
        Weibo => "政务微博",
        _ => channel,
    };

    /// <summary>The 公开方式 option that stands for the channel; the names are the same words.</summary>
    public static string PublicationMethod(string channel) => DisplayName(channel);
}
