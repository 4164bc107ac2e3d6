namespace Disclosure.Enforcement.Api;

/// <summary>
/// The examples the OpenAPI document shows for 执法公开's operations (see <c>WithRequestExample</c>): a 刑事案件 of
/// 永宁县公安局 registered by its case-handling system, then its next steps, in the request and answer records
/// themselves, with values the registry accepts (the recipe's kind and role codes, 查询码 as printed on the 回执).
/// </summary>
internal static class ApiExamples
{
    private const string CaseNumber = "A6401215100002026120901";

    public static CaseRequest Case { get; } = new()
    {
        Number = CaseNumber,
        Kind = "criminal",
        UnitName = "永宁县公安局刑事侦查大队",
        UnitContact = "0951-8011110（工作日 8:30—12:00，14:30—18:00）",
        AcceptedOn = new DateOnly(2026, 12, 9),
        OpeningDocumentName = "受案回执",
        OpeningDocumentNumber = "永公(刑)受案字〔2026〕1209号",
        Parties =
        [
            new PartyRequest { Role = "victim", Name = "马文静", Phone = "13995112046", Notify = true },
            new PartyRequest { Role = "suspect", Name = "龚立军", IdNumber = "640121198503123014", Phone = "18809514417" },
        ],
    };

    public static RegisteredCaseResponse Registered { get; } = new(4127, CaseNumber,
    [
        new IssuedCodeResponse(9031, "被害人或其家属", "K7QM-3XPD-9RTA"),
        new IssuedCodeResponse(9032, "犯罪嫌疑人或其家属", "H4WN-8CFJ-2ZEB"),
    ]);

    public static EventBatchRequest Events { get; } = new()
    {
        Events =
        [
            new EventRequest
            {
                SourceEventId = "jz-20261210-0031", CaseNumber = CaseNumber, Type = "filed", FormedOn = new DateOnly(2026, 12, 10),
                DocumentName = "立案告知书", DocumentNumber = "永公(刑)立告字〔2026〕415号",
            },
            new EventRequest
            {
                SourceEventId = "jz-20261211-0007", CaseNumber = CaseNumber, Type = "coercive-measure", FormedOn = new DateOnly(2026, 12, 11),
                DocumentName = "拘留通知书", DocumentNumber = "永公(刑)拘通字〔2026〕88号", Detail = "刑事拘留",
            },
            new EventRequest
            {
                SourceEventId = "jz-20261211-0012", CaseNumber = "A6401215100002026110777", Type = "appraisal", FormedOn = new DateOnly(2026, 12, 11),
                DocumentName = "鉴定意见通知书", DocumentNumber = "永公(刑)鉴通字〔2026〕52号", Visible = false,
            },
        ],
    };

    /// <summary>The three events written; the victim of the first case asked to be told of each step, so two notices.</summary>
    public static EventBatchResponse Recorded { get; } = new(false, 3, 0, [CaseNumber, "A6401215100002026110777"], 2);
}
