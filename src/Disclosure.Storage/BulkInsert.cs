using System.Data.Common;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Storage;

/// <summary>
/// Inserts many rows of one entity type inside the caller's transaction with one prepared multi-row INSERT, reused
/// for every full batch of rows — the 双公示 import and the data generator. EF's SaveChanges spends about a third of a
/// millisecond per 双公示 row on change tracking and command building, and talks to the server once per row; this
/// builds each row's values once and sends a batch per statement. The statement, column names and every value conversion (enums as text, instants as UTC,
/// DateOnly) come from EF's own model and type mappings, so it writes exactly what SaveChanges would, on SQLite and
/// PostgreSQL alike. Generated keys (the identity column) are left to the database. Call <see cref="FlushAsync"/>
/// after the last row.
/// </summary>
public sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    /// <summary>
    /// Parameters per statement on a server engine: PostgreSQL accepts 65,535, and each statement saves a round trip.
    /// SQLite runs in-process (no round trip to save) and looks bound parameters up by name one by one, so there a
    /// single-row statement, prepared once, is fastest.
    /// </summary>
    private const int MaxParameters = 10_000;

    private readonly DisclosureDbContext _db;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly string _insertInto;
    private readonly int _rowsPerStatement;
    private readonly List<object?[]> _pending = [];
    private DbCommand? _full;
    private bool _fullPrepared;
    private bool _written;

    public BulkInsert(DisclosureDbContext db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        _insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        _rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / _columns.Length);
    }

    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        if (row is IAgencyOwned { AgencyCode: null or "" })
        {
            // SaveChanges checks this for tracked rows (AgencyOwnership); the bulk path bypasses it, so check here too.
            throw new InvalidOperationException($"{typeof(T).Name} 未指定所属机构，不能保存。");
        }

        var values = new object?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var (property, mapping) = _columns[i];
            var value = property.GetGetter().GetClrValue(row);
            values[i] = value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        _pending.Add(values);
        if (_pending.Count == _rowsPerStatement)
        {
            _full ??= Command(_rowsPerStatement);
            await ExecuteAsync(_full, prepare: !_fullPrepared, cancellationToken);
            _fullPrepared = true;
        }
    }

    /// <summary>Writes the rows of the last, partial batch.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            await using var last = Command(_pending.Count);
            await ExecuteAsync(last, prepare: false, cancellationToken);
        }

        // Raw statements bypass the interceptor's look at SaveChanges and bulk updates; it bumps the public revision
        // when the caller's transaction commits.
        if (_written && typeof(Changes.IPublicReadModel).IsAssignableFrom(typeof(T)))
        {
            _db.PublicRevisionDue = true;
        }
    }

    private async Task ExecuteAsync(DbCommand command, bool prepare, CancellationToken cancellationToken)
    {
        var p = 0;
        foreach (var row in _pending)
        {
            foreach (var value in row)
            {
                command.Parameters[p++].Value = value ?? DBNull.Value;
            }
        }

        if (prepare)
        {
            // Prepared once its parameters carry values, so each provider knows their types.
            await command.PrepareAsync(cancellationToken);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        _pending.Clear();
        _written = true;
    }

    /// <summary>A statement for <paramref name="rows"/> rows; the parameters get their (already converted) values per execution.</summary>
    private DbCommand Command(int rows)
    {
        var transaction = _db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var tuples = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[_columns.Length];
            for (var c = 0; c < _columns.Length; c++)
            {
                var (property, mapping) = _columns[c];
                names[c] = $"@p{(r * _columns.Length) + c}";
                command.Parameters.Add(mapping.CreateParameter(command, names[c], null, property.IsNullable));
            }

            tuples.Add($"({string.Join(", ", names)})");
        }

        command.CommandText = _insertInto + string.Join(", ", tuples);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
    }
}
