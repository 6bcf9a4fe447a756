using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Changes the settings passed as parameters in an existing shop profile; nothing else changes. A broken
/// profile can be repaired by setting what is broken: what cannot be read is left out with a warning when a parameter
/// sets it again, and the result must validate to be saved. A problem no parameter repairs refuses the change.</summary>
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
        var profile = LoadForRepair();
        if (!ShouldChange(ProfileStore.PathFor(profile.Name), "Update shop profile")) return;
        var before = profile.Auth;
        ApplySettings(profile);
        SaveReplacingAuth(profile, before);
        if (PassThru) WriteObject(profile);
    }

    private ShopProfile LoadForRepair()
    {
        ShopProfile? profile;
        IReadOnlyList<ProfileProblem> problems;
        (profile, problems) = ProfileStore.LoadForRepair(Name);
        var given = SettingsGiven();
        var unrepaired = problems.Where(p => !given.Contains(p.Setting)).ToList();
        if (profile is null || unrepaired.Count > 0)
            throw Terminate(new ProfileException(unrepaired.Count > 0 ? unrepaired : problems));
        foreach (var problem in problems)
            WriteWarning($"Repairing the shop profile '{Name}': {problem} The value given replaces it.");
        return profile;
    }

    // The profile keys the bound parameters set: each is named like its key, except the token sources, which replace auth.
    private HashSet<string> SettingsGiven() => MyInvocation.BoundParameters.Keys
        .Where(k => k != nameof(Name))
        .SelectMany(k => k is nameof(AccessToken) or nameof(TokenEnvironmentVariable) or nameof(TokenFile) or nameof(ClientId) or nameof(ClientSecretEnvironmentVariable)
            ? ["auth", "tokenEnv", "tokenFile", "clientId", "clientSecretEnv"]
            : new[] { char.ToLowerInvariant(k[0]) + k[1..] })
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
