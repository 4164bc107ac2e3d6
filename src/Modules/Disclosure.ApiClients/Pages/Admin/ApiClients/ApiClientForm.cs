using Disclosure.ApiClients.Clients;

namespace Disclosure.ApiClients.Pages.Admin.ApiClients;

/// <summary>The fields of the client forms as posted: the place is <c>agency|department</c> (department empty for the agency's own items).</summary>
public sealed class ApiClientForm
{
    public string? Name { get; set; }

    public string? Place { get; set; }

    public List<string> Scopes { get; set; } = [];

    public int? PermitsPerMinute { get; set; }

    /// <summary>The form for a new client: drafting with attachments, the usual case of an OA system.</summary>
    public static ApiClientForm ForNewClient() => new() { Scopes = [ApiScopes.WriteContent, ApiScopes.WriteMedia] };

    /// <summary>The form filled with <paramref name="client"/> as it is.</summary>
    public static ApiClientForm From(Data.ApiClientRecord client) => new()
    {
        Name = client.Name,
        Place = $"{client.AgencyCode}|{client.DepartmentCode}",
        Scopes = [.. client.ScopeSet],
        PermitsPerMinute = client.PermitsPerMinute,
    };

    public ApiClientInput ToInput()
    {
        var parts = (Place ?? string.Empty).Split('|', 2);
        return new ApiClientInput(Name, parts[0], parts.Length > 1 ? parts[1] : null, Scopes, PermitsPerMinute);
    }
}

