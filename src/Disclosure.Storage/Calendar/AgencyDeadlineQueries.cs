using System.Linq.Expressions;
using Disclosure.Core.Calendar;

namespace Disclosure.Storage.Calendar;

/// <summary>
/// "Overdue" as a database predicate when each agency counts on its own calendar: a per-agency cutoff date
/// (<see cref="WorkingDayCalendar.LatestStartEndedBefore"/>) grouped by value (<see cref="AgencyCalendars.Group"/>), so
/// the SQL is one comparison for every agency on the national calendar and one per distinct local cutoff —
/// <c>(agency NOT IN (…) AND date &lt;= @national) OR (agency IN (…) AND date &lt;= @local)</c>.
/// </summary>
public static class AgencyDeadlineQueries
{
    /// <summary>Rows whose date is on or before their agency's cutoff (<paramref name="onOrBefore"/>), or after it.</summary>
    public static IQueryable<T> WhereCutoff<T>(
        this IQueryable<T> rows,
        Expression<Func<T, string>> agency,
        Expression<Func<T, DateOnly>> date,
        CutoffGroups<DateOnly> cutoffs,
        bool onOrBefore = true) =>
        rows.Where(Predicate(agency, date, cutoffs, onOrBefore));

    public static Expression<Func<T, bool>> Predicate<T>(
        Expression<Func<T, string>> agency,
        Expression<Func<T, DateOnly>> date,
        CutoffGroups<DateOnly> cutoffs,
        bool onOrBefore = true)
    {
        var row = agency.Parameters[0];
        var agencyCode = agency.Body;
        var dateValue = new Rebind(date.Parameters[0], row).Visit(date.Body);

        Expression Compare(DateOnly cutoff) => onOrBefore
            ? Expression.LessThanOrEqual(dateValue, Expression.Constant(cutoff))
            : Expression.GreaterThan(dateValue, Expression.Constant(cutoff));

        Expression In(IReadOnlyList<string> codes) =>
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(codes.ToList()), agencyCode);

        var body = cutoffs.Others.Count == 0
            ? Compare(cutoffs.National)
            : Expression.AndAlso(Expression.Not(In(cutoffs.OtherCodes)), Compare(cutoffs.National));
        foreach (var group in cutoffs.Others)
        {
            body = Expression.OrElse(body, Expression.AndAlso(In(group.AgencyCodes), Compare(group.Value)));
        }

        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
