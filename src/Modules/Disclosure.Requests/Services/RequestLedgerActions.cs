namespace Disclosure.Requests.Services;

/// <summary>
/// The 依申请公开 actions recorded in the 信息发布台账. Their detail never holds personal data (the ledger is read by
/// leaders and exported): the application is named by its 申请编号 in the entry's subject, <c>request:2026-0012</c>.
/// </summary>
public static class RequestLedgerActions
{
    public const string SubjectPrefix = "request:";

    public const string Registered = "request-registered";
    public const string ApplicantViewed = "request-applicant-viewed";
    public const string CorrectionRequested = "request-correction-requested";
    public const string CorrectionReceived = "request-correction-received";
    public const string ConsultationStarted = "request-consultation-started";
    public const string ConsultationEnded = "request-consultation-ended";
    public const string Extended = "request-extended";
    public const string Assigned = "request-assigned";
    public const string Closed = "request-closed";
    public const string LetterDownloaded = "request-letter-downloaded";
    public const string ReleasedFileAdded = "request-released-file-added";
    public const string ReleasedFileRemoved = "request-released-file-removed";
    public const string AppealRecorded = "request-appeal-recorded";
    public const string AppealUpdated = "request-appeal-updated";
    public const string RegisterExported = "request-register-exported";

    public static string Subject(string number) => SubjectPrefix + number;

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        Registered => "登记政府信息公开申请",
        ApplicantViewed => "查看申请人信息",
        CorrectionRequested => "补正告知",
        CorrectionReceived => "收到补正申请",
        ConsultationStarted => "征求第三方意见",
        ConsultationEnded => "第三方意见答复",
        Extended => "延期答复",
        Assigned => "分办承办部门",
        Closed => "办结答复",
        LetterDownloaded => "下载告知书",
        ReleasedFileAdded => "添加公开的信息（答复附件）",
        ReleasedFileRemoved => "删除公开的信息（答复附件）",
        AppealRecorded => "登记行政复议或行政诉讼",
        AppealUpdated => "更新行政复议或行政诉讼结果",
        RegisterExported => "导出申请登记簿（含个人信息）",
        _ => null,
    };
}
