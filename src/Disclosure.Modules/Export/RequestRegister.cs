using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Modules.Export;

/// <summary>
/// The 依申请公开 register as the Requests recipe step reads it (see <c>RequestsStepReader</c>): each application with
/// its applicant, correction, consultations, extension, outcome and appeals, so an export re-imports as it stands.
/// </summary>
internal static class RequestRegister
{
    public static async Task<JsonObject> BuildAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var requests = await db.Set<InformationRequestRecord>().AsNoTracking().Include(r => r.Consultations).Include(r => r.Appeals).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var applicants = await db.Set<RequestApplicantRecord>().AsNoTracking().ToDictionaryAsync(a => a.RequestId, cancellationToken);
        var array = new JsonArray();
        foreach (var request in requests)
        {
            if (!applicants.TryGetValue(request.Id, out var applicant))
            {
                continue; // the reader requires an applicant; requests.json still lists such an application
            }

            var applicantNode = new JsonObject
            {
                ["kind"] = request.Kind.ToString(), ["name"] = applicant.Name, ["idType"] = applicant.IdType.ToString(), ["idNumber"] = applicant.IdNumber,
                ["phone"] = applicant.Phone, ["address"] = applicant.Address,
            };
            Put(applicantNode, "legalRepresentative", applicant.LegalRepresentative);
            Put(applicantNode, "contactName", applicant.ContactName);
            Put(applicantNode, "postalCode", applicant.PostalCode);
            Put(applicantNode, "email", applicant.Email);
            var node = new JsonObject
            {
                ["number"] = request.Number, ["trackingCode"] = request.TrackingCode, ["channel"] = request.Channel.ToString(), ["receivedOn"] = Date(request.ReceivedOn),
                ["agency"] = request.AgencyCode, ["applicant"] = applicantNode, ["description"] = request.Description,
                ["form"] = request.Form.ToString(), ["delivery"] = request.Delivery.ToString(),
            };
            Put(node, "documentReference", request.DocumentReference);
            Put(node, "department", request.DepartmentCode);
            if (request.CorrectionRequestedOn is { } correctionOn)
            {
                var correction = new JsonObject { ["requestedOn"] = Date(correctionOn), ["note"] = request.CorrectionNote ?? "" };
                Put(correction, "receivedOn", Date(request.CorrectionReceivedOn));
                node["correction"] = correction;
            }

            node["consultations"] = new JsonArray(request.Consultations.OrderBy(c => c.Id).Select(c =>
            {
                var consultation = new JsonObject { ["thirdParty"] = c.ThirdParty, ["startedOn"] = Date(c.StartedOn) };
                Put(consultation, "repliedOn", Date(c.RepliedOn));
                return (JsonNode)consultation;
            }).ToArray());
            if (request.ExtensionDays > 0)
            {
                node["extension"] = new JsonObject
                {
                    ["days"] = request.ExtensionDays, ["reason"] = request.ExtensionReason, ["approvedBy"] = request.ExtensionApprovedBy, ["decidedOn"] = Date(request.ExtendedOn),
                };
            }

            if (request.Outcome is { } outcome)
            {
                node["outcome"] = outcome.ToString();
                node["closedOn"] = Date(request.ClosedOn);
            }

            Put(node, "reply", request.ReplyText);
            node["appeals"] = new JsonArray(request.Appeals.OrderBy(a => a.Id).Select(a =>
            {
                var appeal = new JsonObject { ["kind"] = a.Kind.ToString(), ["filedOn"] = Date(a.FiledOn), ["authority"] = a.Authority, ["result"] = a.Result.ToString() };
                Put(appeal, "caseNumber", a.CaseNumber);
                Put(appeal, "decidedOn", Date(a.DecidedOn));
                return (JsonNode)appeal;
            }).ToArray());
            array.Add(node);
        }

        return new JsonObject { ["description"] = "依申请公开登记（站点导出，含申请人个人信息）。", ["requests"] = array };
    }

    private static void Put(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
