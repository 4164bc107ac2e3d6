using Disclosure.Admin;
using Disclosure.Core.Tables;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Credit.Pages.Admin.Credit;

/// <summary>
/// Enter or correct a 双公示 draft, field by field as the national standard lists them. The form is checked by the
/// same parser as an import row, so the same mistakes are caught with the same zh-CN messages; a refused form is
/// shown again with everything typed kept.
/// </summary>
[Authorize(Policy = CreditModule.AdminPolicy)]
[CreditRecordAccess]
public sealed class EditModel(CreditRecordStore store, CreditSettings settings, CreditAdminQuery query) : PageModel
{
    [FromRoute(Name = "kind")]
    public string KindSlug { get; set; } = string.Empty;

    [FromRoute]
    public long? Id { get; set; }

    public CreditRecordKind Kind { get; private set; }

    public CreditFieldSet Set => CreditFields.For(Kind);

    public Dictionary<string, string?> Values { get; private set; } = [];

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public string? Error { get; private set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        if (Id is { } id)
        {
            if (await store.FindAsync(kind, id, cancellationToken) is not { } row)
            {
                return NotFound();
            }

            if (row.Status != CreditRecordStatus.Draft)
            {
                TempData["Message"] = "已公示的记录不能修改；决定变更的，请先撤回，再按变更后的决定重新录入。";
                return Redirect(CreditAdmin.Url(kind, id));
            }

            var values = CreditRowFormatter.Format(CreditRecordMapper.ToData(row));
            Values = Set.Fields.Select((f, i) => (f.Key, values[i])).ToDictionary(x => x.Key, x => x.Item2);
        }
        else
        {
            // The office's own agency is the usual authority and data source.
            var agencyCode = User.ToActor().AgencyCode;
            var agency = await query.DefaultAgencyAsync(agencyCode, cancellationToken);
            Values[CreditFields.Authority] = Values[CreditFields.SourceUnit] = agency?.Name;
            Values[CreditFields.AuthorityCreditCode] = Values[CreditFields.SourceUnitCreditCode] = agency?.CreditCode;
            if (kind == CreditRecordKind.Licence)
            {
                Values[CreditFields.CurrentState] = "有效";
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        Values = Set.Fields.ToDictionary<CreditField, string, string?>(
            f => f.Key,
            f => f.Type == CreditFieldType.MultiChoice ? string.Join("、", Request.Form[f.Key].Where(v => !string.IsNullOrEmpty(v))) : Request.Form[f.Key].ToString());
        var (record, problems) = await store.ParseAsync(new CreditRowValues(Set, Set.Fields.Select(f => Values[f.Key]).ToArray()), Id, cancellationToken);
        if (record is null)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            var id = Id ?? 0;
            if (Id is { } existing)
            {
                await store.UpdateAsync(existing, record, User.Identity!.Name!, cancellationToken);
            }
            else
            {
                id = await store.CreateAsync(record, User.Identity!.Name!, User.ToActor().AgencyCode, cancellationToken);
            }

            TempData["Message"] = CreditPublication.Blocks(record, await settings.GetPolicyAsync(cancellationToken)).Count > 0
                ? "已保存草稿。该记录依法不予公示，仅在内部留存。"
                : "已保存草稿，请公开办审核公示。";
            return Redirect(CreditAdmin.Url(kind, id));
        }
        catch (Exception ex) when (ex is CreditValidationException or CreditStateException)
        {
            Problems = ex is CreditValidationException invalid ? invalid.Problems : [];
            Error = ex is CreditStateException ? ex.Message : null;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    public IEnumerable<string> ErrorsFor(CreditField field) => Problems.Where(p => p.Column == field.Label).Select(p => p.Message);
}
