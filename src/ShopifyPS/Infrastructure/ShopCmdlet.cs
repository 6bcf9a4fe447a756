using System.Management.Automation;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>A cmdlet that works on one shop: <c>-Shop</c> names its profile, resolved once per name.</summary>
public abstract class ShopCmdlet : ShopifyCmdlet
{
    private ShopProfile? _profile;

    /// <summary>The shop profile name (see Get-ShopifyShop).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Shop { get; set; } = "";

    /// <summary>The profile named by <see cref="Shop"/>; an explicit name that is not found is an error, never a fallback.</summary>
    protected ShopProfile Profile
    {
        get
        {
            if (_profile is null || !string.Equals(_profile.Name, Shop, StringComparison.OrdinalIgnoreCase))
                _profile = LoadProfile(Shop);
            return _profile;
        }
    }

    /// <summary>Runs live Shopify work for <see cref="Shop"/>; a failure that stops the whole request stops the command with its stable ErrorId.</summary>
    protected T RunShopify<T>(string activity, Func<ShopifyClient, CancellationToken, Task<T>> work)
    {
        var profile = Profile;
        try
        {
            return Run(activity, (progress, ct) => work(new ShopifyClient(profile, Home, progress), ct));
        }
        catch (ShopifyException ex)
        {
            throw Stop(ex);
        }
    }

    /// <summary>Like <see cref="RunShopify{T}"/>, writing each result as it arrives.</summary>
    protected void RunShopifyEach<T>(string activity, Func<ShopifyClient, CancellationToken, IAsyncEnumerable<T>> work)
    {
        var profile = Profile;
        try
        {
            RunEach(activity, (progress, ct) => work(new ShopifyClient(profile, Home, progress), ct));
        }
        catch (ShopifyException ex)
        {
            throw Stop(ex);
        }
    }

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

    private Exception Stop(ShopifyException ex)
    {
        return Terminate(ex);
    }
}
