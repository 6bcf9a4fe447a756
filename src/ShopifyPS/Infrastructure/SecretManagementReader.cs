using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// Reads a shop's token from a PowerShell SecretManagement vault with <c>Get-Secret</c>, run in the session that loads the
/// profile (so whatever Get-Secret that session has — the module's, or a stand-in — is the one used). Registered as the
/// engine's <see cref="ShopifyPS.Shopify.VaultSecrets.Reader"/>. The secret is returned to the engine only: never written
/// to a stream, a log or a message.
/// </summary>
internal static class SecretManagementReader
{
    private const string Module = "Microsoft.PowerShell.SecretManagement";

    public static string Read(string name, string? vault)
    {
        var where = $"the secret '{name}'" + (vault is null ? " in the default vault" : $" in the vault '{vault}'");
        // Clients are made on the thread of the running command; anywhere else there is no session to ask.
        if (Runspace.DefaultRunspace is null)
            throw new InvalidOperationException($"The shop's token is {where}, which can be read only from a PowerShell session.");

        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Get-Secret").AddParameter("Name", name);
        if (vault is not null) shell.AddParameter("Vault", vault);
        IReadOnlyList<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (CommandNotFoundException)
        {
            throw new InvalidOperationException(
                $"The shop's token is {where}, but Get-Secret is not available: {Module} must be installed and imported " +
                $"(Install-PSResource {Module}; Import-Module {Module}), with a vault registered (Register-SecretVault).");
        }
        catch (RuntimeException ex)
        {
            throw new InvalidOperationException($"Get-Secret could not read {where}: {ex.Message}");
        }
        // Get-Secret reports a secret it cannot find as a non-terminating error.
        if (shell.Streams.Error.Count > 0 && output.Count == 0)
            throw new InvalidOperationException($"Get-Secret could not read {where}: {shell.Streams.Error[0].Exception.Message}");
        return output.Select(o => o?.BaseObject).FirstOrDefault(o => o is not null) switch
        {
            SecureString secure => new NetworkCredential("", secure).Password,
            string text => text,
            null => throw new InvalidOperationException($"Get-Secret returned nothing for {where}."),
            var other => throw new InvalidOperationException(
                $"Get-Secret returned a {other.GetType().Name} for {where}; store the access token as a string or SecureString (Set-Secret -Secret).")
        };
    }
}
