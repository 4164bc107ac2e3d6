using Disclosure.Admin;
using Disclosure.ApiClients.Data;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.ApiClients.Clients;

/// <summary>
/// Names clients where the admin shows an actor or a 台账 subject: <c>api:client-…</c> reads 接口客户端“办公自动化系统”,
/// and <c>api-client:client-…</c> links to the client's page. Clients are few; they are read once per request.
/// </summary>
public sealed class ApiClientNames(DisclosureDbContext db) : IActorNames, ILedgerSubjectResolver
{
    private Dictionary<string, string>? _names;

    public async Task<string?> FindAsync(string actor, CancellationToken cancellationToken)
    {
        if (!actor.StartsWith(ApiClientLedgerActions.ActorPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var clientId = actor[ApiClientLedgerActions.ActorPrefix.Length..];
        return Label(clientId, await NamesAsync(cancellationToken));
    }

    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Where(s => s.StartsWith(ApiClientLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var clientId = subject[ApiClientLedgerActions.SubjectPrefix.Length..];
            resolved[subject] = new LedgerSubject(Label(clientId, await NamesAsync(cancellationToken)), ApiClientPaths.Details(clientId));
        }
    }

    private static string Label(string clientId, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(clientId, out var name) ? $"接口客户端“{name}”" : $"接口客户端 {clientId}";

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        _names ??= await db.Set<ApiClientRecord>().AsNoTracking().ToDictionaryAsync(c => c.ClientId, c => c.Name, StringComparer.Ordinal, cancellationToken);
}

public static class ApiClientPaths
{
    public const string Index = "/admin/api-clients";

    public static string Details(string clientId) => Index + "/" + Uri.EscapeDataString(clientId);
}
