using Disclosure.ApiClients.Clients;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.ApiClients.Pages.Admin.ApiClients;

/// <summary>The fields of the client forms as posted: the place is <c>agency|department</c> (department empty for the agency's own items).</summary>
public sealed class ApiClientForm
{
    public string? Name { get; set; }

    public string? Place { get; set; }

    public List<string> Scopes { get; set; } = [];

    public int? PermitsPerMinute { get; set; }

    public ApiClientInput ToInput()
    {
        var parts = (Place ?? string.Empty).Split('|', 2);
        return new ApiClientInput(Name, parts[0], parts.Length > 1 ? parts[1] : null, Scopes, PermitsPerMinute);
    }
}

/// <summary>A place a client may work for: an agency (its own items) or one of its departments.</summary>
public sealed record ApiClientPlace(string Value, string Label, string AgencyCode);

public static class ApiClientPlaces
{
    /// <summary>The agencies <paramref name="scope"/> manages, each followed by its departments, in tree order.</summary>
    public static async Task<IReadOnlyList<ApiClientPlace>> ListAsync(DisclosureDbContext db, AgencyManagementScope scope, CancellationToken cancellationToken)
    {
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken)).ToLookup(d => d.AgencyCode);
        var places = new List<ApiClientPlace>();
        foreach (var agency in scope.Tree.All().Where(a => scope.Manages(a.Code)))
        {
            places.Add(new ApiClientPlace(agency.Code + "|", $"{agency.Name}（机构本级）", agency.Code));
            places.AddRange(departments[agency.Code].Select(d => new ApiClientPlace($"{agency.Code}|{d.Code}", $"{agency.Name} · {d.Name}", agency.Code)));
        }

        return places;
    }

    public static string Describe(IReadOnlyList<ApiClientPlace> places, string agency, string? department) =>
        places.FirstOrDefault(p => p.Value == $"{agency}|{department}")?.Label ?? $"{agency}{(department is null ? null : " · " + department)}";
}
