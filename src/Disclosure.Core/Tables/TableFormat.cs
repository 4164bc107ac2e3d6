namespace Disclosure.Core.Tables;

/// <summary>The file formats an office exchanges tables in.</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

public static class TableFormats
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(TableFormat format) => format == TableFormat.Xlsx ? ".xlsx" : ".csv";

    public static string ContentType(TableFormat format) => format == TableFormat.Xlsx ? XlsxContentType : CsvContentType;

    /// <summary>From a query value or file name (<c>xlsx</c>, <c>名单.XLSX</c>); null when neither CSV nor XLSX.</summary>
    public static TableFormat? FromName(string? name)
    {
        var extension = name is null ? string.Empty : (Path.GetExtension(name) is { Length: > 0 } e ? e : "." + name).ToLowerInvariant();
        return extension switch
        {
            ".csv" => TableFormat.Csv,
            ".xlsx" => TableFormat.Xlsx,
            _ => null,
        };
    }
}
