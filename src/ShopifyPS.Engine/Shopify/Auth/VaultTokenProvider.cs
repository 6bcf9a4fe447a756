using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// A token kept in a PowerShell SecretManagement vault (profile <c>auth.secretName</c>/<c>secretVault</c>), read through
/// <see cref="VaultSecrets.Reader"/> once, when the client is made. The secret lives in this object's memory only. A secret
/// that cannot be read is reported when the token is first needed, so a session that never calls Shopify never fails on it.
/// </summary>
internal sealed class VaultTokenProvider : AccessTokenProvider
{
    private readonly string? _token;
    private readonly string _problem = "";

    public VaultTokenProvider(string shop, AuthSettings auth)
    {
        Source = auth.DescribeSecret();
        var vault = string.IsNullOrEmpty(auth.SecretVault) ? null : auth.SecretVault;
        if (VaultSecrets.Reader is not { } reader)
        {
            _problem = $"The token of shop '{shop}' is the {Source}, which only a ShopifyPS command in PowerShell can read.";
            return;
        }
        try
        {
            var secret = reader(auth.SecretName!, vault);
            if (string.IsNullOrWhiteSpace(secret)) _problem = $"The {Source} is empty. Store the shop's access token in it with Set-Secret.";
            else _token = secret.Trim();
        }
        catch (Exception ex)
        {
            _problem = ex.Message;
        }
    }

    public override string Source { get; }

    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        _token is not null
            ? ValueTask.FromResult(_token)
            : throw new ShopifyTokenUnavailableException(Source, _problem, error: ErrorCatalog.SecretUnavailable);
}
