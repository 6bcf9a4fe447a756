# The ErrorId catalog: every id is listed in about_ShopifyPS with what to do, every id a user can provoke from the
# prompt is asserted by some Pester test, and each case here names the thing it is about and changes nothing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $emulator = Start-TestEmulator -Token 'shpat_errorids_test'
    $testHome = Join-Path $TestDrive 'errorids'
    New-TestShop -Emulator $emulator -Name shop -HomePath $testHome -TokenVariable SHOPIFYPS_ERRORIDS_TOKEN `
        -Settings @{ SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo' }
    Get-ShopifyItem -No 1001 | Add-ShopifyItem -Shop shop | Out-Null

    $catalog = [regex]::Matches((Get-Content (Join-Path $PSScriptRoot '../../src/ShopifyPS.Engine/Errors/ErrorCatalog.cs') -Raw),
        'new\("(Shopify\w+)"') | ForEach-Object { $_.Groups[1].Value }
    $about = Get-Content (Join-Path (Split-Path $modulePath) 'en-US/about_ShopifyPS.help.txt') -Raw
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_ERRORIDS_TOKEN, Env:SHOPIFYPS_LOCK_TIMEOUT -ErrorAction SilentlyContinue
}

Describe 'The catalog' {
    It 'has ids of one family, each once' {
        $catalog.Count | Should -BeGreaterThan 40
        $catalog | Where-Object { $_ -notmatch '^Shopify[A-Z]' } | Should -BeNullOrEmpty
        ($catalog | Select-Object -Unique).Count | Should -Be $catalog.Count
    }

    It 'is listed in about_ShopifyPS, every id with its remedy' {
        foreach ($id in $catalog) { $about | Should -Match "(?m)^\s+$id\s*\r?\n\s+\S" -Because "$id needs its line in about_ShopifyPS" }
    }

    It 'is asserted by the Pester suites' {
        $suites = Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1 | Where-Object Name -NE 'ErrorIds.Tests.ps1' | Get-Content -Raw
        $suites += Get-Content (Join-Path $PSScriptRoot 'ErrorIds.Tests.ps1') -Raw | ForEach-Object { ($_ -split "Describe 'Each id'")[-1] }
        foreach ($id in $catalog) {
            ($suites -join "`n") | Should -Match "\b$id\b" -Because "some Pester test should assert $id"
        }
    }
}

Describe 'Each id' {
    BeforeEach { $requests = @(Invoke-TestEmulator $emulator 'requests' -Method Get | ForEach-Object { $_ }).Count }

    It '<ErrorId>: <Case>' -ForEach @(
        @{ ErrorId = 'ShopifyDomainRequired'; Case = 'New-ShopifyShop without -Domain'; Names = 'Domain'
            Script = { New-ShopifyShop other -TokenEnvironmentVariable X } }
        @{ ErrorId = 'ShopifyLockTimeoutInvalid'; Case = 'a lock timeout that is not a number'; Names = 'SHOPIFYPS_LOCK_TIMEOUT'
            Script = { $env:SHOPIFYPS_LOCK_TIMEOUT = 'soon'; try { Sync-ShopifyPrice -Shop shop } finally { Remove-Item Env:SHOPIFYPS_LOCK_TIMEOUT } } }
        @{ ErrorId = 'ShopifyErpDataFolderNotFound'; Case = 'a folder that does not exist'; Names = 'no-such-folder'
            Script = { Import-ShopifyErpData -Path (Join-Path $TestDrive 'no-such-folder') } }
        @{ ErrorId = 'ShopifyProductChangeMissing'; Case = 'Set-ShopifyProduct with nothing to change'; Names = '-Status'
            Script = { Set-ShopifyProduct -Shop shop -ProductId 1 } }
        @{ ErrorId = 'ShopifySyncParameterNotForDirection'; Case = '-Query on a ToShopify shop'; Names = 'ToShopify'
            Script = { Sync-ShopifyProduct -Shop shop -Query 'vendor:x' } }
        @{ ErrorId = 'ShopifyVariantNotMirrored'; Case = 'mapping a variant that was never imported'; Names = 'ProductVariant/987654'
            Script = { Set-ShopifySkuMapping -Shop shop -VariantId 'gid://shopify/ProductVariant/987654' -ItemNo 1001 } }
        @{ ErrorId = 'ShopifyMappingAmbiguous'; Case = 'a product of several variants mapped to one item variant'; Names = '-VariantId'
            Script = { Set-ShopifySkuMapping -Shop shop -ProductId (Get-ShopifyProduct -Shop shop | Where-Object ItemNo -EQ '1001').Id -ItemNo 1001 -VariantCode S } }
        @{ ErrorId = 'ShopifyPublicationNotFound'; Case = 'a sales channel the shop does not have'; Names = 'Nowhere Channel'
            Script = { Set-ShopifyShop shop -Publications 'Nowhere Channel'; try { Test-ShopifyShop shop } finally { Set-ShopifyShop shop -Publications 'Online Store' } } }
        @{ ErrorId = 'ShopifyCollectionNotFound'; Case = 'a collection the shop does not have'; Names = 'Nowhere Collection'
            Script = { Set-ShopifyShop shop -Collections 'Nowhere Collection'; try { Test-ShopifyShop shop } finally { Set-ShopifyShop shop -Collections @() } } }
        @{ ErrorId = 'ShopifyLocaleNotPublished'; Case = 'a language the shop does not have'; Names = "'de'"
            Script = { Set-ShopifyShop shop -Languages 'de=DEU'; try { Test-ShopifyShop shop } finally { Set-ShopifyShop shop -Languages @() } } }
        @{ ErrorId = 'ShopifyThrottled'; Case = 'Shopify answers THROTTLED to every retry'; Names = 'THROTTLED'
            Script = {
                Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'throttled'; count = 50 }) } | Out-Null
                try { Get-ShopifyLocation -Shop shop } finally { Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null }
            } }
        @{ ErrorId = 'ShopifyScopesMissing'; Case = 'an app without write_products'; Names = 'write_products'
            Script = {
                $granted = (Invoke-TestEmulator $emulator 'config' -Method Get).accessScopes
                Invoke-TestEmulator $emulator 'config' -Body @{ accessScopes = @($granted | Where-Object { $_ -ne 'write_products' }) } | Out-Null
                try { Test-ShopifyShop shop } finally { Invoke-TestEmulator $emulator 'config' -Body @{ accessScopes = @($granted) } | Out-Null }
            } }
        @{ ErrorId = 'ShopifyUnexpectedError'; Case = 'a plain .NET failure on the module''s cmdlet base (what a bug throws)'; Names = 'probe failure'
            Script = {
                $module = Split-Path (Get-TestModulePath)
                $references = (Join-Path $module 'ShopifyPS.dll'), (Join-Path $module 'Dependencies/ShopifyPS.Engine.dll'), [PSObject].Assembly.Location
                Add-Type -Path (Join-Path $PSScriptRoot 'hosts/FailingCmdlet.cs') -ReferencedAssemblies $references -IgnoreWarnings -CompilerOptions '/nowarn:CS1701'
                Import-Module -Assembly ([ShopifyPS.Tests.FailingCmdlet].Assembly) -Force
                Test-ShopifyUnexpectedFailure
            } }
        @{ ErrorId = 'ShopifyHomeUnusable'; Case = 'a home folder that is a file'; Names = 'home-is-a-file'
            Script = {
                $file = Join-Path $TestDrive 'home-is-a-file'
                Set-Content $file 'not a folder'
                $previous = $env:SHOPIFYPS_HOME
                $env:SHOPIFYPS_HOME = $file
                try { New-ShopifyShop other -Domain other.myshopify.com -TokenEnvironmentVariable X } finally { $env:SHOPIFYPS_HOME = $previous }
            } }
        @{ ErrorId = 'ShopifyProfileUnreadable'; Case = 'a profile that is a link to nowhere'; Names = 'dangling.yml'
            Script = {
                $link = Join-Path $testHome 'shops/dangling.yml'
                New-Item -ItemType SymbolicLink -Path $link -Target (Join-Path $TestDrive 'nowhere.yml') | Out-Null
                try { Test-ShopifyShop dangling } finally { Remove-Item $link -Force }
            } }
        @{ ErrorId = 'ShopifyRequestFailed'; Case = 'Shopify fails inside (INTERNAL_SERVER_ERROR)'; Names = 'Request ID'
            Script = {
                Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'internalError'; count = 50 }) } | Out-Null
                try { Get-ShopifyLocation -Shop shop } finally { Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null }
            } }
        @{ ErrorId = 'ShopifyExchangeRateMissing'; Case = 'a shop currency without an exchange rate'; Names = "'USD'"
            Script = { Set-ShopifyShop shop -CurrencyCode USD; try { Sync-ShopifyPrice -Shop shop } finally { Set-ShopifyShop shop -CurrencyCode '' } } }
        @{ ErrorId = 'ShopifyCustomerTemplateUnknown'; Case = 'a customer template the ERP data lacks'; Names = 'NO-SUCH-TEMPLATE'
            Script = { Set-ShopifyShop shop -CustomerTemplateCode NO-SUCH-TEMPLATE; try { Sync-ShopifyPrice -Shop shop } finally { Set-ShopifyShop shop -CustomerTemplateCode '' } } }
    ) {
        $failure = $null
        try { & $Script -ErrorAction Stop } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty -Because "$Case should fail"
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.Exception.Message | Should -BeLike "*$Names*"
        $types = for ($type = $failure.Exception.GetType(); $type; $type = $type.BaseType) { $type.FullName }
        $types | Should -Contain 'ShopifyPS.ShopifyPSException'
        (@(Invoke-TestEmulator $emulator 'requests' -Method Get | ForEach-Object { $_ }) | Select-Object -Skip $requests |
            Where-Object { $_.document -match '^\s*mutation' }) | Should -BeNullOrEmpty -Because 'nothing may be changed'
    }

    It 'ShopifyLocationAmbiguous: two locations of one name, named by that name' {
        Update-ShopifyLocation -Shop shop | Out-Null
        $file = Join-Path $testHome 'shops/shop.yml'
        $text = Get-Content $file -Raw
        $twin = "- id: gid://shopify/Location/987654`n  name: Main warehouse`n"
        Set-Content $file ($text -replace '(?m)^locations:\s*$', "locations:`n$twin")
        try {
            Set-ShopifyLocation -Shop shop -Location 'Main warehouse' -StockCalculation FreeInventory -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'ShopifyLocationAmbiguous,*'
            $failed[0].Exception.Message | Should -BeLike '*Location/987654*'
        }
        finally { Set-Content $file $text -NoNewline }
    }
}

Describe 'Ids a failed record carries' {
    BeforeEach { $requests = @(Invoke-TestEmulator $emulator 'requests' -Method Get | ForEach-Object { $_ }).Count }

    It 'ShopifyUserError: Shopify refuses one variant''s price, and the record error says so' {
        $price = (Get-ShopifyItem -No 1001).UnitPrice
        Set-ShopifyItem -No 1001 -UnitPrice -5
        try { Sync-ShopifyPrice -Shop shop -ItemNo 1001 -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null }
        finally { Set-ShopifyItem -No 1001 -UnitPrice $price }

        $failed.Count | Should -BeGreaterThan 0
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ShopifyUserError,*' }
        $failed[0].Exception.Message | Should -BeLike '*1001*price*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'ShopifyVatSetupMissing: a price that needs a VAT pair vat-setup.csv lacks, and nothing is sent for it' {
        $group = (Get-ShopifyItem -No 1001).VatProdPostingGroup
        Set-ShopifyShop shop -CustomerTemplateCode B2B
        Set-ShopifyItem -No 1001 -VatProdPostingGroup NO-SUCH-GROUP
        try { Sync-ShopifyPrice -Shop shop -ItemNo 1001 -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null }
        finally { Set-ShopifyItem -No 1001 -VatProdPostingGroup $group; Set-ShopifyShop shop -CustomerTemplateCode '' }

        $failed.Count | Should -BeGreaterThan 0
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ShopifyVatSetupMissing,*' }
        $failed[0].Exception.Message | Should -BeLike "*'1001'*NO-SUCH-GROUP*vat-setup.csv*"
        (@(Invoke-TestEmulator $emulator 'requests' -Method Get | ForEach-Object { $_ }) | Select-Object -Skip $requests |
            Where-Object { $_.document -match '^\s*mutation' }) | Should -BeNullOrEmpty -Because 'no price could be calculated'
    }

    It 'ShopifyBulkOperationFailed: Shopify fails the bulk read of a large import, and no item is created' {
        $large = Start-TestEmulator -Token 'shpat_errorids_test'
        try {
            New-ShopifyShop -Name large -Domain large.myshopify.com -Endpoint $large.BaseUri -TokenEnvironmentVariable SHOPIFYPS_ERRORIDS_TOKEN `
                -SyncItem FromShopify -SkuMapping ItemNo | Out-Null
            # From 250 products on, an import reads the shop with a bulk query.
            $products = 1..260 | ForEach-Object { @{ title = "Bulk product $_"; variants = @(@{ sku = "BULK-$_"; price = '1.00' }) } }
            Invoke-TestEmulator $large 'seed' -Body @{ products = $products } | Out-Null
            Invoke-TestEmulator $large 'faults' -Body @{ faults = @(@{ kind = 'bulkFailed'; match = 'products'; count = 1; errorCode = 'TIMEOUT' }) } | Out-Null
            $items = @(Get-ShopifyItem).Count

            $failure = $null
            try { Sync-ShopifyProduct -Shop large -ErrorAction Stop | Out-Null } catch { $failure = $_ }

            $failure.FullyQualifiedErrorId | Should -BeLike 'ShopifyBulkOperationFailed,*'
            $failure.Exception.Message | Should -BeLike '*FAILED*TIMEOUT*'
            @(Get-ShopifyItem).Count | Should -Be $items
            (Get-ShopifySyncRun -Shop large -Last 1).Status | Should -Be 'Failed'
        }
        finally { Stop-TestEmulator $large }
    }
}
