using System.Globalization;
using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Connector;

/// <summary>The connector state in SQLite (tables shop_products, shop_variants, shop_inventory, content_hashes,
/// sync_times, runs, skipped_records). Statements are prepared once and reused.</summary>
internal sealed class SqliteConnectorStore(SqliteStore store) : IConnectorStore, IDisposable
{
    private const string ProductColumns = "Shop, Id, Title, Status, Tags, UpdatedAt, ItemNo, ContentHash, LastSyncedAt, Removed, Vendor, HasVariants";
    private const string VariantColumns = "Shop, Id, ProductId, Sku, Barcode, ItemNo, VariantCode, MappedByItem, InventoryItemId, Tracked, UnitOfMeasure, UomOptionId";
    private const string InventoryColumns = "Shop, VariantId, LocationId, InventoryItemId, ShopifyStock, ShopifyStockAt, CalculatedStock, CalculatedAt";
    private const string RunColumns = "Id, Shop, Kind, StartedAt, FinishedAt, Status, Created, Updated, Unchanged, Skipped, Failed, Message, " +
        "ApiCalls, Cost, Throttled, ExitCode, LogPath";
    private const string SkippedColumns = "Id, Shop, RunId, ShopifyId, ItemNo, RecordType, Description, Reason, SkippedAt";

    // "ORDER BY Id" after a lookup by another column made SQLite walk the primary key (Shop, Id) to skip the sort,
    // reading every row of the shop for each lookup; "+Id" is not a bare column, so the lookup's own index is used.
    private const string ById = "+Id";
    // Built once: a sync of a large shop saves millions of rows.
    private static readonly MirrorWrite ProductWrite = new("shop_products", ProductColumns, 2);
    private static readonly MirrorWrite VariantWrite = new("shop_variants", VariantColumns, 2);
    private static readonly string UpsertInventory = Upsert("shop_inventory", InventoryColumns, 3);
    private static readonly string UpsertHash = Upsert("content_hashes", "Shop, Kind, Id, Hash, UpdatedAt", 3);
    private static readonly string UpsertSyncTime = Upsert("sync_times", "Shop, Kind, LastSyncAt", 2);

    private readonly Dictionary<string, SqliteCommand> _commands = new();
    private readonly Dictionary<string, PositionalStatement> _writes = new();

    public IStoreTransaction BeginTransaction() => store.BeginTransaction();

    // Products -------------------------------------------------------------------------------------------

    public void SaveProduct(ShopProduct p) => Save(ProductWrite,
        p.Shop, p.Id, p.Title, p.Status, p.Tags, p.UpdatedAt, p.ItemNo, p.ContentHash, p.LastSyncedAt, p.Removed, p.Vendor, p.HasVariants);

    public ShopProduct? GetProduct(string shop, string id) =>
        Query($"SELECT {ProductColumns} FROM shop_products WHERE Shop = $p0 AND Id = $p1", ReadProduct, shop, id).FirstOrDefault();

    public IEnumerable<ShopProduct> Products(string shop) =>
        Stream($"SELECT {ProductColumns} FROM shop_products WHERE Shop = $p0 ORDER BY Id", ReadProduct, shop);

    public IReadOnlyList<ShopProduct> Products(string shop, string? afterId, int count) =>
        Query($"SELECT {ProductColumns} FROM shop_products WHERE Shop = $p0 AND Id > $p1 ORDER BY Id LIMIT $p2", ReadProduct, shop, afterId ?? "", count).ToList();

    public IReadOnlyList<ShopProduct> ProductsOfItem(string shop, string itemNo) =>
        Query($"SELECT {ProductColumns} FROM shop_products WHERE Shop = $p0 AND ItemNo = $p1 ORDER BY {ById}", ReadProduct, shop, itemNo).ToList();

    public bool DeleteProduct(string shop, string id) =>
        Execute("DELETE FROM shop_products WHERE Shop = $p0 AND Id = $p1", shop, id) > 0;

    private static ShopProduct ReadProduct(SqliteDataReader r) => new()
    {
        Shop = r.GetString(0), Id = r.GetString(1), Title = r.GetString(2), Status = Enum.Parse<ProductStatus>(r.GetString(3)),
        Tags = r.GetString(4), UpdatedAt = Time(r, 5), ItemNo = r.GetString(6), ContentHash = r.GetString(7),
        LastSyncedAt = Time(r, 8), Removed = r.GetInt64(9) != 0, Vendor = r.GetString(10), HasVariants = r.GetInt64(11) != 0,
    };

    // Variants -------------------------------------------------------------------------------------------

    public void SaveVariant(ShopVariant v) => Save(VariantWrite,
        v.Shop, v.Id, v.ProductId, v.Sku, v.Barcode, v.ItemNo, v.VariantCode, v.MappedByItem, v.InventoryItemId, v.Tracked, v.UnitOfMeasure, v.UomOptionId);

    public ShopVariant? GetVariant(string shop, string id) => Variants(ByKey, shop, id).FirstOrDefault();

    public IReadOnlyList<ShopVariant> VariantsOfProduct(string shop, string productId) => Variants(ByProduct, shop, productId);

    public IReadOnlyList<ShopVariant> VariantsBySku(string shop, string sku) => Variants(BySku, shop, sku);

    public IReadOnlyList<ShopVariant> VariantsOfItem(string shop, string itemNo, string? variantCode = null) => variantCode is null
        ? Variants(ByItem, shop, itemNo)
        : Variants(ByItemVariant, shop, itemNo, variantCode);

    public bool DeleteVariant(string shop, string id) =>
        Execute("DELETE FROM shop_variants WHERE Shop = $p0 AND Id = $p1", shop, id) > 0;

    public IEnumerable<ShopVariant> Variants(string shop) =>
        Stream($"SELECT {VariantColumns} FROM shop_variants WHERE Shop = $p0 ORDER BY Id", ReadVariant, shop);

    public IReadOnlyList<ShopVariant> Variants(string shop, string? afterId, int count) =>
        Query($"SELECT {VariantColumns} FROM shop_variants WHERE Shop = $p0 AND Id > $p1 ORDER BY Id LIMIT $p2", ReadVariant, shop, afterId ?? "", count).ToList();

    // The look-ups of variants by a column ($p0 is the shop). Each must be a search on an index: every index of
    // shop_variants is written for every variant an import or export saves, so there is none to spare.
    private const string ByKey = "Id = $p1";
    private const string ByProduct = "ProductId = $p1";
    // The case-insensitive SKU index (which tab completion needs) serves the exact look-up too: its NOCASE term finds
    // the candidates, the plain one keeps only the exact SKU.
    private const string BySku = "Sku = $p1 COLLATE NOCASE AND Sku = $p1";
    private const string ByItem = "ItemNo = $p1";
    private const string ByItemVariant = "ItemNo = $p1 AND VariantCode = $p2";

    internal static IReadOnlyList<string> VariantLookups { get; } = [ByKey, ByProduct, BySku, ByItem, ByItemVariant];

    internal static string VariantsWhere(string condition) => $"SELECT {VariantColumns} FROM shop_variants WHERE Shop = $p0 AND {condition} ORDER BY {ById}";

    private List<ShopVariant> Variants(string condition, params object?[] values) => Query(VariantsWhere(condition), ReadVariant, values).ToList();

    private static ShopVariant ReadVariant(SqliteDataReader r) => new()
    {
        Shop = r.GetString(0), Id = r.GetString(1), ProductId = r.GetString(2), Sku = r.GetString(3), Barcode = r.GetString(4),
        ItemNo = r.GetString(5), VariantCode = r.GetString(6), MappedByItem = r.GetInt64(7) != 0, InventoryItemId = r.GetString(8),
        Tracked = r.GetInt64(9) != 0, UnitOfMeasure = r.GetString(10), UomOptionId = r.GetInt32(11),
    };

    // Inventory ------------------------------------------------------------------------------------------

    public void SaveInventory(ShopInventory i) => Write(UpsertInventory,
        i.Shop, i.VariantId, i.LocationId, i.InventoryItemId, i.ShopifyStock, i.ShopifyStockAt, i.CalculatedStock, i.CalculatedAt);

    public IEnumerable<ShopInventory> Inventory(string shop, string? locationId = null) => locationId is null
        ? Stream($"SELECT {InventoryColumns} FROM shop_inventory WHERE Shop = $p0 ORDER BY VariantId, LocationId", ReadInventory, shop)
        : Stream($"SELECT {InventoryColumns} FROM shop_inventory WHERE Shop = $p0 AND LocationId = $p1 ORDER BY VariantId", ReadInventory, shop, locationId);

    public IReadOnlyList<ShopInventory> InventoryOfVariant(string shop, string variantId) =>
        Query($"SELECT {InventoryColumns} FROM shop_inventory WHERE Shop = $p0 AND VariantId = $p1 ORDER BY LocationId", ReadInventory, shop, variantId).ToList();

    public IReadOnlyList<ShopInventory> InventoryOfVariants(string shop, string firstVariantId, string lastVariantId) =>
        Query($"SELECT {InventoryColumns} FROM shop_inventory WHERE Shop = $p0 AND VariantId BETWEEN $p1 AND $p2 ORDER BY VariantId, LocationId",
            ReadInventory, shop, firstVariantId, lastVariantId).ToList();

    public bool DeleteInventory(string shop, string variantId, string locationId) =>
        Execute("DELETE FROM shop_inventory WHERE Shop = $p0 AND VariantId = $p1 AND LocationId = $p2", shop, variantId, locationId) > 0;

    private static ShopInventory ReadInventory(SqliteDataReader r) => new()
    {
        Shop = r.GetString(0), VariantId = r.GetString(1), LocationId = r.GetString(2), InventoryItemId = r.GetString(3),
        ShopifyStock = r.IsDBNull(4) ? null : r.GetInt64(4), ShopifyStockAt = Time(r, 5),
        CalculatedStock = r.IsDBNull(6) ? null : r.GetInt64(6), CalculatedAt = Time(r, 7),
    };

    // Hashes and sync times ------------------------------------------------------------------------------

    public string? GetHash(string shop, ContentKind kind, string id) =>
        Query("SELECT Hash FROM content_hashes WHERE Shop = $p0 AND Kind = $p1 AND Id = $p2", r => r.GetString(0), shop, kind, id).FirstOrDefault();

    public void SetHash(string shop, ContentKind kind, string id, string hash) =>
        Execute(UpsertHash, shop, kind, id, hash, DateTimeOffset.UtcNow);

    public void DeleteHash(string shop, ContentKind kind, string id) =>
        Execute("DELETE FROM content_hashes WHERE Shop = $p0 AND Kind = $p1 AND Id = $p2", shop, kind, id);

    public IReadOnlyList<SentTranslation> SentTranslations(string shop, string productId) =>
        Query("SELECT Shop, ProductId, Locale, Key, Value, Digest FROM sent_translations WHERE Shop = $p0 AND ProductId = $p1",
            r => new SentTranslation(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)), shop, productId).ToList();

    public void SaveSentTranslation(SentTranslation t) =>
        Execute(Upsert("sent_translations", "Shop, ProductId, Locale, Key, Value, Digest, SentAt", 4), t.Shop, t.ProductId, t.Locale, t.Key, t.Value, t.Digest, DateTimeOffset.UtcNow);

    public DateTimeOffset? GetLastSync(string shop, SyncKind kind) =>
        Query("SELECT LastSyncAt FROM sync_times WHERE Shop = $p0 AND Kind = $p1", r => Time(r, 0), shop, kind).FirstOrDefault();

    public void SetLastSync(string shop, SyncKind kind, DateTimeOffset time) =>
        Execute(UpsertSyncTime, shop, kind, time);

    // Runs and skipped records ---------------------------------------------------------------------------

    public SyncRun StartRun(string shop, SyncKind kind)
    {
        var run = new SyncRun { Shop = shop, Kind = kind, StartedAt = DateTimeOffset.UtcNow, Status = RunStatus.Running };
        run.Id = Query("INSERT INTO runs (Shop, Kind, StartedAt, Status) VALUES ($p0, $p1, $p2, $p3) RETURNING Id",
            r => r.GetInt64(0), run.Shop, run.Kind, run.StartedAt, run.Status).First();
        return run;
    }

    public void FinishRun(SyncRun run)
    {
        run.FinishedAt ??= DateTimeOffset.UtcNow;
        run.ExitCode ??= SyncRun.ExitCodeOf(run.Status, run.Failed);
        Execute("UPDATE runs SET FinishedAt = $p1, Status = $p2, Created = $p3, Updated = $p4, Unchanged = $p5, Skipped = $p6, Failed = $p7, " +
            "Message = $p8, ApiCalls = $p9, Cost = $p10, Throttled = $p11, ExitCode = $p12, LogPath = $p13 WHERE Id = $p0",
            run.Id, run.FinishedAt, run.Status, run.Created, run.Updated, run.Unchanged, run.Skipped, run.Failed, Profiles.TokenShape.Redact(run.Message),
            run.ApiCalls, run.Cost, run.Throttled, run.ExitCode, run.LogPath);
    }

    public IReadOnlyList<SyncRun> Runs(string shop, int last) =>
        Query($"SELECT {RunColumns} FROM runs WHERE Shop = $p0 ORDER BY Id DESC LIMIT $p1", ReadRun, shop, last).ToList();

    public IEnumerable<SyncRun> Runs(string shop, long? id, DateTimeOffset? since) =>
        Stream($"SELECT {RunColumns} FROM runs WHERE Shop = $p0 AND ($p1 IS NULL OR Id = $p1) AND ($p2 IS NULL OR StartedAt >= $p2) ORDER BY Id DESC",
            ReadRun, shop, id, since);

    public long? LatestRunningRun() =>
        Query("SELECT max(Id) FROM runs WHERE Status = $p0", r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0), RunStatus.Running).First();

    private static SyncRun ReadRun(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0), Shop = r.GetString(1), Kind = Enum.Parse<SyncKind>(r.GetString(2)), StartedAt = Time(r, 3)!.Value,
        FinishedAt = Time(r, 4), Status = Enum.Parse<RunStatus>(r.GetString(5)), Created = r.GetInt64(6), Updated = r.GetInt64(7),
        Unchanged = r.GetInt64(8), Skipped = r.GetInt64(9), Failed = r.GetInt64(10), Message = r.GetString(11),
        ApiCalls = Long(r, 12), Cost = Long(r, 13), Throttled = Long(r, 14), ExitCode = r.IsDBNull(15) ? null : r.GetInt32(15),
        LogPath = r.IsDBNull(16) ? null : r.GetString(16),
    };

    private static long? Long(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);

    public void AddSkipped(SkippedRecord s)
    {
        if (s.SkippedAt == default) s.SkippedAt = DateTimeOffset.UtcNow;
        s.Id = Query("INSERT INTO skipped_records (Shop, RunId, ShopifyId, ItemNo, RecordType, Description, Reason, SkippedAt) " +
            "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7) RETURNING Id",
            r => r.GetInt64(0), s.Shop, s.RunId, s.ShopifyId, s.ItemNo, s.RecordType, Profiles.TokenShape.Redact(s.Description), Profiles.TokenShape.Redact(s.Reason), s.SkippedAt).First();
    }

    public IReadOnlyList<SkippedRecord> Skipped(string shop) =>
        Query($"SELECT {SkippedColumns} FROM skipped_records WHERE Shop = $p0 ORDER BY Id", r => new SkippedRecord
        {
            Id = r.GetInt64(0), Shop = r.GetString(1), RunId = r.IsDBNull(2) ? null : r.GetInt64(2), ShopifyId = r.GetString(3),
            ItemNo = r.GetString(4), RecordType = r.GetString(5), Description = r.GetString(6), Reason = r.GetString(7), SkippedAt = Time(r, 8)!.Value,
        }, shop).ToList();

    public int ClearSkipped(string shop) => Execute("DELETE FROM skipped_records WHERE Shop = $p0", shop);

    // Plumbing -------------------------------------------------------------------------------------------

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        foreach (var write in _writes.Values) write.Dispose();
        _writes.Clear();
    }

    /// <summary>INSERT of <paramref name="columns"/> that updates the rest when the first <paramref name="keyCount"/> columns already exist.</summary>
    private static string Upsert(string table, string columns, int keyCount)
    {
        var names = columns.Split(", ");
        var values = string.Join(", ", names.Select((_, i) => $"$p{i}"));
        var updates = string.Join(", ", names.Skip(keyCount).Select(n => $"{n} = excluded.{n}"));
        return $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({string.Join(", ", names.Take(keyCount))}) DO UPDATE SET {updates}";
    }

    /// <summary>The row of a product or variant in the mirror, written as two statements instead of one
    /// <c>INSERT … ON CONFLICT DO UPDATE</c>: SQLite took more than twice as long for that upsert of a new row into
    /// these tables (their foreign keys) as for the plain insert, and the update leaves an unchanged row alone.</summary>
    private sealed class MirrorWrite
    {
        public MirrorWrite(string table, string columns, int keyCount)
        {
            // Numbered parameters (?1 is the first column), so both statements take the same values in the same order.
            var names = columns.Split(", ");
            var values = names.Select((_, i) => $"?{i + 1}").ToList();
            Insert = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING";
            var rest = Enumerable.Range(keyCount, names.Length - keyCount).ToList();
            Update = $"UPDATE {table} SET {string.Join(", ", rest.Select(i => $"{names[i]} = {values[i]}"))} " +
                $"WHERE {string.Join(" AND ", Enumerable.Range(0, keyCount).Select(i => $"{names[i]} = {values[i]}"))} " +
                $"AND ({string.Join(" OR ", rest.Select(i => $"{names[i]} IS NOT {values[i]}"))})";
        }

        public string Insert { get; }

        public string Update { get; }
    }

    /// <summary>Inserts the row, or updates the stored one when it differs.</summary>
    private void Save(MirrorWrite write, params object?[] values)
    {
        if (Write(write.Insert, values) == 0) Write(write.Update, values);
    }

    private int Execute(string sql, params object?[] values) => Prepared(sql, values).ExecuteNonQuery();

    /// <summary>The mirror's rows, written once per variant and inventory level of a sync, bound by position.</summary>
    private int Write(string sql, params object?[] values)
    {
        if (!_writes.TryGetValue(sql, out var statement)) _writes[sql] = statement = new PositionalStatement(store.Connection, sql);
        for (var i = 0; i < values.Length; i++) values[i] = ToDatabase(values[i]);
        return statement.Execute(values);
    }

    private IEnumerable<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params object?[] values)
    {
        using var reader = Prepared(sql, values).ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    /// <summary>A query its caller enumerates at its own pace: it gets its own command, so the caller may use
    /// the store (and its prepared commands) while it reads.</summary>
    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> read, params object?[] values)
    {
        using var command = Bind(NewCommand(sql, values.Length), values);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    private SqliteCommand Prepared(string sql, object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command)) _commands[sql] = command = NewCommand(sql, values.Length);
        return Bind(command, values);
    }

    private SqliteCommand NewCommand(string sql, int parameterCount)
    {
        var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private SqliteCommand Bind(SqliteCommand command, object?[] values)
    {
        command.Transaction = store.CurrentTransaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = ToDatabase(values[i]);
        return command;
    }

    private static object ToDatabase(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        Enum e => e.ToString(),
        DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>A time as <see cref="ToDatabase"/> writes it ("O"): parsed as exactly that format, which is several times
    /// faster than the general parse (an inventory sync reads two per level); a value written otherwise still parses.</summary>
    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var text = reader.GetString(ordinal);
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}
