using Disclosure.Core.Security;
using Disclosure.Core.Recipes;
using Disclosure.Requests.Models;

namespace Disclosure.Requests.Recipes;

/// <summary>
/// The <c>Requests</c> step: applications for disclosure (依申请公开) with their history, imported as they stand —
/// demo data, or an office's register moved from an earlier system. One JSON file holds a list:
/// <code>
/// { "requests": [ { "number": "2025-0001", "trackingCode": "K7QM3XPD9RTA", "channel": "Online", "receivedOn": "2025-02-10",
///     "applicant": { "kind": "NaturalPerson", "name": "…", "idType": "ResidentIdCard", "idNumber": "…", "phone": "…", "address": "…" },
///     "description": "…", "form": "Electronic", "delivery": "Email", "department": "hzs",
///     "correction": { "requestedOn": "…", "note": "…", "receivedOn": "…" },
///     "consultations": [ { "thirdParty": "…", "startedOn": "…", "repliedOn": "…" } ],
///     "extension": { "days": 15, "reason": "…", "approvedBy": "…", "decidedOn": "…" },
///     "outcome": "PartiallyDisclosed", "closedOn": "…", "reply": "…",
///     "appeals": [ { "kind": "Reconsideration", "filedOn": "…", "authority": "…", "result": "Upheld", "decidedOn": "…" } ] } ] }
/// </code>
/// The applicant is checked like the public form (a 居民身份证 needs its GB 11643 check digit). Numbers are the key:
/// applying the step again adds only applications not yet present.
/// </summary>
public sealed class RequestsStepReader : IRecipeStepReader
{
    public const string RequestsStepName = "Requests";

    public string StepName => RequestsStepName;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors) => ReadRequests(step, recipeFile, errors);

    private static RequestsStep? ReadRequests(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var source = step.String("source", required: true);
        if (source is null)
        {
            return null;
        }

        var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(recipeFile)!, source));
        if (!File.Exists(file))
        {
            step.Property("source")!.Value.Error($"申请数据文件“{file}”不存在。");
            return null;
        }

        using var document = RecipeReader.Parse(file, errors);
        if (document is null)
        {
            return null;
        }

        var root = new JsonCursor(document.RootElement, "$", file, errors);
        if (!root.RequireObject())
        {
            return null;
        }

        var requests = new List<RequestImport>();
        var numbers = new HashSet<string>();
        var codes = new HashSet<string>();
        foreach (var node in root.Array("requests", required: true))
        {
            if (!node.RequireObject() || ReadRequest(node) is not { } request)
            {
                continue;
            }

            if (!numbers.Add(request.Number))
            {
                node.Property("number")!.Value.Error($"申请编号“{request.Number}”重复。");
            }
            else if (!codes.Add(request.TrackingCode))
            {
                node.Property("trackingCode")!.Value.Error("查询码重复。");
            }
            else
            {
                requests.Add(request);
            }
        }

        return new RequestsStep(step.Path, file, requests);
    }

    private static RequestImport? ReadRequest(JsonCursor node)
    {
        var before = node.ErrorCount;
        var number = node.String("number", required: true);
        if (number is not null && !System.Text.RegularExpressions.Regex.IsMatch(number, @"^\d{4}-\d{4}$"))
        {
            node.Property("number")!.Value.Error("申请编号应为“年份-四位序号”，例如 2025-0001。");
        }

        var code = TrackingCode.Normalize(node.String("trackingCode", required: true));
        if (code is null && node.Property("trackingCode") is { } codeNode)
        {
            codeNode.Error($"查询码应为 {TrackingCode.Length} 位字母或数字。");
        }

        var channel = Enumerated<RequestChannel>(node, "channel");
        var receivedOn = RecipeReader.ReadCalendarDate(node, "receivedOn", required: true);

        ApplicationDetails? details = null;
        if (node.Property("applicant") is { } applicantNode && applicantNode.RequireObject())
        {
            var input = new ApplicationInput
            {
                Kind = applicantNode.String("kind"),
                Name = applicantNode.String("name"),
                IdType = applicantNode.String("idType"),
                IdNumber = applicantNode.String("idNumber"),
                LegalRepresentative = applicantNode.String("legalRepresentative"),
                ContactName = applicantNode.String("contactName"),
                Phone = applicantNode.String("phone"),
                Address = applicantNode.String("address"),
                PostalCode = applicantNode.String("postalCode"),
                Email = applicantNode.String("email"),
                Description = node.String("description"),
                DocumentReference = node.String("documentReference"),
                Form = node.String("form"),
                Delivery = node.String("delivery"),
                Agency = node.String("agency"),
            };
            details = input.Validate(out var problems);
            foreach (var (field, message) in problems)
            {
                var name = char.ToLowerInvariant(field[0]) + field[1..];
                (name is "description" or "documentReference" or "form" or "delivery" ? node : applicantNode).Error($"{name}：{message}");
            }
        }
        else if (node.Property("applicant") is null)
        {
            node.Error("缺少申请人 applicant。");
        }

        DateOnly? correctionOn = null, correctionReceivedOn = null;
        string? correctionNote = null;
        if (node.Property("correction") is { } correction && correction.RequireObject())
        {
            correctionOn = RecipeReader.ReadCalendarDate(correction, "requestedOn", required: true);
            correctionNote = correction.String("note", required: true);
            correctionReceivedOn = correction.Property("receivedOn") is null ? null : RecipeReader.ReadCalendarDate(correction, "receivedOn", required: false);
        }

        var consultations = new List<ConsultationImport>();
        foreach (var c in node.Array("consultations"))
        {
            var party = c.String("thirdParty", required: true);
            var started = RecipeReader.ReadCalendarDate(c, "startedOn", required: true);
            var replied = c.Property("repliedOn") is null ? null : RecipeReader.ReadCalendarDate(c, "repliedOn", required: false);
            if (party is not null && started is { } s)
            {
                consultations.Add(new ConsultationImport(party, s, replied));
            }
        }

        var extensionDays = 0;
        string? extensionReason = null, approvedBy = null;
        DateOnly? extendedOn = null;
        if (node.Property("extension") is { } extension && extension.RequireObject())
        {
            var days = extension.Number("days");
            if (days is not { } d || d != decimal.Truncate(d) || d < 1 || d > ReplyDeadline.MaxExtensionWorkingDays)
            {
                extension.Error($"days 应为 1 到 {ReplyDeadline.MaxExtensionWorkingDays} 之间的整数。");
            }
            else
            {
                extensionDays = (int)d;
            }

            extensionReason = extension.String("reason", required: true);
            approvedBy = extension.String("approvedBy", required: true);
            extendedOn = RecipeReader.ReadCalendarDate(extension, "decidedOn", required: true);
        }

        RequestOutcome? outcome = null;
        if (node.String("outcome") is { } outcomeText)
        {
            if (RequestOutcomes.TryParse(outcomeText, out var parsed))
            {
                outcome = parsed;
            }
            else
            {
                node.Property("outcome")!.Value.Error($"未知的办理结果“{outcomeText}”。");
            }
        }

        var closedOn = node.Property("closedOn") is null ? null : RecipeReader.ReadCalendarDate(node, "closedOn", required: false);
        if ((outcome is null) != (closedOn is null))
        {
            node.Error("办结的申请要同时给出 outcome 和 closedOn。");
        }

        var appeals = new List<AppealImport>();
        foreach (var a in node.Array("appeals"))
        {
            var kind = Enumerated<AppealKind>(a, "kind");
            var result = Enumerated<AppealResult>(a, "result");
            var filed = RecipeReader.ReadCalendarDate(a, "filedOn", required: true);
            var decided = a.Property("decidedOn") is null ? null : RecipeReader.ReadCalendarDate(a, "decidedOn", required: false);
            var authority = a.String("authority", required: true);
            if (kind is { } k && result is { } r && filed is { } f && authority is not null)
            {
                appeals.Add(new AppealImport(k, f, authority, a.String("caseNumber"), r, decided));
            }
        }

        if (node.ErrorCount != before || number is null || code is null || channel is null || receivedOn is null || details is null)
        {
            return null;
        }

        return new RequestImport
        {
            Number = number, TrackingCode = code, Channel = channel.Value, ReceivedOn = receivedOn.Value, Details = details,
            Department = node.String("department"),
            CorrectionRequestedOn = correctionOn, CorrectionNote = correctionNote, CorrectionReceivedOn = correctionReceivedOn,
            Consultations = consultations,
            ExtensionDays = extensionDays, ExtensionReason = extensionReason, ExtensionApprovedBy = approvedBy, ExtendedOn = extendedOn,
            Outcome = outcome, ClosedOn = closedOn, ReplyText = node.String("reply"),
            Appeals = appeals,
        };
    }

    private static T? Enumerated<T>(JsonCursor node, string name)
        where T : struct, Enum
    {
        var text = node.String(name, required: true);
        if (text is null)
        {
            return null;
        }

        if (RequestNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        node.Property(name)!.Value.Error($"“{text}”无效，可用：{string.Join("、", Enum.GetNames<T>())}。");
        return null;
    }
}

/// <summary>Imports applications for disclosure (依申请公开) with their history from one JSON file; see <see cref="RequestsStepReader"/>.</summary>
public sealed record RequestsStep(string Path, string SourceFile, IReadOnlyList<RequestImport> Requests) : RecipeStep(Path);
