using Disclosure.Admin;
using Disclosure.Storage.Supervision;
using Disclosure.Supervision.Board;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Supervision.Pages.Admin.Supervision;

/// <summary>The items behind one count of the board: one clock, optionally one state and one department.</summary>
[Authorize(Policy = SupervisionModule.AdminPolicy)]
public sealed class SupervisionClockModel(SupervisionBoard board, AdminLookups lookups) : PageModel
{
    public BoardScope Scope { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    public ISupervisionClock Clock { get; private set; } = null!;

    public ClockState? State { get; private set; }

    public string? DepartmentLabel { get; private set; }

    public DepartmentNames Names { get; private set; } = null!;

    public IReadOnlyList<ClockEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, string? state, string? dagency, string? department, CancellationToken cancellationToken)
    {
        if (board.Find(key) is not { } clock)
        {
            return NotFound();
        }

        Clock = clock;
        Agencies = await lookups.AgencyNamesAsync(cancellationToken);
        Scope = BoardScope.Read(HttpContext, board.Today, Agencies);
        State = Enum.TryParse<ClockState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Names = await board.DepartmentNamesAsync(Scope.AgencyCode, cancellationToken);
        DepartmentKey? departmentKey = null;
        if (!string.IsNullOrEmpty(dagency) && !string.IsNullOrEmpty(department))
        {
            departmentKey = new DepartmentKey(dagency, department == "-" ? null : department);
            DepartmentLabel = Names.Label(departmentKey);
        }

        Entries = await board.EntriesAsync(clock, Scope.AgencyCode, Scope.Period, State, departmentKey, cancellationToken);
        return Page();
    }
}
