using System.Security.Cryptography;
using System.Text;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Data;
using Disclosure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.ApiClients.Idempotency;

/// <summary>Marks an endpoint whose POSTs honour <c>Idempotency-Key</c> (every endpoint opened with <c>RequireApiClient</c>).</summary>
public sealed class IdempotentEndpointMetadata;

/// <summary>
/// <c>Idempotency-Key</c> on a client's POST: the request runs in one transaction with the record of its key and
/// answer, so a retry with the same key replays the first answer (<c>Idempotent-Replayed: true</c>) and changes
/// nothing, and a change that rolls back leaves no key behind. Two retries racing lose on the key's unique index: the
/// loser's whole transaction rolls back and it replays the winner's answer. The same key with a different request
/// (method, path or body) is refused with 422. Only successful answers are kept (and only they commit), so a refused
/// request can be corrected and sent again under the same key. The kept answer is encrypted with Data Protection
/// (<see cref="Purpose"/>): it can hold what is shown once — a webhook subscription's secret — or a draft's text, and
/// the table is no place to read either.
/// </summary>
public sealed class ApiIdempotencyMiddleware(RequestDelegate next)
{
    /// <summary>The Data Protection purpose of the kept answers.</summary>
    public const string Purpose = "Disclosure.ApiClients.IdempotentAnswers";

    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    public async Task InvokeAsync(
        HttpContext context, DisclosureDbContext db, IOptionsMonitor<ApiClientOptions> options, IDataProtectionProvider protection, TimeProvider clock)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null
            || ApiCaller.From(context.User) is not { } caller)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ApiProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "幂等键无效", $"{HeaderName} 应为 1 到 {MaxKeyLength} 个可见 ASCII 字符（建议使用 UUID）。");
            return;
        }

        var protector = protection.CreateProtector(Purpose);
        var requestHash = await HashRequestAsync(context.Request);
        if (await FindAsync(db, caller.ClientId, key, context.RequestAborted) is { } earlier)
        {
            await ReplayAsync(context, earlier, requestHash, protector);
            return;
        }

        var realBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var committed = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                db.Add(new IdempotentRequestRecord
                {
                    ClientId = caller.ClientId,
                    Key = key,
                    RequestHash = requestHash,
                    StatusCode = context.Response.StatusCode,
                    ContentType = context.Response.ContentType,
                    Body = buffer.Length > 0 ? protector.Protect(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)) : null,
                    Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(context.RequestAborted);
                await ForgetOldKeysAsync(db, options.CurrentValue, clock, context.RequestAborted);
                await transaction.CommitAsync(context.RequestAborted);
                committed = true;
            }
            else
            {
                // A refusal writes nothing; the services join this transaction, so roll back whatever a failed step left.
                db.ChangeTracker.Clear();
            }
        }
        catch (DbUpdateException) when (!committed)
        {
            // Another request with this key committed first: everything this one did is rolled back; answer as it did.
            db.ChangeTracker.Clear();
            context.Response.Body = realBody;
            if (await FindAsync(db, caller.ClientId, key, context.RequestAborted) is { } winner)
            {
                context.Response.Clear();
                await ReplayAsync(context, winner, requestHash, protector);
                return;
            }

            throw;
        }
        finally
        {
            context.Response.Body = realBody;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(realBody, context.RequestAborted);
    }

    private static Task<IdempotentRequestRecord?> FindAsync(DisclosureDbContext db, string clientId, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequestRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);

    private static async Task ReplayAsync(HttpContext context, IdempotentRequestRecord earlier, string requestHash, IDataProtector protector)
    {
        if (earlier.RequestHash != requestHash)
        {
            await ApiProblem.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "幂等键已用于另一请求",
                $"{HeaderName}“{earlier.Key}”已用于一个不同的请求（方法、路径或正文不同）。每个新请求请使用新的幂等键。");
            return;
        }

        context.Response.StatusCode = earlier.StatusCode;
        context.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (earlier.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (earlier.Body is { Length: > 0 } body)
        {
            context.Response.ContentType = earlier.ContentType;
            await context.Response.WriteAsync(protector.Unprotect(body), context.RequestAborted);
        }
    }

    /// <summary>Method, path and query, and the body's bytes (buffered so the endpoint reads them again).</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task<int> ForgetOldKeysAsync(DisclosureDbContext db, ApiClientOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddHours(-options.IdempotencyKeyHours);
        return db.Set<IdempotentRequestRecord>().Where(r => r.CreatedUtc < before).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class ApiIdempotencyExtensions
{
    /// <summary>Place after authorization (it reads the client) and before the endpoints.</summary>
    public static IApplicationBuilder UseApiClientIdempotency(this IApplicationBuilder app) => app.UseMiddleware<ApiIdempotencyMiddleware>();
}
