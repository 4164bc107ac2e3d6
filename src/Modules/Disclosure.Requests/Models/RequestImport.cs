namespace Disclosure.Requests.Models;

/// <summary>An application as a recipe imports it, with its history as it stands.</summary>
public sealed record RequestImport
{
    public required string Number { get; init; }
    public required string TrackingCode { get; init; }
    public required RequestChannel Channel { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required ApplicationDetails Details { get; init; }
    public string? Department { get; init; }
    public DateOnly? CorrectionRequestedOn { get; init; }
    public string? CorrectionNote { get; init; }
    public DateOnly? CorrectionReceivedOn { get; init; }
    public IReadOnlyList<ConsultationImport> Consultations { get; init; } = [];
    public int ExtensionDays { get; init; }
    public string? ExtensionReason { get; init; }
    public string? ExtensionApprovedBy { get; init; }
    public DateOnly? ExtendedOn { get; init; }
    public RequestOutcome? Outcome { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? ReplyText { get; init; }
    public IReadOnlyList<AppealImport> Appeals { get; init; } = [];
}

public sealed record ConsultationImport(string ThirdParty, DateOnly StartedOn, DateOnly? RepliedOn);

public sealed record AppealImport(AppealKind Kind, DateOnly FiledOn, string Authority, string? CaseNumber, AppealResult Result, DateOnly? DecidedOn);
