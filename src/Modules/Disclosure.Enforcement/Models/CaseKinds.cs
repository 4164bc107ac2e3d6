namespace Disclosure.Enforcement.Models;

/// <summary>
/// A kind of case (刑事案件, 行政案件, 行政复议 …) with the events its timeline may hold and the party roles it knows,
/// each role with the events it may see (seed 003 §四(二)). The vocabulary is data, set by the <c>Enforcement</c>
/// recipe step, so another agency's kinds are added without code.
/// </summary>
public sealed record CaseKindDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>诉讼权利义务 (or 当事人权利义务): shown to every party of a case of this kind.</summary>
    public required string Rights { get; init; }

    public required IReadOnlyList<CaseEventType> Events { get; init; }

    public required IReadOnlyList<PartyRole> Roles { get; init; }

    /// <summary>The event that opens a case (受案, 受理): registered with the case, and no event may be dated before it.</summary>
    public CaseEventType Opening => Events.First(e => e.Opening);

    public CaseEventType? FindEvent(string code) => Events.FirstOrDefault(e => e.Code == code);

    public PartyRole? FindRole(string code) => Roles.FirstOrDefault(r => r.Code == code);
}

/// <summary>An event of a case's timeline: 立案, 采取刑事强制措施, 行政处罚决定 … and the legal document that records it.</summary>
public sealed record CaseEventType
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>The legal document (法律文书) usually issued, offered as the default document name.</summary>
    public required string Document { get; init; }

    /// <summary>What the event's detail says, when it needs one (强制措施种类: 刑事拘留, 取保候审 …); null when none.</summary>
    public string? DetailLabel { get; init; }

    public bool Opening { get; init; }
}

/// <summary>A party's role in a case (控告人, 被害人或其家属, 犯罪嫌疑人或其家属 …) and which events it is told of.</summary>
public sealed record PartyRole
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Codes of the events a party in this role sees; the 办案单位's contact and the rights text it always sees.</summary>
    public required IReadOnlySet<string> Sees { get; init; }
}

/// <summary>The kinds of case this office handles, as the recipes define them.</summary>
public sealed class CaseKinds(IReadOnlyList<CaseKindDefinition> kinds)
{
    public IReadOnlyList<CaseKindDefinition> All { get; } = kinds;

    public CaseKindDefinition? Find(string? code) => All.FirstOrDefault(k => k.Code == code);

    /// <summary>The event's name, or its code when the vocabulary no longer has it (a kind edited after the fact).</summary>
    public string EventName(string kind, string eventCode) => Find(kind)?.FindEvent(eventCode)?.Name ?? eventCode;
}
