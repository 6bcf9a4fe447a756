using System.Management.Automation;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// A cmdlet that works on the database (the item store and connector state). The database is <c>-Database</c>,
/// else the database of the <c>-Shop</c> profile, else <c>&lt;home&gt;/shopifyps.db</c>. A writer holds the
/// database's write lock from its first record to the end of the pipeline.
/// </summary>
public abstract class StoreCmdlet : ShopifyCmdlet
{
    private SqliteStore? _store;

    /// <summary>The SQLite database file; overrides the profile's database.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>The shop whose profile names the database (and, where the cmdlet says so, whose mapping is shown).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Shop { get; set; }

    private string? _databasePath;

    /// <summary>The database file this command works on (resolved once).</summary>
    protected string DatabasePath => _databasePath ??= ResolveDatabasePath();

    private string ResolveDatabasePath()
    {
        if (Database is not null) return SessionState.Path.GetUnresolvedProviderPathFromPSPath(Database);
        var fromProfile = Shop is null ? null : LoadProfile(Shop).Database;
        return string.IsNullOrEmpty(fromProfile) ? Home.DefaultDatabase : Home.ResolvePath(fromProfile);
    }

    /// <summary>The store, opened on first use. A database that does not exist yet is not created for reading or
    /// for -WhatIf: those get an empty one in memory. Busy and version problems stop the command.</summary>
    protected SqliteStore OpenStore(StoreAccess access)
    {
        if (_store is not null) return _store;
        var path = DatabasePath;
        StoreOptions options;
        try
        {
            options = StoreOptions.FromEnvironment();
        }
        catch (ArgumentException ex)
        {
            throw Terminate("ShopifyLockTimeoutInvalid", ErrorCategory.InvalidArgument, ex.Message, StoreOptions.LockTimeoutVariable, ex);
        }
        try
        {
            _store = (access == StoreAccess.Read || WhatIfRequested) && !File.Exists(path)
                ? SqliteStore.OpenInMemory()
                : SqliteStore.Open(path, access, options, Cancellation);
            WriteVerbose($"Using the database {_store.Path}.");
            return _store;
        }
        catch (StoreBusyException ex)
        {
            throw Terminate("ShopifyStoreBusy", ErrorCategory.ResourceBusy, ex.Message, path, ex);
        }
        catch (StoreUnusableException ex)
        {
            throw Terminate("ShopifyStoreUnusable", ErrorCategory.InvalidData, ex.Message, path, ex);
        }
    }

    protected override void ReleaseResources()
    {
        _store?.Dispose();
        _store = null;
    }
}
