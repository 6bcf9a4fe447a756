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
        return Home.DatabaseFor(Shop is null ? null : LoadProfile(Shop));
    }

    /// <summary>The store of <see cref="DatabasePath"/>, opened on first use (see <see cref="ShopifyCmdlet.OpenStoreAt"/>).</summary>
    protected SqliteStore OpenStore(StoreAccess access) => OpenStoreAt(DatabasePath, access);
}
