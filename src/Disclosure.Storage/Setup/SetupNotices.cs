namespace Disclosure.Storage.Setup;

/// <summary>
/// What the first start has to tell the operator once, on the console beside the administrator's login: a module's
/// recipe step adds a block here (the demo parties' 查询码, say) and setup prints every block after the recipes ran.
/// Scoped to the setup run.
/// </summary>
public sealed class SetupNotices
{
    private readonly List<(string Title, IReadOnlyList<string> Lines)> _notices = [];

    public IReadOnlyList<(string Title, IReadOnlyList<string> Lines)> All => _notices;

    public void Add(string title, IReadOnlyList<string> lines) => _notices.Add((title, lines));
}
