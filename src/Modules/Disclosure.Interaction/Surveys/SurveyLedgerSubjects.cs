using System.Globalization;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Surveys;

/// <summary>A survey's 台账 subject (<c>survey:12</c>) as the 台账 page shows it: its title, linked to its admin page.</summary>
internal sealed class SurveyLedgerSubjects(DisclosureDbContext db) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var ids = subjects
            .Where(s => s.StartsWith(SurveyLedgerActions.SubjectPrefix, StringComparison.Ordinal))
            .Select(s => long.TryParse(s.AsSpan(SurveyLedgerActions.SubjectPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var survey in await db.Set<SurveyRecord>().AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken))
        {
            resolved[SurveyLedgerActions.Subject(survey.Id)] = new LedgerSubject($"社会评议《{survey.Title}》", SurveyPaths.Admin(survey.Id));
        }
    }
}
