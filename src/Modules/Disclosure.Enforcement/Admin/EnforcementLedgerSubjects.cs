using Disclosure.Enforcement.Services;
using Disclosure.Storage.Ledger;

namespace Disclosure.Enforcement.Admin;

/// <summary>A case's 台账 subject (<c>case:A6401215100002026090031</c>) as the 台账 page shows it: its 案件编号, linked to its admin page.</summary>
public sealed class EnforcementLedgerSubjects : ILedgerSubjectResolver
{
    public Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Where(s => s.StartsWith(EnforcementLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var number = subject[EnforcementLedgerActions.SubjectPrefix.Length..];
            // Only the 案件编号: the 台账 is read by people not entitled to the parties' data.
            resolved[subject] = new LedgerSubject($"执法案件 {number}", "/admin/enforcement/" + Uri.EscapeDataString(number));
        }

        return Task.CompletedTask;
    }
}
