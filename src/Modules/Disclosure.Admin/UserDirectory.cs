using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Admin;

/// <summary>A person as admin pages name them: 姓名 and department, with the login name kept for a tooltip.</summary>
public sealed record PersonName(string UserName, string Name, string? Department, bool IsMachine = false)
{
    /// <summary>张三（治安大队）, or the name alone for people outside a department and for the machine actors.</summary>
    public string Label => Department is null ? Name : $"{Name}（{Department}）";
}

/// <summary>
/// Resolves the login names stored on records (台账 actors, version authors, reviewers …) to the person's 姓名 and
/// department. Scoped: the office's users are read once per request, on first use, however many names a page shows.
/// </summary>
public sealed class UserDirectory(DisclosureDbContext db, IEnumerable<IActorNames> otherActors)
{
    /// <summary>The actors that are not people: background work and first-start setup.</summary>
    public static readonly IReadOnlyDictionary<string, string> MachineActors = new Dictionary<string, string>
    {
        ["system"] = "系统",
        ["scheduler"] = "定时发布",
        [Disclosure.Storage.Setup.RecipeExecutor.ImportUser] = "系统初始化",
    };

    private Dictionary<string, PersonName>? _people;

    public async Task<PersonName> FindAsync(string? userName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return new PersonName(string.Empty, "—", null, IsMachine: true);
        }

        if (MachineActors.TryGetValue(userName, out var machine))
        {
            return new PersonName(userName, machine, null, IsMachine: true);
        }

        foreach (var actors in otherActors)
        {
            if (await actors.FindAsync(userName, cancellationToken) is { } name)
            {
                return new PersonName(userName, name, null, IsMachine: true);
            }
        }

        var people = await PeopleAsync(cancellationToken);
        // A name no account has (a deleted account, an imported record): shown as stored rather than dropped.
        return people.GetValueOrDefault(userName) ?? new PersonName(userName, userName, null);
    }

    /// <summary>Every account, ordered by 姓名, for pickers such as the 台账's person filter.</summary>
    public async Task<IReadOnlyList<PersonName>> AllAsync(CancellationToken cancellationToken = default) =>
        (await PeopleAsync(cancellationToken)).Values.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.UserName, StringComparer.Ordinal).ToList();

    private async Task<Dictionary<string, PersonName>> PeopleAsync(CancellationToken cancellationToken)
    {
        if (_people is not null)
        {
            return _people;
        }

        var departments = (await db.Departments.AsNoTracking().Select(d => new { d.AgencyCode, d.Code, d.Name }).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.AgencyCode, d.Code), d => d.Name);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.UserName, u.DisplayName, u.AgencyCode, u.DepartmentCode })
            .ToListAsync(cancellationToken);
        _people = users.Where(u => u.UserName is not null).ToDictionary(
            u => u.UserName!,
            u => new PersonName(
                u.UserName!,
                string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName,
                u.AgencyCode is { } agency && u.DepartmentCode is { } code ? departments.GetValueOrDefault((agency, code)) : null),
            StringComparer.Ordinal);
        return _people;
    }
}

/// <summary>
/// Names the actors a module brings that are neither people nor the built-in machine actors (an API client,
/// <c>api:client-…</c>), so the 台账 and every page naming an actor show what it is.
/// </summary>
public interface IActorNames
{
    /// <summary>The display name of <paramref name="actor"/>, or null when the actor is not one of this module's.</summary>
    Task<string?> FindAsync(string actor, CancellationToken cancellationToken);
}
