using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Brings the profile's list of locations in line with Shopify's: new locations are added with stock calculation
/// Disabled, names follow Shopify, and locations Shopify no longer has are removed (each reported with the settings it
/// had). Writes the shop's locations as Get-ShopifyLocation does.
/// </summary>
[Cmdlet(VerbsData.Update, "ShopifyLocation", SupportsShouldProcess = true)]
[OutputType(typeof(ShopifyLocation))]
public sealed class UpdateShopifyLocationCommand : ShopCmdlet
{
    protected override bool ChangesProfile => true;

    protected override void Process()
    {
        var profile = Profile;
        var shopify = RunShopify($"Reading the locations of {Shop}", (client, ct) => ShopLocations.ReadAsync(client, ct));
        var refresh = ShopLocations.Merge(profile, shopify);
        foreach (var added in refresh.Added) WriteVerbose($"Location '{added.Name}' ({added.Id}) is new: added with stock calculation Disabled.");
        foreach (var (location, oldName) in refresh.Renamed) WriteVerbose($"Location {location.Id} was renamed in Shopify from '{oldName}' to '{location.Name}'.");
        foreach (var gone in refresh.Removed)
            WriteWarning($"Shopify no longer has the location '{gone.Name}' ({gone.Id}); it is removed from the profile. Its settings were: " +
                $"locationFilter '{gone.LocationFilter}', stockCalculation {gone.StockCalculation}, defaultProductLocation {gone.DefaultProductLocation}.");
        if (refresh.Changed && ShouldChange(ProfileStore.PathFor(profile.Name),
                $"Update the locations of the shop profile ({refresh.Added.Count} added, {refresh.Renamed.Count} renamed, {refresh.Removed.Count} removed)"))
            SaveProfile(profile);
        WriteObject(ShopLocations.Join(profile, shopify), enumerateCollection: true);
    }
}
