using System.Text.Json;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>
/// The case kinds as last read, shared by every request of the process (a singleton): the vocabulary changes only when
/// a recipe is applied, at setup, before the site serves anyone, so the party query need not read and parse it each time.
/// </summary>
public sealed class CaseKindCache
{
    private volatile CaseKinds? _kinds;

    internal CaseKinds? Kinds
    {
        get => _kinds;
        set => _kinds = value;
    }
}

/// <summary>The office's case kinds (<see cref="CaseKinds"/>), from the recipes' vocabulary.</summary>
public sealed class CaseKindStore(DisclosureDbContext db, CaseKindCache cache)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CaseKinds> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.Kinds is { } kinds)
        {
            return kinds;
        }

        var records = await db.Set<CaseKindRecord>().AsNoTracking().OrderBy(k => k.Order).ThenBy(k => k.Code).ToListAsync(cancellationToken);
        kinds = new CaseKinds(records.Select(r => Deserialize(r.DefinitionJson)).ToList());
        cache.Kinds = kinds;
        return kinds;
    }

    /// <summary>Adds or replaces a kind by its code (the recipe step).</summary>
    public async Task SaveAsync(CaseKindDefinition kind, int order, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new StoredKind(kind.Code, kind.Name, kind.Rights, kind.Events,
            kind.Roles.Select(r => new StoredRole(r.Code, r.Name, r.Sees.Order(StringComparer.Ordinal).ToList())).ToList()), Json);
        var record = await db.Set<CaseKindRecord>().FindAsync([kind.Code], cancellationToken);
        if (record is null)
        {
            db.Set<CaseKindRecord>().Add(new CaseKindRecord { Code = kind.Code, Name = kind.Name, Order = order, DefinitionJson = json });
        }
        else
        {
            record.Name = kind.Name;
            record.Order = order;
            record.DefinitionJson = json;
        }

        // Saved by the recipe executor with its step; the next read (after the save) loads the new vocabulary.
        cache.Kinds = null;
    }

    private static CaseKindDefinition Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredKind>(json, Json)!;
        return stored.ToDefinition();
    }

    private sealed record StoredRole(string Code, string Name, IReadOnlyList<string> Sees);

    private sealed record StoredKind(string Code, string Name, string Rights, IReadOnlyList<CaseEventType> Events, IReadOnlyList<StoredRole> Roles)
    {
        public CaseKindDefinition ToDefinition() => new()
        {
            Code = Code, Name = Name, Rights = Rights, Events = Events,
            Roles = Roles.Select(r => new PartyRole { Code = r.Code, Name = r.Name, Sees = r.Sees.ToHashSet(StringComparer.Ordinal) }).ToList(),
        };
    }
}
