namespace ShopifyPS.Shopify;

/// <summary>
/// How a token kept in a PowerShell SecretManagement vault is read. Vaults are reached through PowerShell's Get-Secret,
/// which only the cmdlet layer may run, and only on the thread of the running command, so the cmdlet layer registers the
/// <see cref="Reader"/> when the module is imported, and a client reads the secret when it is made (shop sessions are
/// opened on that thread; engine work runs on others).
/// </summary>
public static class VaultSecrets
{
    /// <summary>Reads a secret (name; vault, or null for the default vault) as text, or throws with a message that says what
    /// is missing. Null outside PowerShell.</summary>
    public static Func<string, string?, string>? Reader { get; set; }
}
