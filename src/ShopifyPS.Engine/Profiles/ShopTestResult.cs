namespace ShopifyPS.Profiles;

/// <summary>What Test-ShopifyShop found for one shop.</summary>
public sealed class ShopTestResult
{
    public ShopTestResult(string shop, string file, IReadOnlyList<ProfileProblem> problems)
    {
        Shop = shop;
        File = file;
        Problems = problems;
    }

    public string Shop { get; }
    public string File { get; }
    /// <summary>Everything wrong with the profile file; empty when it is valid.</summary>
    public IReadOnlyList<ProfileProblem> Problems { get; }
    public bool ProfileValid => Problems.Count == 0;
    public bool Success => ProfileValid;
}
