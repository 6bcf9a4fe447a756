using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Reads the shop's locations from Shopify with the profile's settings for each (V2). It changes nothing: where Shopify
/// and the profile differ it says so, and Update-ShopifyLocation brings the profile in line.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ShopifyLocation")]
[OutputType(typeof(ShopifyLocation))]
public sealed class GetShopifyLocationCommand : ShopCmdlet
{
    protected override void Process()
    {
        var profile = Profile;
        var shopify = RunShopify($"Reading the locations of {Shop}", (client, ct) => ShopLocations.ReadAsync(client, ct));
        foreach (var gone in profile.Locations.Where(l => shopify.All(s => s.Id != l.Id)))
            WriteWarning($"The profile lists the location '{gone.Name}' ({gone.Id}), which Shopify no longer has; Update-ShopifyLocation -Shop {Shop} removes it.");
        var missing = shopify.Count(s => profile.Locations.All(l => l.Id != s.Id));
        if (missing > 0)
            WriteWarning($"Shopify has {missing} location(s) the profile does not list yet; Update-ShopifyLocation -Shop {Shop} adds them (with stock calculation Disabled).");
        WriteObject(ShopLocations.Join(profile, shopify), enumerateCollection: true);
    }
}
