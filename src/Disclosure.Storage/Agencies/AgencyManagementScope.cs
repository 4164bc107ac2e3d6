namespace Disclosure.Storage.Agencies;

/// <summary>
/// The agencies one 管理员 manages: every agency (the installation's 管理员), or one agency and everything below it
/// (本级及下级) — never its parent or its siblings. A user who is not a 管理员 manages none.
/// </summary>
public sealed class AgencyManagementScope
{
    private AgencyManagementScope(AgencyTree tree, bool everything, string? root)
    {
        Tree = tree;
        Everything = everything;
        Root = root;
    }

    public AgencyTree Tree { get; }

    /// <summary>Every agency, roots included (creating a new root is theirs alone).</summary>
    public bool Everything { get; }

    /// <summary>The top of the managed subtree when not <see cref="Everything"/>; null for a scope of nothing.</summary>
    public string? Root { get; }

    public static AgencyManagementScope All(AgencyTree tree) => new(tree, true, null);

    public static AgencyManagementScope Subtree(AgencyTree tree, string root) => new(tree, false, root);

    public static AgencyManagementScope None(AgencyTree tree) => new(tree, false, null);

    /// <summary>Whether the agency exists and is within the scope.</summary>
    public bool Manages(string? code) =>
        Tree.Find(code) is not null && (Everything || (Root is not null && Tree.IsWithin(code!, Root)));

    /// <summary>The tops of what this scope shows: every root, or the managed agency alone.</summary>
    public IReadOnlyList<AgencyNode> Roots =>
        Everything ? Tree.Roots : Tree.Find(Root) is { } node ? [node] : [];
}

/// <summary>An agency outside the actor's scope was addressed: pages answer 404, as for an agency that does not exist.</summary>
public sealed class AgencyAccessDeniedException(string code) : Exception($"无权管理机构“{code}”。")
{
    public string Code { get; } = code;
}
