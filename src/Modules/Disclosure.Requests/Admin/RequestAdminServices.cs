using System.Globalization;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage.Entities;

namespace Disclosure.Requests.Admin;

/// <summary>
/// 申请登记簿: the office's own export of a year's applications, personal data included (CSV, UTF-8 with BOM so Excel
/// reads Chinese; every cell quoted and a leading = + - @ neutralised by <see cref="CsvTableWriter"/>). It is the only
/// export that carries applicants' data, and producing it is recorded in the ledger.
/// </summary>
public static class RequestRegisterExport
{
    public static readonly string[] Headers =
    [
        "申请编号", "收到申请日期", "申请方式", "申请人类型", "申请人", "证件类型", "证件号码", "法定代表人或负责人", "联系人", "联系电话", "通信地址",
        "邮政编码", "电子邮箱", "所需信息", "文号或索引号", "载体形式", "获取方式", "承办部门", "办理阶段", "补正告知日期", "收到补正日期",
        "延期工作日", "办理结果", "答复日期",
    ];

    public static byte[] ToCsv(IEnumerable<(InformationRequestRecord Request, ApplicantDetails Applicant)> rows, IReadOnlyDictionary<string, string> departments)
    {
        return CsvTableWriter.ToBytes(rows.Select(row => Cells(row.Request, row.Applicant, departments)).Prepend(Headers), quoteEveryCell: true);
    }

    private static string[] Cells(InformationRequestRecord r, ApplicantDetails a, IReadOnlyDictionary<string, string> departments) =>
            [
                r.Number, DateText.Date(r.ReceivedOn), RequestNames.Channel(r.Channel), ApplicantKinds.LongName(r.Kind), a.Name,
                IdentityDocumentTypes.DisplayName(a.IdType), a.IdNumber, a.LegalRepresentative ?? string.Empty, a.ContactName ?? string.Empty, a.Phone, a.Address,
                a.PostalCode ?? string.Empty, a.Email ?? string.Empty, r.Description, r.DocumentReference ?? string.Empty, RequestNames.Form(r.Form),
                RequestNames.Delivery(r.Delivery), r.DepartmentCode is { } d ? departments.GetValueOrDefault(d, d) : string.Empty, RequestNames.Stage(r.Stage),
                r.CorrectionRequestedOn is { } c ? DateText.Date(c) : string.Empty, r.CorrectionReceivedOn is { } cr ? DateText.Date(cr) : string.Empty,
                r.ExtensionDays > 0 ? r.ExtensionDays.ToString(CultureInfo.InvariantCulture) : string.Empty,
                r.Outcome is { } o ? RequestOutcomes.DisplayName(o) : string.Empty, r.ClosedOn is { } closed ? DateText.Date(closed) : string.Empty,
            ];
}
