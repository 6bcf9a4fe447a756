using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Deletes a shop profile and the token file ShopifyPS wrote for it. The database is kept.</summary>
[Cmdlet(VerbsCommon.Remove, "ShopifyShop", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveShopifyShopCommand : ShopifyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Shop")]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Removes without asking for confirmation (-WhatIf still only reports).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void Process()
    {
        if (!ProfileStore.Exists(Name))
        {
            WriteRecordError(ErrorCatalog.ProfileNotFound,
                $"No shop profile '{Name}' in {Home.ShopsFolder}; nothing was removed.", Name);
            return;
        }
        if (!ShouldChange(ProfileStore.PathFor(Name), "Remove shop profile", Force)) return;

        // A broken profile must still be removable; its token file is then left for the user to delete.
        var (profile, _) = ProfileStore.Check(Name);
        if (profile is not null) TokenFiles.DeleteOwned(Home, profile);
        ProfileStore.Delete(Name);
        WriteVerbose($"Removed {ProfileStore.PathFor(Name)}.");
    }
}
