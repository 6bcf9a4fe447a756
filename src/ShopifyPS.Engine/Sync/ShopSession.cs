using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync;

/// <summary>
/// Everything a job needs for one shop: the profile, the home folder, the store, the Shopify client, where to report,
/// the date the run works with, and whether it only plans (-WhatIf: no mutation is sent, nothing is written to the
/// store). One session per shop: records of several shops in one pipeline each get their own.
/// </summary>
public sealed class ShopSession : IDisposable
{
    public ShopSession(ShopProfile profile, ShopifyClient client, SqliteStore store, IProgress<RunEvent> progress, bool whatIf,
        DateOnly today, ShopifyHome home)
    {
        Profile = profile;
        Home = home;
        Store = store;
        Client = client;
        Progress = progress;
        WhatIf = whatIf;
        Today = today;
    }

    public ShopProfile Profile { get; }
    public ShopifyHome Home { get; }
    public SqliteStore Store { get; }
    public ShopifyClient Client { get; }
    public IProgress<RunEvent> Progress { get; }
    public bool WhatIf { get; }

    /// <summary>The date prices, exchange rates and stock are calculated for: the day the session was opened.</summary>
    public DateOnly Today { get; }

    /// <summary>
    /// Opens the session of a loaded profile: its database (for reading, or for -WhatIf, a database that does not exist
    /// yet is an empty one in memory, so no file is created) and a client for its shop.
    /// </summary>
    /// <exception cref="ShopifyPSException">The database is busy or cannot be used.</exception>
    public static ShopSession Open(ShopProfile profile, ShopifyHome home, StoreAccess access, bool whatIf,
        IProgress<RunEvent> progress, StoreOptions storeOptions, CancellationToken cancellationToken)
    {
        var path = home.DatabaseFor(profile);
        var store = (access == StoreAccess.Read || whatIf) && !File.Exists(path)
            ? SqliteStore.OpenInMemory()
            : SqliteStore.Open(path, access, storeOptions, cancellationToken);
        return new ShopSession(profile, new ShopifyClient(profile, home, progress), store, progress, whatIf,
            DateOnly.FromDateTime(DateTime.Now), home);
    }

    /// <summary>Refuses a run that would change the shop while the profile's kill switch is off, before anything is
    /// planned or recorded (the client would refuse each mutation too, but only after the run had begun).</summary>
    public void RefuseWhenOutgoingRequestsOff(string document)
    {
        if (!WhatIf && !Profile.AllowOutgoingRequests) throw new ShopifyOutgoingRequestsDisabledException(Profile.Name, document);
    }

    public void Dispose() => Store.Dispose();
}
