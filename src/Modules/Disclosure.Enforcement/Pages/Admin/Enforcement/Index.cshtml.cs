using Disclosure.Admin;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Enforcement.Pages.Admin.Enforcement;

/// <summary>
/// 执法公开: first the due board (per 办案单位, events not yet visible to the parties, 待公开 and 超期未公开), then the
/// case list by 案件编号, kind and unit, newest first, a page at a time. A board figure opens that unit's held events.
/// No party and no personal data on this page.
/// </summary>
[Authorize(Policy = EnforcementModule.AdminPolicy)]
public sealed class EnforcementIndexModel(CaseAdminQueries queries, CaseKindStore kinds) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    /// <summary><c>pending</c> or <c>overdue</c>: list that unit's held events instead of the cases.</summary>
    [BindProperty(SupportsGet = true)] public string? Held { get; set; }

    public IReadOnlyList<DueBoardRow> Board { get; private set; } = [];

    public CaseListPage Cases { get; private set; } = new([], null);

    public IReadOnlyList<HeldEventRow>? HeldEvents { get; private set; }

    public bool HeldOverdue => Held == "overdue";

    public CaseKinds Kinds { get; private set; } = new([]);

    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = await kinds.GetAsync(cancellationToken);
        Board = await queries.BoardAsync(User.ToActor(), cancellationToken);
        if (Held is "pending" or "overdue" && !string.IsNullOrWhiteSpace(Unit))
        {
            HeldEvents = await queries.HeldAsync(Unit.Trim(), HeldOverdue, User.ToActor(), cancellationToken);
            return Page();
        }

        // A whole 案件编号 opens its case at once; only a part of one searches the list.
        if (Before is null && string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Unit) && await queries.ExactNumberAsync(Q, cancellationToken) is { } number)
        {
            return Redirect("/admin/enforcement/" + Uri.EscapeDataString(number));
        }

        Cases = await queries.ListAsync(new CaseListFilter(Q, string.IsNullOrWhiteSpace(Kind) ? null : Kind, Unit, Before), User.ToActor(), cancellationToken);
        return Page();
    }

    /// <summary>The list's address with the same filters and another keyset.</summary>
    public string PageUrl(long? before)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("kind", Kind);
        Add("unit", Unit);
        Add("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/enforcement" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query)) + "#cases";
    }

    public static string HeldUrl(string unit, bool overdue) =>
        $"/admin/enforcement?unit={Uri.EscapeDataString(unit)}&held={(overdue ? "overdue" : "pending")}#held";
}
