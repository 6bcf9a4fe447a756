using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Changes the settings passed as parameters in an existing shop profile; nothing else changes. A broken
/// profile can be repaired: what cannot be read is left out with a warning, and the result must validate to be saved.</summary>
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

    protected override void ProcessRecord()
    {
        var profile = LoadForRepair();
        if (!ShouldProcess(ProfileStore.PathFor(profile.Name), "Update shop profile")) return;
        ApplySettings(profile);
        SaveProfile(profile);
        if (PassThru) WriteObject(profile);
    }

    private ShopProfile LoadForRepair()
    {
        ShopProfile? profile;
        IReadOnlyList<ProfileProblem> problems;
        try
        {
            (profile, problems) = ProfileStore.LoadForRepair(Name);
        }
        catch (FileNotFoundException ex)
        {
            throw Terminate(ErrorCatalog.ProfileNotFound, ex.Message, Name, ex);
        }
        catch (ShopifyPSException ex)
        {
            throw Terminate(ex);
        }
        if (profile is null)
            throw Terminate(new ProfileException(problems));
        foreach (var problem in problems)
            WriteWarning($"Repairing the shop profile '{Name}': {problem} Saving leaves this out (the setting keeps its default unless a parameter sets it).");
        return profile;
    }
}
