using Disclosure.Admin;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;

namespace Disclosure.Accounts;

/// <summary>An account's 台账 subject (<c>user:zhangsan</c>) as the 台账 page shows it: 姓名（部门）, linked to the account's page.</summary>
public sealed class AccountLedgerSubjects(UserDirectory people) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects.Where(s => s.StartsWith(AccountLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var userName = subject[AccountLedgerActions.SubjectPrefix.Length..];
            var person = await people.FindAsync(userName, cancellationToken);
            resolved[subject] = new LedgerSubject($"用户 {person.Label}", "/admin/users/" + Uri.EscapeDataString(userName));
        }
    }
}
