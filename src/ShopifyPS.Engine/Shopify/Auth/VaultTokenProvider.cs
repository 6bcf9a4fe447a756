using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// A token kept in a PowerShell SecretManagement vault (profile <c>auth.secretName</c>/<c>secretVault</c>). The engine cannot
/// reach a vault itself: the secret was read when the profile was loaded (see <see cref="VaultSecrets"/>), and this hands it on.
/// </summary>
internal sealed class VaultTokenProvider(string shop, AuthSettings auth) : AccessTokenProvider
{
    public override string Source => auth.DescribeSecret();

    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var (secret, problem) = auth.SuppliedSecret;
        if (secret is not null) return ValueTask.FromResult(secret);
        throw new ShopifyTokenUnavailableException(Source,
            problem ?? $"The token of shop '{shop}' is the {Source}, which is read only when a ShopifyPS command loads the profile in PowerShell.",
            error: ErrorCatalog.SecretUnavailable);
    }
}
