using Disclosure.ApiClients.Clients;

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

