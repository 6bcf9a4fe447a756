using System.Management.Automation;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// A cmdlet that works on one shop at a time: <c>-Shop</c> names its profile (bound by property name, so records of
/// several shops in one pipeline each reach their own). Each shop gets its own engine session — profile, database,
/// client — opened on first use; when the records move on to another shop, the previous session is closed first,
/// so two shops that share a database never hold it twice.
/// </summary>
public abstract class ShopCmdlet : ShopifyCmdlet
{
    private ShopSession? _session;
    private ShopProfile? _profile;

    /// <summary>The shop profile name (see Get-ShopifyShop).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Shop { get; set; } = "";

    /// <summary>The cmdlet changes the profile (and may repair a value the validator refuses).</summary>
    protected virtual bool ChangesProfile => false;

    /// <summary>How the cmdlet uses the shop's database: cmdlets that write say so.</summary>
    protected virtual StoreAccess Access => StoreAccess.Read;

    /// <summary>The profile of the current <see cref="Shop"/>; an explicit name that is not found is an error, never a fallback.</summary>
    protected ShopProfile Profile => ProfileOf(Shop);

    protected ShopProfile ProfileOf(string shop)
    {
        if (_profile is null || !string.Equals(_profile.Name, shop, StringComparison.OrdinalIgnoreCase)) _profile = LoadProfile(shop, ChangesProfile);
        return _profile;
    }

    /// <summary>The session of <paramref name="shop"/> (default: the current <see cref="Shop"/>), opened on first use.</summary>
    protected ShopSession Session(string? shop = null)
    {
        shop ??= Shop;
        if (_session is not null && string.Equals(_session.Profile.Name, shop, StringComparison.OrdinalIgnoreCase)) return _session;
        CloseSession();
        var profile = ProfileOf(shop);
        _session = ShopSession.Open(profile, Home, Access, WhatIfRequested, Reporter, StoreOptions.FromEnvironment(), Cancellation);
        WriteVerbose($"Shop {profile.Name}: using the database {_session.Store.Path}.");
        return _session;
    }

    protected void CloseSession()
    {
        _session?.Dispose();
        _session = null;
    }

    protected override void ReleaseResources()
    {
        CloseSession();
        base.ReleaseResources();
    }

    /// <summary>Runs live Shopify work for the current shop with its session's client.</summary>
    protected T RunShopify<T>(string activity, Func<ShopifyClient, CancellationToken, Task<T>> work)
    {
        var client = Session().Client;
        return Run(activity, (_, ct) => work(client, ct));
    }

    /// <summary>Like <see cref="RunShopify{T}"/>, writing each result as it arrives.</summary>
    protected void RunShopifyEach<T>(string activity, Func<ShopifyClient, CancellationToken, IAsyncEnumerable<T>> work)
    {
        var client = Session().Client;
        RunEach(activity, (_, ct) => work(client, ct));
    }

    /// <summary>The gids of the non-blank ids given (a blank one is an item not yet exported); invalid ones are reported
    /// and left out. Null when no ids were given at all.</summary>
    protected IEnumerable<string>? ProductGids(string[]? ids) =>
        ids?.Where(id => !string.IsNullOrWhiteSpace(id)).Select(ProductGidOrReport).OfType<string>().ToList();

    /// <summary>The product gid for an id the user gave (gid or number), or null after reporting it as
    /// ShopifyProductIdInvalid, so one bad id never stops the others.</summary>
    protected string? ProductGidOrReport(string id)
    {
        try
        {
            return ProductReader.ProductGid(id);
        }
        catch (ArgumentException ex)
        {
            WriteRecordError(ErrorCatalog.ProductIdInvalid, ex.Message, id, ex);
            return null;
        }
    }
}
