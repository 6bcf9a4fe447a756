using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Reads the shop's locations from Shopify with the profile's settings for each (V2). -Refresh brings the profile's
/// list in line: new locations are added with stock calculation Disabled, names follow Shopify, and locations Shopify
/// no longer has are removed (each reported with the settings it had).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ShopifyLocation", SupportsShouldProcess = true)]
[OutputType(typeof(ShopifyLocation))]
public sealed class GetShopifyLocationCommand : ShopCmdlet
{
    /// <summary>Merge Shopify's locations into the shop profile and save it.</summary>
    [Parameter] public SwitchParameter Refresh { get; set; }

    protected override void ProcessRecord()
    {
        var profile = Profile;
        var shopify = RunShopify($"Reading the locations of {Shop}", (client, ct) => ShopLocations.ReadAsync(client, ct));
        if (Refresh)
        {
            var refresh = ShopLocations.Merge(profile, shopify);
            foreach (var added in refresh.Added) WriteVerbose($"Location '{added.Name}' ({added.Id}) is new: added with stock calculation Disabled.");
            foreach (var (location, oldName) in refresh.Renamed) WriteVerbose($"Location {location.Id} was renamed in Shopify from '{oldName}' to '{location.Name}'.");
            foreach (var gone in refresh.Removed)
                WriteWarning($"Shopify no longer has the location '{gone.Name}' ({gone.Id}); it is removed from the profile. Its settings were: " +
                    $"locationFilter '{gone.LocationFilter}', stockCalculation {gone.StockCalculation}, defaultProductLocation {gone.DefaultProductLocation}.");
            if (refresh.Changed && ShouldProcess(ProfileStore.PathFor(profile.Name),
                    $"Update the locations of the shop profile ({refresh.Added.Count} added, {refresh.Renamed.Count} renamed, {refresh.Removed.Count} removed)"))
                SaveProfile(profile);
        }
        else
        {
            foreach (var gone in profile.Locations.Where(l => shopify.All(s => s.Id != l.Id)))
                WriteWarning($"The profile lists the location '{gone.Name}' ({gone.Id}), which Shopify no longer has; Get-ShopifyLocation -Shop {Shop} -Refresh removes it.");
        }
        WriteObject(ShopLocations.Join(profile, shopify), enumerateCollection: true);
    }
}
