using System.Management.Automation;
using ShopifyPS.Shopify;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>Connects the engine to what only PowerShell can do, when the module is imported.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => VaultSecrets.Reader = SecretManagementReader.Read;
}
