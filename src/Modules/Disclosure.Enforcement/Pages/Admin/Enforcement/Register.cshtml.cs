using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Enforcement.Admin;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Enforcement.Pages.Admin.Enforcement;

/// <summary>One party row of the form; a row left wholly blank is not a party.</summary>
public sealed class PartyInput
{
    public string? Role { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public bool Notify { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>
/// 登记案件 by hand: the kind is chosen first (its roles and opening document differ), then the case and its 1–6
/// parties. On success the page prints each party's 回执 with the 查询码 issued just now — shown this once, never
/// stored — and nothing else; a refused case comes back with every problem in zh-CN and what was typed.
/// </summary>
[Authorize(Policy = EnforcementModule.AdminPolicy)]
public sealed class RegisterModel(CaseRegistry registry, CaseKindStore kinds) : PageModel
{
    public const int MaxParties = 6;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? UnitName { get; set; }
    [BindProperty] public string? UnitContact { get; set; }
    [BindProperty] public string? AcceptedOn { get; set; }
    [BindProperty] public string? OpeningDocumentName { get; set; }
    [BindProperty] public string? OpeningDocumentNumber { get; set; }
    [BindProperty] public List<PartyInput> Parties { get; set; } = [];

    public CaseKinds Kinds { get; private set; } = new([]);

    public CaseKindDefinition? Chosen { get; private set; }

    public IReadOnlyList<CaseInputError> Errors { get; private set; } = [];

    /// <summary>Set once the case is registered: one 回执 per party.</summary>
    public IReadOnlyList<CaseReceipt>? Receipts { get; private set; }

    public string? RegisteredNumber { get; private set; }

    public string? ErrorFor(string where) =>
        Errors.Where(e => e.Where == where).Select(e => e.Message).ToList() is { Count: > 0 } found ? string.Join(" ", found) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        AcceptedOn ??= Format.Date(registry.Today);
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var errors = new List<CaseInputError>();
        if (Chosen is null)
        {
            errors.Add(new CaseInputError("案件类别", "请选择案件类别。"));
        }

        if (!CalendarRules.TryParseDate(AcceptedOn, out var acceptedOn, out var dateError))
        {
            errors.Add(new CaseInputError("受案日期", dateError!));
        }

        var parties = Parties.Take(MaxParties).Where(p => !p.IsBlank).ToList();
        if (Parties.Skip(MaxParties).Any(p => !p.IsBlank))
        {
            errors.Add(new CaseInputError("当事人", $"一次最多登记 {MaxParties} 名当事人。"));
        }

        if (errors.Count == 0)
        {
            var input = new NewCase(Number ?? string.Empty, Chosen!.Code, UnitName ?? string.Empty, UnitContact ?? string.Empty, acceptedOn,
                parties.Select(p => new NewParty(p.Role ?? string.Empty, p.Name ?? string.Empty, p.IdNumber, p.Phone, p.Notify)).ToList())
            {
                OpeningDocumentName = OpeningDocumentName,
                OpeningDocumentNumber = OpeningDocumentNumber,
            };
            try
            {
                var registered = await registry.RegisterAsync(input with { AgencyCode = User.ToActor().AgencyCode }, User.Identity!.Name!, cancellationToken);
                var record = new Data.EnforcementCaseRecord
                {
                    Number = registered.Number, KindCode = Chosen.Code, UnitName = input.UnitName.Trim(), UnitContact = input.UnitContact.Trim(),
                    AcceptedOn = acceptedOn, StageCode = Chosen.Opening.Code, CreatedBy = User.Identity!.Name!,
                };
                var queryUrl = $"{Request.Scheme}://{Request.Host}{CaseReceipt.QueryPath}";
                Receipts = registered.Codes.Select((code, i) => CaseReceipt.For(CaseReceipt.Registered, record, Chosen, parties[i].Name!.Trim(), code, queryUrl, registry.Today)).ToList();
                RegisteredNumber = registered.Number;
                // The codes are on this page only: nothing may keep a copy of it.
                Response.Headers.CacheControl = "no-cache, no-store";
                return Page();
            }
            catch (CaseInputException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        Errors = errors;
        Pad();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Kinds = await kinds.GetAsync(cancellationToken);
        Chosen = Kinds.Find(Kind);
    }

    /// <summary>Always six rows to fill in, what was typed kept in its place.</summary>
    private void Pad()
    {
        Parties = Parties.Take(MaxParties).ToList();
        while (Parties.Count < MaxParties)
        {
            Parties.Add(new PartyInput());
        }
    }
}
