using Disclosure.Admin;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.ApiClients.Pages.Admin.ApiClients;

/// <summary>接口客户端: the registered clients and the form to register one; the secret is shown once, on this page.</summary>
[Authorize(Policy = ApiClientsModule.AdminPolicy)]
public sealed class IndexModel(ApiClientService clients) : PageModel
{
    [BindProperty]
    public ApiClientForm Input { get; set; } = ApiClientForm.ForNewClient();

    public IReadOnlyList<ApiClientRecord> Clients { get; private set; } = [];

    public IReadOnlyList<ApiClientPlace> Places { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The client just registered and its secret: shown in this answer only, never stored or redirected with.</summary>
    public (ApiClientRecord Client, string Secret)? Registered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Registered = await clients.RegisterAsync(Input.ToInput(), User.ToActor(), cancellationToken);
            Input = ApiClientForm.ForNewClient();
        }
        catch (ApiClientException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await LoadAsync(cancellationToken);
        // The secret is in this page: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Clients = await clients.ListAsync(actor, cancellationToken);
        Places = await clients.PlacesAsync(actor, cancellationToken);
    }
}
