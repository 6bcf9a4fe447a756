using Microsoft.Data.Sqlite;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private string Database => _folder.File("shopifyps.db");

    public void Dispose() => _folder.Dispose();

    private static StoreOptions Wait(double seconds) => new(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_new_database_gets_the_latest_schema_in_WAL_mode_with_foreign_keys()
    {
        using var store = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);
        Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.Version(store));
        Assert.Equal("wal", Scalar(store, "PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar(store, "PRAGMA foreign_keys"));
    }

    [Fact]
    public void Every_file_of_the_data_set_has_a_table_with_exactly_its_columns()
    {
        using var store = SqliteStore.OpenInMemory();
        foreach (var table in ErpTables.All)
        {
            var columns = new List<string>();
            using var command = store.Command($"SELECT name FROM pragma_table_info('{table.TableName}')");
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
            Assert.Equal(table.Columns.Select(c => c.Name).Order(), columns.Order());
        }
    }

    [Fact]
    public void Reopening_keeps_the_data_and_does_not_migrate_again()
    {
        using (var store = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default))
            store.Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        using (var store = SqliteStore.Open(Database, StoreAccess.Read, StoreOptions.Default))
        {
            Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.Version(store));
            Assert.True(store.Erp.Exists(ErpTables.Items, ("No", "1000")));
        }
    }

    [Fact]
    public void A_database_of_version_7_keeps_its_inventory_mirror_in_a_table_without_rowid()
    {
        OldSchema.Create(Database, 7,
            "INSERT INTO shop_products (Shop, Id) VALUES ('contoso', 'gid://shopify/Product/1');" +
            "\nINSERT INTO shop_variants (Shop, Id, ProductId) VALUES ('contoso', 'gid://shopify/ProductVariant/1', 'gid://shopify/Product/1');" +
            "\nINSERT INTO shop_inventory VALUES ('contoso', 'gid://shopify/ProductVariant/1', 'gid://shopify/Location/1', " +
            "'gid://shopify/InventoryItem/1', 7, '2026-12-01T08:00:00.0000000+00:00', 9, '2026-12-01T08:00:01.0000000+00:00');");

        using var store = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);

        var row = Assert.Single(store.Connector.InventoryOfVariant("contoso", "gid://shopify/ProductVariant/1"));
        Assert.Equal(("gid://shopify/Location/1", "gid://shopify/InventoryItem/1", 7L, 9L), (row.LocationId, row.InventoryItemId, row.ShopifyStock, row.CalculatedStock));
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 8, 0, 1, TimeSpan.Zero)), (row.ShopifyStockAt, row.CalculatedAt));
        Assert.Contains("WITHOUT ROWID", (string)Scalar(store, "SELECT sql FROM sqlite_master WHERE name = 'shop_inventory'")!, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(store, "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'shop_inventory' AND type = 'index' AND sql IS NOT NULL"));
        // The foreign key came along: removing the variant still removes its levels.
        Assert.True(store.Connector.DeleteVariant("contoso", "gid://shopify/ProductVariant/1"));
        Assert.Empty(store.Connector.InventoryOfVariant("contoso", "gid://shopify/ProductVariant/1"));
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SchemaMigrations.Latest + 1}";
            command.ExecuteNonQuery();
        }
        var ex = Assert.Throws<StoreUnusableException>(() => SqliteStore.Open(Database, StoreAccess.Read, StoreOptions.Default));
        Assert.Contains("newer ShopifyPS", ex.Message);
    }

    [Fact]
    public void A_second_writer_stops_with_StoreBusy_after_waiting()
    {
        using var first = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);
        var ex = Assert.Throws<StoreBusyException>(() => SqliteStore.Open(Database, StoreAccess.Write, Wait(0.3)));
        Assert.Contains(Database + ".lock", ex.Message);
        Assert.Contains(StoreOptions.LockTimeoutVariable, ex.Message);
    }

    [Fact]
    public void A_waiting_writer_gets_the_lock_when_the_first_one_finishes()
    {
        var first = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);
        var second = Task.Run(() => SqliteStore.Open(Database, StoreAccess.Write, Wait(30)));
        Thread.Sleep(300);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var store = second.GetAwaiter().GetResult();
        store.Erp.Upsert(ErpTables.Items, new Item { No = "1" });
    }

    [Fact]
    public void Readers_do_not_wait_for_a_writer()
    {
        using var writer = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);
        using var transaction = writer.BeginTransaction();
        writer.Erp.Upsert(ErpTables.Items, new Item { No = "uncommitted" });
        using var reader = SqliteStore.Open(Database, StoreAccess.Read, Wait(0));
        Assert.False(reader.Erp.Exists(ErpTables.Items, ("No", "uncommitted")));
    }

    [Fact]
    public void A_transaction_that_is_not_committed_leaves_nothing()
    {
        using var store = SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default);
        using (store.BeginTransaction())
        {
            store.Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
            store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "RED" });
        }
        Assert.False(store.Erp.Exists(ErpTables.Items, ("No", "1000")));
        Assert.False(store.Erp.Exists(ErpTables.ItemVariants, ("ItemNo", "1000")));
    }

    [Fact]
    public void The_lock_file_is_released_when_the_store_is_disposed()
    {
        SqliteStore.Open(Database, StoreAccess.Write, StoreOptions.Default).Dispose();
        using var again = SqliteStore.Open(Database, StoreAccess.Write, Wait(0));
        Assert.True(File.Exists(Database + ".lock"));
    }

    [Fact]
    public void The_lock_timeout_comes_from_the_environment()
    {
        Environment.SetEnvironmentVariable(StoreOptions.LockTimeoutVariable, "2.5");
        try
        {
            Assert.Equal(TimeSpan.FromSeconds(2.5), StoreOptions.FromEnvironment().WriteLockTimeout);
            Environment.SetEnvironmentVariable(StoreOptions.LockTimeoutVariable, "soon");
            var error = Assert.Throws<ShopifyPSException>(StoreOptions.FromEnvironment);
            Assert.Equal((ErrorCatalog.LockTimeoutInvalid, true), (error.Error, error.Message.Contains("soon")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoreOptions.LockTimeoutVariable, null);
        }
        Assert.Equal(StoreOptions.DefaultWriteLockTimeout, StoreOptions.FromEnvironment().WriteLockTimeout);
    }

    internal static object? Scalar(SqliteStore store, string sql)
    {
        using var command = store.Command(sql);
        return command.ExecuteScalar();
    }
}
