namespace Disclosure.Core.Paging;

/// <summary>
/// How far anyone may page through a list. Page numbers come from the query string; without a bound,
/// <c>page=2147483647</c> makes <c>(page - 1) * pageSize</c> overflow into a negative OFFSET, which PostgreSQL refuses
/// with an error (and SQLite quietly reads as 0). Nobody reads the hundred-thousandth page of a list; search and the
/// filters are the way there.
/// </summary>
public static class PageLimits
{
    public const int MaxPage = 100_000;

    /// <summary>A page number a list accepts: from 1 to <see cref="MaxPage"/>.</summary>
    public static bool IsValidPage(long page) => page is >= 1 and <= MaxPage;

    /// <summary>The rows to skip for a page, checked so that it can never overflow or turn negative.</summary>
    public static int Offset(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, MaxPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return checked((page - 1) * pageSize);
    }
}
