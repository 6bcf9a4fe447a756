using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Changes the settings passed as parameters in an existing shop profile; nothing else changes.</summary>
[Cmdlet(VerbsCommon.Set, "ShopifyShop", SupportsShouldProcess = true)]
[OutputType(typeof(ShopProfile))]
public sealed class SetShopifyShopCommand : ShopSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Shop")]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Writes the changed profile to the pipeline.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var profile = LoadProfile(Name, forChange: true);
        if (!ShouldChange(ProfileStore.PathFor(profile.Name), "Update shop profile")) return;
        var before = profile.Auth;
        ApplySettings(profile);
        SaveReplacingAuth(profile, before);
        if (PassThru) WriteObject(profile);
    }
}
