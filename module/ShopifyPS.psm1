# The module's root. It exists for one reason: the engine's load context (docs/architecture.md) must be in
# place before PowerShell inspects the cmdlet types in ShopifyPS.dll, and a binary root module would be
# inspected before any of its own code could run.
$assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $PSScriptRoot 'ShopifyPS.dll'))
$assembly.GetType('ShopifyPS.Commands.Infrastructure.EngineResolver', $true)::Register()
$binary = Import-Module (Join-Path $PSScriptRoot 'ShopifyPS.dll') -PassThru
Export-ModuleMember -Cmdlet @($binary.ExportedCmdlets.Keys) -Alias @($binary.ExportedAliases.Keys)
