using Disclosure.Core.Tables;
using Disclosure.Credit.Models;
using Disclosure.DataGenerator;
using Disclosure.Media.Tables;

namespace Disclosure.Bench.Import;

/// <summary>
/// A deterministic file of valid 行政处罚 rows (the data generator's <see cref="CreditCorpus"/> with a fixed seed: the
/// same bytes every run), written streaming in the import format, so parsing and masking do their real work.
/// </summary>
internal static class SampleFile
{
    public static void Write(string path, TableFormat format, int rows)
    {
        var data = Rows(rows);
        var headers = CreditFields.Penalty.Labels;
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        if (format == TableFormat.Xlsx)
        {
            XlsxTableWriter.WriteAsync(file, "行政处罚", headers, data).GetAwaiter().GetResult();
        }
        else
        {
            using var writer = new CsvTableWriter(new StreamWriter(file, CsvTableWriter.Utf8WithBom, 1 << 16));
            writer.WriteRow(headers);
            foreach (var row in data)
            {
                writer.WriteRow(row);
            }
        }
    }

    private static IEnumerable<string?[]> Rows(int count) =>
        new CreditCorpus(20261123, new DateOnly(2025, 12, 1), new DateOnly(2026, 9, 27)).Penalties(count);
}
