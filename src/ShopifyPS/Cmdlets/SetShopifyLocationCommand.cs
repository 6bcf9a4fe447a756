using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Changes how a Shopify location's stock is calculated (V2): its location filter over ERP location codes, its stock
/// calculation and whether new products are stocked there. Only the settings passed change; the profile is saved.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ShopifyLocation", SupportsShouldProcess = true)]
[OutputType(typeof(ShopifyLocation))]
public sealed class SetShopifyLocationCommand : ShopCmdlet
{
    /// <summary>The location's name or id (gid, or the number at its end), as Get-ShopifyLocation shows it.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Name", "Id", "LocationId")]
    [ArgumentCompleter(typeof(LocationNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Location { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? LocationFilter { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public StockCalculation StockCalculation { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool DefaultProductLocation { get; set; }

    /// <summary>Writes the location with its new settings to the pipeline.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override bool ChangesProfile => true;

    protected override void Process()
    {
        var profile = Profile;
        var matches = ShopLocations.Find(profile, Location);
        if (matches.Count != 1)
        {
            var known = profile.Locations.Count == 0 ? "none" : string.Join(", ", profile.Locations.Select(l => $"'{l.Name}'"));
            if (matches.Count == 0)
                WriteRecordError(ErrorCatalog.LocationNotFound,
                    $"The profile of shop '{Shop}' has no location '{Location}' (it has: {known}). Update-ShopifyLocation -Shop {Shop} adds Shopify's locations.", Location);
            else
                WriteRecordError(ErrorCatalog.LocationAmbiguous,
                    $"The profile of shop '{Shop}' has {matches.Count} locations named '{Location}'; name one by its id ({string.Join(", ", matches.Select(m => m.Id))}).", Location);
            return;
        }
        var location = matches[0];
        if (IsBound(nameof(LocationFilter)))
        {
            try
            {
                Profiles.LocationFilter.Parse(LocationFilter);
            }
            catch (LocationFilterException ex)
            {
                WriteRecordError(ErrorCatalog.LocationFilterInvalid,
                    $"The location filter of '{location.Name}' was not changed: {ex.Message}", LocationFilter, ex);
                return;
            }
        }
        if (!ShouldChange($"{location.Name} ({location.Id}) in {ProfileStore.PathFor(profile.Name)}", "Set the location's stock settings")) return;
        if (IsBound(nameof(LocationFilter))) location.LocationFilter = LocationFilter?.Trim() ?? "";
        if (IsBound(nameof(StockCalculation))) location.StockCalculation = StockCalculation;
        if (IsBound(nameof(DefaultProductLocation))) location.DefaultProductLocation = DefaultProductLocation;
        SaveProfile(profile);
        if (PassThru) WriteObject(ShopLocations.FromProfile(profile, location));
    }
}
