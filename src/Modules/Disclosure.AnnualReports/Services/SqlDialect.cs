using System.Runtime.CompilerServices;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Services;

/// <summary>
/// The few SQL fragments SQLite and PostgreSQL spell differently, for the report's aggregations over the JSON
/// inside content versions: reading a text value at a path, and expanding a JSON array into rows.
/// </summary>
internal sealed class SqlDialect(bool postgres)
{
    public static SqlDialect For(DisclosureDbContext db) => new(db.Database.IsNpgsql());

    /// <summary>The text at <c>Part.Field</c> of a version's data, or NULL. Braces are doubled for a composite format.</summary>
    public string Json(string alias, string part, string field) => postgres
        ? $"({alias}.\"DataJson\"::jsonb #>> '{{{{{part},{field}}}}}')"
        : $"json_extract({alias}.\"DataJson\", '$.{part}.{field}')";

    /// <summary>
    /// A FROM-clause item that yields one row per element of the array at <c>Part.Field.rows</c> (a Table field),
    /// aliased <paramref name="rowAlias"/>, with <see cref="Cell"/> reading its cells.
    /// </summary>
    public string TableRows(string alias, string part, string field, string rowAlias) => postgres
        ? $"CROSS JOIN LATERAL jsonb_array_elements(COALESCE({alias}.\"DataJson\"::jsonb #> '{{{{{part},{field},rows}}}}', '[]'::jsonb)) AS {rowAlias}"
        : $", json_each({alias}.\"DataJson\", '$.{part}.{field}.rows') AS {rowAlias}";

    /// <summary>Cell <paramref name="index"/> of a table row as text.</summary>
    public string Cell(string rowAlias, int index) => postgres
        ? $"({rowAlias}.value ->> {index})"
        : $"json_extract({rowAlias}.value, '$[{index}]')";

    /// <summary>A cell as a number when it is one, else NULL (a typing mistake must not fail the whole report).</summary>
    public string NumericCell(string rowAlias, int index) => postgres
        ? $"(CASE WHEN TRIM({Cell(rowAlias, index)}) ~ '^[0-9]+(\\.[0-9]+)?$' THEN TRIM({Cell(rowAlias, index)})::numeric END)"
        : $"(CASE WHEN TRIM({Cell(rowAlias, index)}) GLOB '[0-9]*' AND TRIM({Cell(rowAlias, index)}) NOT GLOB '*[^0-9.]*' THEN CAST(TRIM({Cell(rowAlias, index)}) AS REAL) END)";

    /// <summary>A composite format (fragments above already escaped) with {0}, {1} … as parameters.</summary>
    public static FormattableString Query(string format, params object?[] arguments) => FormattableStringFactory.Create(format, arguments);
}
