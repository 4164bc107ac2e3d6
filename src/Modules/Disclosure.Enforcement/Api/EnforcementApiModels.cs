using Disclosure.Enforcement.Models;

namespace Disclosure.Enforcement.Api;

/// <summary>A case to register, with its parties (the body of <c>POST /api/v1/enforcement/cases</c>).</summary>
public sealed record CaseRequest
{
    /// <summary>案件编号.</summary>
    public string? Number { get; init; }

    /// <summary>案件类别 code (criminal, administrative …).</summary>
    public string? Kind { get; init; }

    /// <summary>办案单位.</summary>
    public string? UnitName { get; init; }

    /// <summary>办案单位联系方式.</summary>
    public string? UnitContact { get; init; }

    /// <summary>受案日期 (yyyy-MM-dd).</summary>
    public DateOnly AcceptedOn { get; init; }

    public string? OpeningDocumentName { get; init; }

    public string? OpeningDocumentNumber { get; init; }

    public List<PartyRequest> Parties { get; init; } = [];

    internal NewCase ToInput() => new(Number ?? string.Empty, Kind ?? string.Empty, UnitName ?? string.Empty, UnitContact ?? string.Empty, AcceptedOn,
        Parties.Select(p => new NewParty(p.Role ?? string.Empty, p.Name ?? string.Empty, p.IdNumber, p.Phone, p.Notify)).ToList())
    {
        OpeningDocumentName = OpeningDocumentName,
        OpeningDocumentNumber = OpeningDocumentNumber,
    };
}

/// <summary>A party: the role code of the case's kind, the name, the ID number or phone (or both), and whether to notify them of each step.</summary>
public sealed record PartyRequest
{
    public string? Role { get; init; }

    public string? Name { get; init; }

    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    /// <summary>Notify the party of each new visible step their role sees (办理进度通知, through the app webhook).</summary>
    public bool Notify { get; init; }
}

/// <summary>The registered case and each party's 查询码 — returned this once, for the 回执; only a hash is kept.</summary>
public sealed record RegisteredCaseResponse(long Id, string Number, IReadOnlyList<IssuedCodeResponse> Parties);

public sealed record IssuedCodeResponse(long PartyId, string Role, string QueryCode);

/// <summary>A batch of events (the body of <c>POST /api/v1/enforcement/events</c>).</summary>
public sealed record EventBatchRequest
{
    public List<EventRequest> Events { get; init; } = [];
}

/// <summary>One event; <see cref="SourceEventId"/> is the source system's own id, which makes sending it again harmless.</summary>
public sealed record EventRequest
{
    public string? SourceEventId { get; init; }

    public string? CaseNumber { get; init; }

    /// <summary>The event type: its code in the case's kind, or its zh-CN name.</summary>
    public string? Type { get; init; }

    /// <summary>形成日期 (yyyy-MM-dd): not in the future, not before 受案.</summary>
    public DateOnly FormedOn { get; init; }

    public string? DocumentName { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Detail { get; init; }

    /// <summary>Shown to the parties at once (default); false holds it back until released in the admin.</summary>
    public bool Visible { get; init; } = true;

    internal NewCaseEvent ToInput() => new(CaseNumber ?? string.Empty, Type ?? string.Empty, FormedOn, DocumentName, DocumentNumber, Detail, Visible, SourceEventId);
}

/// <summary>What a batch did, or in a dry run would do.</summary>
public sealed record EventBatchResponse(bool DryRun, int Added, int AlreadyPresent, IReadOnlyList<string> CaseNumbers, int Notices);

/// <summary>One refused input in a problem's <c>errors</c>: where (第 3 条 …), why, and the 0-based index in the batch when it is about one event or party.</summary>
public sealed record InputErrorResponse(string Where, string Message, int? Item);
