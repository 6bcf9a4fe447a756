using Microsoft.Data.Sqlite;
using ShopifyPS.Connector;
using ShopifyPS.Erp;

namespace ShopifyPS.Storage;

public enum StoreAccess { Read, Write }

/// <summary>
/// The embedded database: one SQLite file that holds the ERP data set and the connector state of every shop.
/// Opening it applies the schema migrations; opening it for writing first takes the database's write lock
/// (<see cref="StoreWriteLock"/>). Work goes through <see cref="Erp"/> and <see cref="Connector"/>, the two
/// narrow interfaces a server database could implement instead.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StoreWriteLock? _writeLock;
    private readonly SqliteErpStore _erp;
    private readonly SqliteConnectorStore _connector;

    private SqliteStore(SqliteConnection connection, StoreWriteLock? writeLock, string path)
    {
        _connection = connection;
        _writeLock = writeLock;
        Path = path;
        _erp = new SqliteErpStore(this);
        _connector = new SqliteConnectorStore(this);
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    public IErpStore Erp => _erp;

    public IConnectorStore Connector => _connector;

    internal SqliteConnection Connection => _connection;

    internal SqliteTransaction? CurrentTransaction { get; private set; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.
    /// <see cref="StoreAccess.Write"/> waits for the write lock first (<see cref="StoreBusyException"/> when it
    /// cannot get it in time); readers never wait for writers (write-ahead log).</summary>
    public static SqliteStore Open(string path, StoreAccess access, StoreOptions options, CancellationToken cancellation = default)
    {
        path = System.IO.Path.GetFullPath(path);
        StoreWriteLock? writeLock;
        try
        {
            if (Directory.Exists(path)) throw new IOException("it is a folder.");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            writeLock = access == StoreAccess.Write ? StoreWriteLock.Acquire(path, options.WriteLockTimeout, cancellation) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A path into /proc, a folder, or a folder that cannot be created: name it instead of a raw IO error.
            throw new StoreUnusableException($"The database {path} cannot be used: {ex.Message} Give 'database' (or -Database) the path of a " +
                "database file in a folder the account that runs ShopifyPS may write, or leave it out to use <home>/shopifyps.db.", path, ex);
        }
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(path, options.WriteLockTimeout);
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            // SQLite opens a file it may not write read-only without a word; a run must not find out at its first write.
            if (access == StoreAccess.Write && SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
                throw new StoreUnusableException(
                    $"The database {path} is read-only for this account: it can be read but nothing can be recorded in it. " +
                    $"Give the account that runs ShopifyPS write access to the file and its folder {System.IO.Path.GetDirectoryName(path)}.", path);
            var store = new SqliteStore(connection, writeLock, path);
            SchemaMigrations.Apply(store);
            return store;
        }
        catch (Exception ex)
        {
            connection?.Dispose();
            writeLock?.Dispose();
            if (ex is SqliteException sqlite) throw new StoreUnusableException(UnusableMessage(path, sqlite), path, ex);
            throw;
        }
    }

    private static string UnusableMessage(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT =>
            $"The database {path} is damaged ({ex.Message}). Restore it from a backup, or move it aside and load the ERP data " +
            "again with Import-ShopifyErpData (a new database starts without the links to Shopify products).",
        _ => $"The database {path} cannot be used: {ex.Message} Check that the account that runs ShopifyPS can read and write " +
             $"the file and its folder {System.IO.Path.GetDirectoryName(path)}.",
    };

    /// <summary>A writer (a run, an import) holds this database's write lock now; never true for a database in memory.</summary>
    public bool HasActiveWriter => _writeLock is not null || (Path != ":memory:" && StoreWriteLock.IsHeld(Path));

    /// <summary>A private database in memory with the current schema (tests, and -WhatIf against a database
    /// that does not exist yet).</summary>
    public static SqliteStore OpenInMemory()
    {
        var connection = Connect(":memory:", StoreOptions.DefaultWriteLockTimeout);
        var store = new SqliteStore(connection, null, ":memory:");
        SchemaMigrations.Apply(store);
        return store;
    }

    private static SqliteConnection Connect(string path, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            // A pooled connection would keep the file open after the store is disposed.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(Math.Max(busyTimeout.TotalSeconds, 1)),
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");
        return connection;
    }

    /// <summary>Begins a transaction that takes SQLite's write lock at once (BEGIN IMMEDIATE), so it can never
    /// fail half-way for lack of it. Only one transaction is open at a time.</summary>
    public IStoreTransaction BeginTransaction()
    {
        if (CurrentTransaction is not null) throw new InvalidOperationException("A transaction is already open on this store.");
        CurrentTransaction = _connection.BeginTransaction(deferred: false);
        return new Transaction(this, CurrentTransaction);
    }

    internal SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = CurrentTransaction;
        return command;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _erp.Dispose();
        _connector.Dispose();
        CurrentTransaction?.Dispose();
        _connection.Dispose();
        _writeLock?.Dispose();
    }

    private sealed class Transaction(SqliteStore store, SqliteTransaction transaction) : IStoreTransaction
    {
        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            transaction.Dispose();
            store.CurrentTransaction = null;
        }
    }
}
