using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>
/// Checks a shop profile (every problem with file, line, column and key) and then the shop itself: reachable,
/// token accepted, API version served, access scopes granted. -Offline checks the profile only.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ShopifyShop")]
[OutputType(typeof(ShopTestResult))]
public sealed class TestShopifyShopCommand : ShopifyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Shop")]
    [ArgumentCompleter(typeof(ShopNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Checks the profile file only; no request is sent to Shopify.</summary>
    [Parameter]
    public SwitchParameter Offline { get; set; }

    protected override void Process()
    {
        IReadOnlyList<ProfileProblem> problems;
        try
        {
            problems = ProfileStore.Check(Name).Problems;
        }
        catch (ShopifyPSException ex)
        {
            WriteRecordError(ex);
            return;
        }
        foreach (var problem in problems)
            WriteRecordError(problem.Error, problem.ToString(), problem);
        // A profile that cannot be loaded cannot be used to connect either.
        var live = Offline || problems.Count > 0 ? null : CheckLive();
        WriteObject(new ShopTestResult(Name, ProfileStore.PathFor(Name), problems, live));
    }

    private ShopLiveCheck CheckLive()
    {
        var profile = LoadProfile(Name);
        // A check reports what it finds; it does not wait out a long retry schedule.
        var options = new ShopifyClientOptions { MaxAttempts = 2 };
        // Made here, on the pipeline thread: a token kept in a SecretManagement vault is read when the client is made.
        var client = new ShopifyClient(profile, Home, Reporter, options);
        var live = Run($"Testing the connection to {Name}", (_, ct) => ShopLiveCheck.RunAsync(client, ct));
        foreach (var failure in live.Failures)
            WriteRecordError(failure.Error, failure.Message, Name, failure.Exception);
        return live;
    }
}
