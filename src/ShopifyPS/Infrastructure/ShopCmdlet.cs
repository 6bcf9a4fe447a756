using System.Management.Automation;
using ShopifyPS.Profiles;

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
}
