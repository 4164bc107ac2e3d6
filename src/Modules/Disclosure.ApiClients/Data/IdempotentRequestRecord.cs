using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.ApiClients.Data;

/// <summary>
/// A POST a client made with an <c>Idempotency-Key</c> (table ApiIdempotentRequests), kept with its answer so that a
/// retry of the same request (a timeout, a lost answer) gets the same answer and changes nothing. Written in the
/// transaction of the change it answers for, so a key is never recorded for a change that rolled back, nor a change
/// made without its key.
/// </summary>
public sealed class IdempotentRequestRecord
{
    public long Id { get; set; }

    public required string ClientId { get; set; }

    public required string Key { get; set; }

    /// <summary>Method and path, then a SHA-256 of the body: the same key with another request is refused, not replayed.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    /// <summary>The answer's body, encrypted with Data Protection (see <c>ApiIdempotencyMiddleware.Purpose</c>).</summary>
    public string? Body { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class IdempotentRequestRecordConfiguration : IEntityTypeConfiguration<IdempotentRequestRecord>
{
    public void Configure(EntityTypeBuilder<IdempotentRequestRecord> request)
    {
        request.ToTable("ApiIdempotentRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.ClientId).HasMaxLength(64);
        request.Property(r => r.Key).HasMaxLength(100);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.Property(r => r.ContentType).HasMaxLength(100);
        request.Property(r => r.Location).HasMaxLength(500);
        request.Property(r => r.ETag).HasMaxLength(100);
        // Two retries racing: the second insert loses here and replays the first's answer.
        request.HasIndex(r => new { r.ClientId, r.Key }).IsUnique();
        request.HasIndex(r => r.CreatedUtc);
    }
}
