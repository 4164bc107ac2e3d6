namespace Disclosure.Storage.Ledger;

/// <summary>
/// Names the 台账 subjects a module records (<c>request:2026-0012</c>, <c>penalty/12</c>, <c>user:zhangsan</c> …) for the
/// 台账 page and its export: a title and the admin page it opens. Each module registers one for its own subjects (as
/// it names its actions with <see cref="Modules.IDisclosureModule.LedgerActionName"/>), so the page, in the Admin
/// module, knows none of their tables; a subject no module claims is read as a content item's id.
/// </summary>
public interface ILedgerSubjectResolver
{
    /// <summary>
    /// Adds to <paramref name="resolved"/> those of <paramref name="subjects"/> (a page of entries' worth, distinct) that are
    /// this module's, looking up what it needs in one go rather than per subject.
    /// </summary>
    Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken);
}
