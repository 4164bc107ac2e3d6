using Disclosure.Requests.Models;
namespace Disclosure.Requests.Public;

/// <summary>依申请公开 landing page: how to apply, the channels and the office's contact.</summary>
public sealed record RequestsIntroPage(string OfficeContact);

/// <summary>The application form: what was typed, the problems per field (zh-CN) and a fresh captcha.</summary>
public sealed record ApplicationFormPage(
    ApplicationInput Input,
    IReadOnlyDictionary<string, string> Errors,
    string CaptchaId,
    string CaptchaImage,
    string OfficeContact,
    IReadOnlyList<AgencyChoice> Agencies)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of the message element of a field, for aria-describedby.</summary>
    public static string ErrorId(string field) => "error-" + field;
}

/// <summary>An agency the public form offers (受理机关), indented by its depth in the tree.</summary>
public sealed record AgencyChoice(string Code, string Name, int Depth)
{
    /// <summary>The option's text: 鄂尔多斯市公安局 / 　伊金霍洛旗公安局 (full-width spaces, which a select keeps).</summary>
    public string Label => new string('\u3000', Depth) + Name;
}

/// <summary>申请回执: what the applicant needs to follow the application. No personal data beyond what they asked for.</summary>
public sealed record ApplicationReceiptPage(
    string Number,
    string TrackingCode,
    DateOnly ReceivedOn,
    DateOnly Due,
    bool DueProvisional,
    string Kind,
    string Description,
    string? DocumentReference,
    string Form,
    string Delivery,
    string OfficeContact)
{
    /// <summary>The agency the application is addressed to (受理机关).</summary>
    public string AgencyName { get; init; } = string.Empty;
}

/// <summary>The status query form and, after a query, its answer (stage and deadline only) or 未找到.</summary>
public sealed record StatusQueryPage(string? TrackingCode, string? SecondFactor, StatusAnswer? Answer, bool NotFound, string? Error);

public sealed record StatusAnswer(string TrackingCode, string Stage, DateOnly? Due, bool Provisional, DateOnly? ClosedOn)
{
    /// <summary>在线查看 after 办结: the reply letter and the released files as signed, short-lived download links.</summary>
    public IReadOnlyList<ReplyDownload> Downloads { get; init; } = [];
}

/// <summary>One document of an 在线查看 reply: what it is (答复告知书 or 公开的信息), its name and its signed link.</summary>
public sealed record ReplyDownload(string What, string FileName, string Url);
