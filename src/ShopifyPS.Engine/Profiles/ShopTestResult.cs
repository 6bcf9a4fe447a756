using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS;

/// <summary>What Test-ShopifyShop found for one shop: the profile check and, unless offline, the live check.</summary>
public sealed class ShopTestResult
{
    public ShopTestResult(string shop, string file, IReadOnlyList<ProfileProblem> problems, ShopLiveCheck? live = null)
    {
        Shop = shop;
        File = file;
        Problems = problems;
        Live = live;
    }

    public string Shop { get; }
    public string File { get; }
    /// <summary>Everything wrong with the profile file; empty when it is valid.</summary>
    public IReadOnlyList<ProfileProblem> Problems { get; }
    public bool ProfileValid => Problems.Count == 0;

    /// <summary>The live check; null when it was skipped (-Offline, or a profile that cannot be used).</summary>
    public ShopLiveCheck? Live { get; }
    public bool? Reachable => Live?.Reachable;
    public bool? TokenAccepted => Live?.TokenAccepted;
    public bool? ApiVersionSupported => Live?.ApiVersionSupported;
    public string? ShopName => Live?.Connection?.ShopName;
    public string? Plan => Live?.Connection?.Plan;
    public IReadOnlyList<string> GrantedScopes => Live?.Connection?.GrantedScopes ?? Array.Empty<string>();
    public IReadOnlyList<string> MissingScopes => Live?.Connection?.MissingScopes ?? Array.Empty<string>();

    public bool Success => ProfileValid && (Live?.Passed ?? true);
}
