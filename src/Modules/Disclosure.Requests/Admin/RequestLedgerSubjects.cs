using Disclosure.Requests.Services;
using Disclosure.Storage.Ledger;

namespace Disclosure.Requests.Admin;

/// <summary>An application's 台账 subject (<c>request:2026-0012</c>) as the 台账 page shows it: its 申请编号, linked to its admin page.</summary>
public sealed class RequestLedgerSubjects : ILedgerSubjectResolver
{
    public Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Where(s => s.StartsWith(RequestLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var number = subject[RequestLedgerActions.SubjectPrefix.Length..];
            // Only the 申请编号: the ledger is read by people not entitled to the applicant's data.
            resolved[subject] = new LedgerSubject($"申请 {number}", "/admin/requests/" + Uri.EscapeDataString(number));
        }

        return Task.CompletedTask;
    }
}
