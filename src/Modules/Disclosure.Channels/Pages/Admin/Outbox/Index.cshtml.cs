using Disclosure.Admin;
using Disclosure.Channels;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Channels.Pages.Admin.Outbox;

/// <summary>
/// 发布渠道: what failed to reach a channel (still retrying, or given up as a dead letter) with the error, and the
/// retry. The retry is also what the item page's channel block posts to. Staff of an agency see their agency's
/// channels and the deliveries of its items only.
/// </summary>
[Authorize(Policy = ChannelsAdmin.Policy)]
public sealed class IndexModel(OutboxStatusQuery outbox, ChannelSetup setup, WebhookSubscriptions subscriptions, UserDirectory users) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the dead letters, not the messages still retrying.</summary>
    [BindProperty(SupportsGet = true, Name = "dead")]
    public bool DeadOnly { get; set; }

    public IReadOnlyList<DeliveryStatus> Problems { get; private set; } = [];

    /// <summary>Every agency the user sees with each channel's 已配置 or 未配置.</summary>
    public IReadOnlyList<AgencyChannelSetup> Setup { get; private set; } = [];

    /// <summary>The channels as columns, in display order.</summary>
    public IReadOnlyList<string> ChannelOrder => Disclosure.Core.Channels.ChannelNames.All;

    /// <summary>The app's endpoints API clients subscribed (推送订阅), of the agencies shown; read only here, the clients manage them.</summary>
    public IReadOnlyList<SubscriptionRow> Subscriptions { get; private set; } = [];

    public int Total { get; private set; }

    public int Pending { get; private set; }

    public int Sent { get; private set; }

    public int Dead { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>重试 one message; back to <paramref name="returnUrl"/> (the item page) when it is a local address.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, string? returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            var message = await outbox.RetryAsync(User.ToActor(), id, cancellationToken);
            var label = await outbox.TargetLabelsAsync(cancellationToken);
            TempData["Message"] = $"已重新排队：{new DeliveryStatus(message, true, TargetLabel: label(message)).ChannelName}，稍后刷新查看结果。";
            return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/outbox");
        }
        catch (OutboxRetryException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var actor = User.ToActor();
        Setup = await setup.ByAgencyAsync(actor.AgencyCode, cancellationToken);
        var agencyNames = Setup.ToDictionary(a => a.Agency.Code, a => a.DisplayName, StringComparer.Ordinal);
        var rows = new List<SubscriptionRow>();
        foreach (var s in await subscriptions.ForAdminAsync(actor.AgencyCode is { } own ? [own] : null, cancellationToken))
        {
            var client = await users.FindAsync(Disclosure.ApiClients.Clients.ApiClientLedgerActions.Actor(s.CreatedByClientId), cancellationToken);
            rows.Add(new SubscriptionRow(s, agencyNames.GetValueOrDefault(s.AgencyCode, s.AgencyCode), client.Label));
        }

        Subscriptions = rows;
        (Problems, Total) = await outbox.ProblemsAsync(actor, DeadOnly, PageNumber, PageSize, cancellationToken);
        Pending = await outbox.CountAsync(actor, OutboxState.Pending, cancellationToken);
        Sent = await outbox.CountAsync(actor, OutboxState.Sent, cancellationToken);
        Dead = await outbox.CountAsync(actor, OutboxState.DeadLetter, cancellationToken);
    }
}

/// <summary>One 推送订阅 as the page lists it: the agency by name, the client that made it by name.</summary>
public sealed record SubscriptionRow(WebhookSubscription Subscription, string AgencyName, string CreatedBy);
