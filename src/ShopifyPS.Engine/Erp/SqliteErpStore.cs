using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Erp;

/// <summary>The ERP store in SQLite. Statements are prepared once per table and column set and reused, because an
/// import runs them millions of times; the writes are bound by position (<see cref="PositionalStatement"/>). A
/// statement is found by what it is built from (<see cref="StatementKey"/>), so finding it builds no text.</summary>
internal sealed class SqliteErpStore(SqliteStore store) : IErpStore, IDisposable
{
    private const int SqliteConstraint = 19;
    private const int InChunk = 500;
    private readonly Dictionary<StatementKey, SqliteCommand> _commands = new();
    private readonly Dictionary<StatementKey, PositionalStatement> _writes = new();
    private readonly Dictionary<StatementKey, UpsertPlan> _plans = new();

    public IStoreTransaction BeginTransaction() => store.BeginTransaction();

    public UpsertOutcome Upsert<T>(ErpTable<T> table, T row, IReadOnlyCollection<ErpColumn>? columns = null) where T : class, new()
    {
        var plan = PlanFor(table, columns ?? table.Columns);
        try
        {
            // Insert first: a first load (the bulk of the work) then costs one statement per row.
            if (Execute(plan.Insert, table.Columns, row) == 1) return UpsertOutcome.Inserted;
            if (plan.Update is null) return UpsertOutcome.Unchanged;
            return Execute(plan.Update, plan.UpdateParameters, row) == 1 ? UpsertOutcome.Updated : UpsertOutcome.Unchanged;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new RowRejectedException($"the store refused {table.DescribeKey(row)}: {ex.Message}", ex);
        }
    }

    public bool Delete<T>(ErpTable<T> table, T row) where T : class, new()
    {
        var delete = Write(new StatementKey("delete", table, []), () => $"DELETE FROM {table.TableName} WHERE {KeyCondition(table)}");
        return Execute(delete, table.Key, row) > 0;
    }

    public IReadOnlyList<T> Rows<T>(ErpTable<T> table, params (string Column, object? Value)[] where) where T : class, new()
    {
        var filter = Filter(table, where);
        var select = Prepared(new StatementKey("rows", table, filter), () =>
            $"SELECT {Names(table.Columns)} FROM {table.TableName}{Where(filter)} ORDER BY {Names(table.Key)}", filter);
        Bind(select, where, filter);
        return Read(select, table).Cast<T>().ToList();
    }

    public IReadOnlyList<T> RowsIn<T>(ErpTable<T> table, string column, IReadOnlyCollection<string> values) where T : class, new()
    {
        var filter = table.Column(column) ?? throw new ArgumentException($"{table.FileName} has no column '{column}'.", nameof(column));
        var rows = new List<T>();
        foreach (var select in SelectsIn(table, filter, values)) rows.AddRange(Read(select, table).Cast<T>());
        return rows;
    }

    public IReadOnlyList<StockEntry> StockOfItems(IReadOnlyCollection<string> itemNos)
    {
        var table = ErpTables.Stock;
        var rows = new List<StockEntry>();
        foreach (var select in SelectsIn(table, table.Column("ItemNo")!, itemNos))
        {
            using var reader = select.ExecuteReader();
            int item = reader.GetOrdinal("ItemNo"), variant = reader.GetOrdinal("VariantCode"), location = reader.GetOrdinal("LocationCode"),
                inventory = reader.GetOrdinal("Inventory"), reserved = reader.GetOrdinal("ReservedQuantity"),
                receipts = reader.GetOrdinal("ScheduledReceipts"), requirements = reader.GetOrdinal("GrossRequirements");
            while (reader.Read())
                rows.Add(new StockEntry
                {
                    ItemNo = reader.GetString(item), VariantCode = reader.GetString(variant), LocationCode = reader.GetString(location),
                    Inventory = Number(reader, inventory), ReservedQuantity = Number(reader, reserved),
                    ScheduledReceipts = Number(reader, receipts), GrossRequirements = Number(reader, requirements),
                });
        }
        return rows;
    }

    /// <summary>A stored number as <see cref="ErpColumn.FromDatabase"/> converts it, without boxing the common case: NUMERIC
    /// columns hold whole quantities as integers.</summary>
    private static decimal Number(SqliteDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(long)
        ? reader.GetInt64(ordinal)
        : Convert.ToDecimal(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>The select of <paramref name="table"/>'s rows whose <paramref name="filter"/> is one of <paramref name="values"/>,
    /// bound to each chunk in turn: one statement per chunk, as SQLite caps the number of parameters of a statement.</summary>
    private IEnumerable<SqliteCommand> SelectsIn(ErpTable table, ErpColumn filter, IReadOnlyCollection<string> values)
    {
        foreach (var chunk in values.Distinct().Chunk(InChunk))
        {
            var select = Prepared(new StatementKey($"in:{chunk.Length}", table, [filter]), () =>
                $"SELECT {Names(table.Columns)} FROM {table.TableName} WHERE {filter.Name} IN ({string.Join(", ", chunk.Select((_, i) => $"$v{i}"))}) ORDER BY {Names(table.Key)}",
                []);
            if (select.Parameters.Count == 0)
                for (var i = 0; i < chunk.Length; i++) select.Parameters.Add(new SqliteParameter($"$v{i}", null));
            for (var i = 0; i < chunk.Length; i++) select.Parameters[i].Value = chunk[i];
            yield return select;
        }
    }

    public IReadOnlyList<T> RowsIgnoringCase<T>(ErpTable<T> table, string column, string code) where T : class, new()
    {
        var filter = Filter(table, [(column, code)]);
        var select = Prepared(new StatementKey("nocase", table, filter), () => RowsIgnoringCaseSql(table, filter[0]), filter);
        select.Parameters[0].Value = code;
        return Read(select, table).Cast<T>().ToList();
    }

    /// <summary>The statement of <see cref="RowsIgnoringCase"/>: the column's NOCASE index serves it.</summary>
    internal static string RowsIgnoringCaseSql(ErpTable table, ErpColumn column) =>
        $"SELECT {Names(table.Columns)} FROM {table.TableName} WHERE {column.Name} = ${column.Name} COLLATE NOCASE ORDER BY {Names(table.Key)}";

    public IReadOnlyList<string> ValuesWhere<T>(ErpTable<T> table, string column, string filterColumn, string value, bool ignoringCase = false)
        where T : class, new()
    {
        var filter = Filter(table, [(filterColumn, value)])[0];
        var selected = Filter(table, [(column, null)])[0];
        var select = Prepared(new StatementKey(ignoringCase ? "values-nocase" : "values", table, [filter, selected]),
            () => ValuesWhereSql(table, selected, filter, ignoringCase), [filter]);
        select.Parameters[0].Value = value;
        using var reader = select.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>The statement of <see cref="ValuesWhere"/>: an index on the filtered column (NOCASE when ignoring case) serves it.</summary>
    internal static string ValuesWhereSql(ErpTable table, ErpColumn column, ErpColumn filter, bool ignoringCase) =>
        $"SELECT {column.Name} FROM {table.TableName} WHERE {filter.Name} = ${filter.Name}{(ignoringCase ? " COLLATE NOCASE" : "")} ORDER BY {Names(table.Key)}";

    public IEnumerable<string> Values<T>(ErpTable<T> table, string column) where T : class, new()
    {
        var filter = Filter(table, [(column, null)]);
        using var command = store.Command($"SELECT {filter[0].Name} FROM {table.TableName}");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader.GetString(0);
    }

    public bool Exists<T>(ErpTable<T> table, params (string Column, object? Value)[] where) where T : class, new()
    {
        var filter = Filter(table, where);
        var exists = Prepared(new StatementKey("exists", table, filter), () =>
            $"SELECT EXISTS (SELECT 1 FROM {table.TableName}{Where(filter)})", filter);
        Bind(exists, where, filter);
        return Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    public IEnumerable<Item> FindItems(ItemQuery query)
    {
        var table = ErpTables.Items;
        var sql = new StringBuilder($"SELECT {Names(table.Columns)} FROM items");
        var conditions = new List<string>();
        using var command = store.Command("");
        if (query.No.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", query.No.Select((pattern, i) =>
            {
                command.Parameters.AddWithValue($"$no{i}", LikePattern.FromWildcard(pattern));
                return $"No LIKE $no{i} ESCAPE '\\'";
            })) + ")");
        }
        if (query.ItemCategoryCode.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", query.ItemCategoryCode.Select((code, i) =>
            {
                command.Parameters.AddWithValue($"$category{i}", code);
                return $"ItemCategoryCode = $category{i} COLLATE NOCASE";
            })) + ")");
        }
        if (conditions.Count > 0) sql.Append(" WHERE ").Append(string.Join(" AND ", conditions));
        command.CommandText = sql.Append(" ORDER BY No").ToString();
        foreach (var row in Read(command, table)) yield return (Item)row;
    }

    public IReadOnlyList<RemovedItem> RemovedItems()
    {
        using var command = store.Command("SELECT ItemNo, RemovedAt FROM removed_items ORDER BY RemovedAt, ItemNo");
        using var reader = command.ExecuteReader();
        var removed = new List<RemovedItem>();
        while (reader.Read())
            removed.Add(new RemovedItem(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        return removed;
    }

    private UpsertPlan PlanFor(ErpTable table, IReadOnlyCollection<ErpColumn> columns)
    {
        var changing = new ErpColumn[columns.Count(c => !c.IsKey)];
        var n = 0;
        foreach (var column in columns)
            if (!column.IsKey) changing[n++] = column;
        var key = new StatementKey("upsert", table, changing);
        if (_plans.TryGetValue(key, out var plan)) return plan;
        // Named parameters are numbered in the order they first appear, which is the order of the columns bound.
        var insert = Write(new StatementKey("insert", table, []), () =>
            $"INSERT INTO {table.TableName} ({Names(table.Columns)}) VALUES ({Parameters(table.Columns)}) ON CONFLICT DO NOTHING");
        var updateParameters = changing.Concat(table.Key).ToList();
        var update = changing.Length == 0 ? null : Write(new StatementKey("update", table, changing), () =>
            $"UPDATE {table.TableName} SET {string.Join(", ", changing.Select(c => $"{c.Name} = ${c.Name}"))} " +
            $"WHERE {KeyCondition(table)} AND ({string.Join(" OR ", changing.Select(c => $"{c.Name} IS NOT ${c.Name}"))})");
        return _plans[key] = new UpsertPlan(insert, update, updateParameters);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        foreach (var write in _writes.Values) write.Dispose();
        _writes.Clear();
        _plans.Clear();
    }

    private sealed record UpsertPlan(PositionalStatement Insert, PositionalStatement? Update, IReadOnlyList<ErpColumn> UpdateParameters);

    /// <summary>What a statement is built from: its kind, its table and the columns it names, in order (compared by
    /// identity: a table's columns are made once).</summary>
    private readonly struct StatementKey(string kind, ErpTable table, ErpColumn[] columns) : IEquatable<StatementKey>
    {
        private readonly string _kind = kind;
        private readonly ErpTable _table = table;
        private readonly ErpColumn[] _columns = columns;

        public bool Equals(StatementKey other) =>
            _kind == other._kind && ReferenceEquals(_table, other._table) && _columns.AsSpan().SequenceEqual(other._columns);

        public override bool Equals(object? obj) => obj is StatementKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_kind);
            hash.Add(_table);
            foreach (var column in _columns) hash.Add(column);
            return hash.ToHashCode();
        }
    }

    private IEnumerable<object> Read(SqliteCommand command, ErpTable table)
    {
        command.Transaction = store.CurrentTransaction;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = table.NewRow();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                // Text, most columns, is read as text: no boxing and no look at the stored type on the way.
                column.SetValue(row, column.Kind == ErpValueKind.Text ? reader.GetString(i) : column.FromDatabase(reader.GetValue(i)));
            }
            yield return row;
        }
    }

    private SqliteCommand Prepared(StatementKey name, Func<string> sql, IReadOnlyList<ErpColumn> parameters)
    {
        if (!_commands.TryGetValue(name, out var command))
        {
            command = store.Connection.CreateCommand();
            command.CommandText = sql();
            foreach (var column in parameters) command.Parameters.Add(new SqliteParameter("$" + column.Name, null));
            _commands[name] = command;
        }
        command.Transaction = store.CurrentTransaction;
        return command;
    }

    private PositionalStatement Write(StatementKey name, Func<string> sql)
    {
        if (!_writes.TryGetValue(name, out var statement)) _writes[name] = statement = new PositionalStatement(store.Connection, sql());
        return statement;
    }

    // Each statement was prepared with exactly these columns in this order.
    private static int Execute(PositionalStatement statement, IReadOnlyList<ErpColumn> columns, object row)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < columns.Count; i++) values[i] = columns[i].ToDatabase(columns[i].GetValue(row));
        return statement.Execute(values);
    }

    private static void Bind(SqliteCommand command, (string Column, object? Value)[] where, IReadOnlyList<ErpColumn> filter)
    {
        for (var i = 0; i < where.Length; i++) command.Parameters[i].Value = filter[i].ToDatabase(where[i].Value);
    }

    private static ErpColumn[] Filter(ErpTable table, (string Column, object? Value)[] where)
    {
        var filter = new ErpColumn[where.Length];
        for (var i = 0; i < where.Length; i++)
        {
            filter[i] = table.Column(where[i].Column) ?? throw new ArgumentException($"{table.FileName} has no column '{where[i].Column}'.", nameof(where));
            if (Array.IndexOf(filter, filter[i], 0, i) >= 0) throw new ArgumentException("Each column can be filtered once.", nameof(where));
        }
        return filter;
    }

    private static string Where(IReadOnlyList<ErpColumn> filter) =>
        filter.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filter.Select(c => $"{c.Name} = ${c.Name}"));

    private static string KeyCondition(ErpTable table) => string.Join(" AND ", table.Key.Select(c => $"{c.Name} = ${c.Name}"));

    private static string Names(IEnumerable<ErpColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static string Parameters(IEnumerable<ErpColumn> columns) => string.Join(", ", columns.Select(c => "$" + c.Name));
}
