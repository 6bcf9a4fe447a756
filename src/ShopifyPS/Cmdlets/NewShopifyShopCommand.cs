using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Creates a shop profile (about_ShopifyPS, PROFILE KEYS) from the parameters given; unset keys get their defaults.</summary>
[Cmdlet(VerbsCommon.New, "ShopifyShop", SupportsShouldProcess = true)]
[OutputType(typeof(ShopProfile))]
public sealed class NewShopifyShopCommand : ShopSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Shop")]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Replaces an existing profile of the same name.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process()
    {
        if (!IsBound(nameof(Domain)))
            throw Terminate(ErrorCatalog.DomainRequired,
                "New-ShopifyShop needs -Domain, the store's '<store>.myshopify.com' domain.", Name);
        if (ProfileStore.Exists(Name) && !Force)
            throw Terminate(ErrorCatalog.ProfileExists,
                $"A shop profile '{Name}' already exists ({ProfileStore.PathFor(Name)}). Change it with Set-ShopifyShop, or pass -Force to replace it.", Name);
        if (!ShouldChange(ProfileStore.PathFor(Name), "Create shop profile")) return;

        var replaced = Force ? Replaced() : null;
        var profile = new ShopProfile { Name = Name };
        ApplySettings(profile);
        SaveReplacingAuth(profile, replaced?.Auth);
        WriteObject(profile);
    }

    /// <summary>The profile -Force replaces, when there is a readable one: its token file goes if the new one does not use it.</summary>
    private ShopProfile? Replaced()
    {
        try
        {
            return ProfileStore.Exists(Name) ? ProfileStore.LoadForChange(Name) : null;
        }
        catch (ProfileException)
        {
            return null;
        }
    }
}
