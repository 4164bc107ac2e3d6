namespace Disclosure.Channels.Outbox;

/// <summary>
/// One destination of a channel (a webhook endpoint, a WeChat official account) and the agencies whose items go to it
/// (集约化: a publication goes to the channels of the agency that owns it). Nothing is inherited along the agency tree:
/// a 县局's item reaches the 市局's official account only when that account lists the 县局.
/// </summary>
public sealed class ChannelTarget
{
    /// <summary>In configuration, an <c>Agencies</c> entry that means every agency of the installation.</summary>
    public const string EveryAgencyCode = "*";

    private readonly HashSet<string> _agencies;

    private ChannelTarget(string name, IEnumerable<string> agencies, bool ownAgency, bool everyAgency)
    {
        Name = name;
        _agencies = new HashSet<string>(agencies, StringComparer.Ordinal);
        ServesOwnAgency = ownAgency;
        ServesEveryAgency = everyAgency;
    }

    /// <summary>The target as the outbox names it (<see cref="OutboxMessage.Target"/>); empty for a channel's one destination.</summary>
    public string Name { get; }

    /// <summary>Configured without an agency (the single-account keys, an endpoint without <c>Agency</c>): the installation's own agency (本机关).</summary>
    public bool ServesOwnAgency { get; }

    /// <summary>Every agency's items (the public site; an endpoint configured with <c>"Agencies": ["*"]</c>).</summary>
    public bool ServesEveryAgency { get; }

    /// <summary>The agencies named in configuration, by code.</summary>
    public IReadOnlyCollection<string> Agencies => _agencies;

    public static ChannelTarget ForEveryAgency(string name) => new(name, [], ownAgency: false, everyAgency: true);

    public static ChannelTarget ForOwnAgency(string name) => new(name, [], ownAgency: true, everyAgency: false);

    /// <summary>A target for the agencies listed; <c>*</c> among them makes it every agency's, none at all the own agency's.</summary>
    public static ChannelTarget For(string name, IEnumerable<string> agencies)
    {
        var codes = agencies.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        return codes.Contains(EveryAgencyCode) ? ForEveryAgency(name)
            : codes.Count == 0 ? ForOwnAgency(name)
            : new ChannelTarget(name, codes, ownAgency: false, everyAgency: false);
    }

    /// <summary>Whether an item of <paramref name="agency"/> goes here, <paramref name="ownAgency"/> being the installation's own.</summary>
    public bool Serves(string agency, string ownAgency) =>
        ServesEveryAgency || _agencies.Contains(agency) || (ServesOwnAgency && agency == ownAgency);

    /// <summary>Whether the target names <paramref name="agency"/> itself (not through <c>*</c> or as the own agency).</summary>
    public bool NamesAgency(string agency) => _agencies.Contains(agency);
}
