namespace ShopifyPS.Profiles;

/// <summary>
/// How a profile whose token lives in a SecretManagement vault gets it. Vaults are reached through PowerShell commands, which
/// only the cmdlet layer may run, and only on the pipeline thread — engine work runs on other threads — so the cmdlet layer
/// registers a <see cref="Reader"/> and every profile the store loads has its secret read then, on the loading thread. The
/// secret stays in that profile object's memory; a failure is kept as the reason and reported when the token is needed, so
/// commands that never talk to Shopify are not stopped by a vault.
/// </summary>
public static class VaultSecrets
{
    /// <summary>Reads a secret (name, vault or null for the default vault) and returns it as text; throws with a message that
    /// says what is missing. Null outside PowerShell: profiles then load without their secret.</summary>
    public static Func<string, string?, string>? Reader { get; set; }

    internal static void Supply(AuthSettings auth)
    {
        if (string.IsNullOrEmpty(auth.SecretName) || Reader is not { } reader) return;
        try
        {
            var secret = reader(auth.SecretName, string.IsNullOrEmpty(auth.SecretVault) ? null : auth.SecretVault);
            if (string.IsNullOrWhiteSpace(secret)) auth.SecretUnavailable($"The {auth.DescribeSecret()} is empty. Store the shop's access token in it with Set-Secret.");
            else auth.SupplySecret(secret.Trim());
        }
        catch (Exception ex)
        {
            auth.SecretUnavailable(ex.Message);
        }
    }
}
