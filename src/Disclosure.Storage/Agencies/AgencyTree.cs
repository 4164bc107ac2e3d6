using Disclosure.Storage.Entities;

namespace Disclosure.Storage.Agencies;

/// <summary>How far a public list reaches from one agency: 本级, 含下级 or 全部.</summary>
public enum AgencyReach
{
    /// <summary>本级: the agency's own records.</summary>
    Own,

    /// <summary>含下级: the agency's and every agency's below it.</summary>
    WithSubordinates,

    /// <summary>全部: every agency of the installation.</summary>
    All,
}

/// <summary>One agency as the tree places it: its row, its depth and its children in order.</summary>
public sealed record AgencyNode(AgencyRecord Agency, int Depth, IReadOnlyList<AgencyNode> Children)
{
    public string Code => Agency.Code;
    public string Name => Agency.Name;
}

/// <summary>
/// The installation's agencies as a forest (集约化: a 市局 above its 县局 above their 派出所). Small enough to hold whole:
/// an installation has tens to a few hundred agencies. A row whose parent is missing, or which would close a cycle,
/// is shown as a root rather than lost.
/// </summary>
public sealed class AgencyTree
{
    private readonly Dictionary<string, AgencyNode> nodes = new(StringComparer.Ordinal);

    public AgencyTree(IEnumerable<AgencyRecord> agencies)
    {
        var rows = agencies.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var children = rows.Values
            .Where(a => a.ParentCode is { } parent && rows.ContainsKey(parent) && !ClosesCycle(rows, a))
            .GroupBy(a => a.ParentCode!)
            .ToDictionary(g => g.Key, g => Ordered(g).ToList(), StringComparer.Ordinal);
        var roots = rows.Values.Where(a => a.ParentCode is not { } parent || !rows.ContainsKey(parent) || ClosesCycle(rows, a));
        Roots = Ordered(roots).Select(a => Build(a, 0, children)).ToList();
    }

    /// <summary>The agencies with no (known) parent, in order.</summary>
    public IReadOnlyList<AgencyNode> Roots { get; }

    public int Count => nodes.Count;

    public AgencyNode? Find(string? code) => code is not null && nodes.TryGetValue(code, out var node) ? node : null;

    /// <summary>Every agency, depth first in tree order (a parent before its children).</summary>
    public IEnumerable<AgencyNode> All() => Roots.SelectMany(Flatten);

    /// <summary>The agency and every agency below it (本级 + 下级); empty when the code is unknown.</summary>
    public IReadOnlyList<string> SubtreeCodes(string code) =>
        Find(code) is { } node ? Flatten(node).Select(n => n.Code).ToList() : [];

    /// <summary>
    /// The agencies a public list of <paramref name="code"/> covers: 本级 (the agency), 含下级 (its subtree) or 全部 (null:
    /// no agency filter). Empty when the code is unknown.
    /// </summary>
    public IReadOnlyList<string>? Reach(string code, AgencyReach reach) => reach switch
    {
        AgencyReach.Own => Find(code) is null ? [] : [code],
        AgencyReach.WithSubordinates => SubtreeCodes(code),
        _ => null,
    };

    /// <summary>From the root down to the agency itself; empty when the code is unknown.</summary>
    public IReadOnlyList<AgencyRecord> PathTo(string code)
    {
        var path = new List<AgencyRecord>();
        // A root (depth 0) may still name a missing parent or one in a cycle: the walk stops there.
        for (var node = Find(code); node is not null; node = node.Depth == 0 ? null : Find(node.Agency.ParentCode))
        {
            path.Insert(0, node.Agency);
        }

        return path;
    }

    /// <summary>Whether <paramref name="code"/> is <paramref name="ancestor"/> or below it.</summary>
    public bool IsWithin(string code, string ancestor) => PathTo(code).Any(a => a.Code == ancestor);

    private AgencyNode Build(AgencyRecord agency, int depth, Dictionary<string, List<AgencyRecord>> children)
    {
        var node = new AgencyNode(agency, depth,
            children.TryGetValue(agency.Code, out var below) ? below.Select(c => Build(c, depth + 1, children)).ToList() : []);
        nodes[agency.Code] = node;
        return node;
    }

    private static IEnumerable<AgencyNode> Flatten(AgencyNode node) => node.Children.SelectMany(Flatten).Prepend(node);

    private static IOrderedEnumerable<AgencyRecord> Ordered(IEnumerable<AgencyRecord> agencies) =>
        agencies.OrderBy(a => a.Position).ThenBy(a => a.Code, StringComparer.Ordinal);

    private static bool ClosesCycle(Dictionary<string, AgencyRecord> rows, AgencyRecord agency)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var parent = agency.ParentCode; parent is not null && rows.TryGetValue(parent, out var row); parent = row.ParentCode)
        {
            if (!seen.Add(parent))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The <c>reach</c> parameter of public lists: <c>own</c> (本级, the default), <c>subtree</c> (含下级), <c>all</c> (全部).</summary>
public static class AgencyReaches
{
    /// <summary>The reach named, <see cref="AgencyReach.Own"/> when none is; null for an unknown name.</summary>
    public static AgencyReach? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "own" => AgencyReach.Own,
        "subtree" => AgencyReach.WithSubordinates,
        "all" => AgencyReach.All,
        _ => null,
    };
}
