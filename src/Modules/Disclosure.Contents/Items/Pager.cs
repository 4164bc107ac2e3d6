namespace Disclosure.Contents.Items;

/// <summary>What a theme's pager needs: where we are and how to link to any other page.</summary>
public sealed record Pager(int Page, int PageCount, int Total, Func<int, string> Url)
{
    public static Pager For(RowPage rows, Func<int, string> url) => new(rows.Page, rows.PageCount, rows.Total, url);
}
