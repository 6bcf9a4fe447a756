# Tab completion of values from the store: item numbers, variant codes, categories, SKUs, price groups, templates,
# currencies, and API versions, through TabExpansion2 as a user would press Tab.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_completion_test'
    $testHome = Join-Path $TestDrive 'completion'
    New-TestShop -Emulator $emulator -Name contoso -HomePath $testHome -TokenVariable SHOPIFYPS_COMPLETION_TOKEN -Settings @{
        SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo' }
    # SKUs come from the shop's Shopify mirror, so some products must exist there.
    Get-ShopifyItem -No 1001, 1002 | Add-ShopifyItem -Shop contoso | Out-Null
    # A second shop with a database of its own: -Shop decides which store completes.
    $otherData = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'other-data')
    Set-Content (Join-Path $otherData 'items.csv') "No,Description`n9001,Other shop's item`n9002,Another"
    New-ShopifyShop other -Domain other.myshopify.com -TokenEnvironmentVariable SHOPIFYPS_COMPLETION_TOKEN -Database (Join-Path $testHome 'other.db') | Out-Null
    Import-ShopifyErpData -Path $otherData -Shop other | Out-Null

    function Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_COMPLETION_TOKEN -ErrorAction SilentlyContinue
}

Describe 'Completing values from the store' {
    It 'completes item numbers for <_>' -ForEach @(
        'Get-ShopifyItem -No 101', 'Set-ShopifyItem -No 101', 'Remove-ShopifyItem -No 101', 'Add-ShopifyItem -Shop contoso -No 101',
        'Get-ShopifyInventory -Shop contoso -ItemNo 101', 'Sync-ShopifyInventory -Shop contoso -ItemNo 101',
        'Sync-ShopifyPrice -Shop contoso -ItemNo 101', 'Sync-ShopifyProduct -Shop contoso -ItemNo 101',
        'Sync-ShopifyImage -Shop contoso -ItemNo 101', 'Set-ShopifySkuMapping -Shop contoso -Sku x -ItemNo 101',
        'Get-ShopifyItem -ItemNo 101'
    ) {
        Complete $_ | Should -Be @('1010', '1011', '1012', '1013', '1014', '1015', '1016', '1017', '1018', '1019')
    }

    It 'completes from the database of -Shop when it is given, else from the default one' {
        Complete 'Get-ShopifyItem -Shop other -No 9' | Should -Be @('9001', '9002')
        Complete 'Get-ShopifyItem -No 9' | Should -BeNullOrEmpty
        Complete 'Get-ShopifyItem -Shop other -No 10' | Should -BeNullOrEmpty
    }

    It 'completes variant codes of the item given, in any case' {
        Complete 'Set-ShopifySkuMapping -Shop contoso -Sku x -ItemNo 1001 -VariantCode ' | Should -Be @('L', 'M', 'S', 'XL')
        Complete 'Set-ShopifySkuMapping -Shop contoso -Sku x -ItemNo 1001 -VariantCode x' | Should -Be @('XL')
        Complete 'Set-ShopifySkuMapping -Shop contoso -Sku x -VariantCode l-' | Should -Be @('L-BLK', 'L-RED')
    }

    It 'completes item categories for <_>' -ForEach 'Get-ShopifyItem -ItemCategoryCode ja', 'Add-ShopifyItem -Shop contoso -ItemCategoryCode ja', 'Set-ShopifyItem 1001 -ItemCategoryCode ja' {
        Complete $_ | Should -Be @('JACKETS')
    }

    It 'completes SKUs from the shop''s Shopify mirror for <_>' -ForEach 'Get-ShopifyProduct -Shop contoso -Sku 100', 'Set-ShopifySkuMapping -Shop contoso -ItemNo 1001 -Sku 100' {
        $skus = Complete $_
        $skus | Should -Not -BeNullOrEmpty
        $skus | Should -Contain '1001'
        $skus | Should -Contain '1002'
        foreach ($sku in $skus) { $sku | Should -BeLike '100*' }
        Complete 'Get-ShopifyProduct -Shop other -Sku 100' | Should -BeNullOrEmpty
    }

    It 'completes customer price groups, item templates and currencies for <_>' -ForEach 'New-ShopifyShop', 'Set-ShopifyShop contoso' {
        Complete "$_ -CustomerPriceGroup r" | Should -Be @('RETAIL')
        Complete "$_ -ItemTemplateCode s" | Should -Be @('SERVICE', 'SHOPIFY')
        Complete "$_ -CurrencyCode e" | Should -Be @('EUR')
    }

    It 'completes the API versions Shopify serves, the default among them' {
        $versions = Complete 'Set-ShopifyShop contoso -ApiVersion 20'
        $versions | Should -Contain '2026-04'
        foreach ($version in $versions) { $version | Should -Match '^20\d\d-(01|04|07|10)$' }
    }

    It 'quotes a value with a space' {
        Set-ShopifyItem -No 'A 1' -Description 'Spaced' | Out-Null
        Complete 'Get-ShopifyItem -No A' | Should -Be @("'A 1'")
    }
}
