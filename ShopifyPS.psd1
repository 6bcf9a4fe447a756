@{
    # The source of truth for the module's surface. build.ps1 copies it to out/ShopifyPS/ and stamps
    # ModuleVersion from Directory.Build.props (VersionPrefix).
    RootModule           = 'ShopifyPS.psm1'
    ModuleVersion        = '0.0.0'
    GUID                 = '5f0f5f7e-8d0e-4c1a-9a55-2a8b6f3c1d42'
    Author               = 'The ShopifyPS team'
    CompanyName          = 'ShopifyPS'
    Copyright            = '(c) The ShopifyPS team. MIT License.'
    Description          = 'Keeps an ERP''s items, prices, pictures and stock in step with a Shopify store, from PowerShell.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('ShopifyPS.format.ps1xml')
    CmdletsToExport      = @(
        'New-ShopifyShop'
        'Get-ShopifyShop'
        'Set-ShopifyShop'
        'Remove-ShopifyShop'
        'Test-ShopifyShop'
        'Import-ShopifyErpData'
        'Get-ShopifyItem'
        'Set-ShopifyItem'
        'Remove-ShopifyItem'
        'Get-ShopifyProduct'
        'Sync-ShopifyProduct'
        'Find-ShopifySkuMapping'
        'Set-ShopifySkuMapping'
        'Get-ShopifyLocation'
        'Update-ShopifyLocation'
        'Set-ShopifyLocation'
        'Sync-ShopifyInventory'
        'Get-ShopifyInventory'
        'Sync-ShopifyImage'
        'Add-ShopifyItem'
        'Set-ShopifyProduct'
        'Remove-ShopifyProduct'
        'Sync-ShopifyPrice'
        'Get-ShopifySyncRun'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @('Set-SkuMapping')
    PrivateData          = @{
        PSData = @{
            # Every platform tag holds: the package carries the native SQLite library for Windows, Linux (glibc and
            # musl) and macOS on x64 and arm64. No LicenseUri/ProjectUri: the repository publishes neither.
            Tags         = @('Shopify', 'ERP', 'Sync', 'Inventory', 'Products', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            # Stamped by build.ps1 from CHANGELOG.md.
            ReleaseNotes = ''
        }
    }
}
