using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// An app webhook endpoint an API client registered for its own agency (推送订阅, table <c>WebhookSubscriptions</c>), beside
/// the endpoints of <c>Channels:Webhooks:Endpoints</c>. Its <see cref="Name"/> is its outbox target, so it is unique
/// among configured endpoints and every subscription ever made: a deleted subscription keeps its row (and its name),
/// so a message still pending for it can never reach a later subscription, perhaps another agency's, under the same name.
/// </summary>
public sealed class WebhookSubscription : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The outbox target (<see cref="Outbox.OutboxMessage.Target"/>): letters, digits, '-' and '_'; never changed.</summary>
    public required string Name { get; set; }

    /// <summary>Where the POSTs go: https (see <see cref="WebhookUrls"/>).</summary>
    public required string Url { get; set; }

    /// <summary>The agency whose items it gets: the client's own (a client cannot subscribe to another agency).</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>
    /// The signing secret, sealed with the site's data protection keys: the receiver verifies the HMAC with it, so it
    /// must be readable for signing (a hash would not do), yet a copy of the database alone does not give it away.
    /// </summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Whether new messages are written for it; an inactive subscription keeps its name and secret.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Raised by every change: the ETag (<c>"v{Version}"</c>) a PUT must match.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The client that registered it (<c>client_id</c>).</summary>
    public required string CreatedByClientId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>删除: set once; from then on it gets no messages and answers 404, but its name stays taken.</summary>
    public DateTime? DeletedUtc { get; set; }

    public bool IsDeleted => DeletedUtc is not null;

    /// <summary>Gets new messages: active and not deleted.</summary>
    public bool Receives => Active && !IsDeleted;
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("WebhookSubscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Name).HasMaxLength(WebhookSubscriptionRules.NameMaxLength);
        // Unique over deleted rows too: see the class remarks.
        subscription.HasIndex(s => s.Name).IsUnique();
        subscription.Property(s => s.Url).HasMaxLength(WebhookSubscriptionRules.UrlMaxLength);
        subscription.HasAgency();
        subscription.HasIndex(s => s.AgencyCode);
        subscription.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        subscription.Property(s => s.Version).IsConcurrencyToken();
        subscription.Property(s => s.CreatedByClientId).HasMaxLength(64);
        subscription.Ignore(s => s.IsDeleted);
        subscription.Ignore(s => s.Receives);
    }
}
