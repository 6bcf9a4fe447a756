BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Shop profiles round-trip' {
    BeforeEach { $testHome = New-TestHome (Join-Path $TestDrive ([guid]::NewGuid())) }

    It 'creates, changes, reloads and writes every key of the profile' {
        $all = @{
            Domain = 'contoso.myshopify.com'; Endpoint = 'http://127.0.0.1:5123'; ApiVersion = '2025-07'
            TokenEnvironmentVariable = 'SHOPIFY_CONTOSO_TOKEN'; Database = '~/data/contoso.db'; AllowOutgoingRequests = $false
            SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; ShopifyCanUpdateItems = $false; AutoCreateUnknownItems = $true
            ItemTemplateCode = 'SHOPIFY'; SkuMapping = 'ItemNoVariantCode'; SkuFieldSeparator = '/'; VariantPrefix = 'SV_'
            FindMappingByBarcode = $false; StatusForCreatedProducts = 'Draft'; ActionForRemovedProducts = 'StatusToArchived'
            SyncItemImages = 'FromShopify'; SyncItemExtendedText = $true; SyncItemAttributes = $true; LanguageCode = 'NOR'
            InventoryTracked = $true; DefaultInventoryPolicy = 'Continue'; CustomerPriceGroup = 'RETAIL'
            CustomerDiscountGroup = 'WEB'; CustomerTemplateCode = 'WEBSHOP'; CurrencyCode = 'EUR'
        }
        $created = New-ShopifyShop contoso @all
        $created.Items.SkuMapping | Should -Be 'ItemNoVariantCode'

        # Set changes only what it is given.
        Set-ShopifyShop contoso -CurrencyCode 'NOK' -VariantPrefix 'X_'
        $loaded = Get-ShopifyShop contoso
        $loaded.Prices.CurrencyCode | Should -Be 'NOK'
        $loaded.Items.VariantPrefix | Should -Be 'X_'
        $all.CurrencyCode = 'NOK'; $all.VariantPrefix = 'X_'

        $file = Join-Path $testHome 'shops/contoso.yml'
        $text = Get-Content $file -Raw
        foreach ($key in 'name', 'domain', 'endpoint', 'apiVersion', 'auth', 'tokenEnv', 'database', 'allowOutgoingRequests', 'items',
            'syncItem', 'canUpdateShopifyProducts', 'shopifyCanUpdateItems', 'autoCreateUnknownItems', 'itemTemplateCode', 'skuMapping',
            'skuFieldSeparator', 'variantPrefix', 'findMappingByBarcode', 'statusForCreatedProducts', 'actionForRemovedProducts',
            'syncItemImages', 'syncItemExtendedText', 'syncItemAttributes', 'languageCode', 'inventoryTracked', 'defaultInventoryPolicy',
            'prices', 'customerPriceGroup', 'customerDiscountGroup', 'customerTemplateCode', 'currencyCode', 'locations') {
            $text | Should -Match "(?m)^\s*$($key):" -Because "the file should carry '$key'"
        }

        # A fresh process reads the same file back to the same values.
        $reloaded = Invoke-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$testHome'; Import-Module '$(Get-TestModulePath)'; Get-ShopifyShop contoso | ConvertTo-Json -Depth 5 -Compress" | ConvertFrom-Json
        $reloaded.Domain | Should -Be $all.Domain
        $reloaded.Endpoint | Should -Be $all.Endpoint
        $reloaded.ApiVersion | Should -Be $all.ApiVersion
        $reloaded.Auth.TokenEnv | Should -Be $all.TokenEnvironmentVariable
        $reloaded.Database | Should -Be $all.Database
        $reloaded.AllowOutgoingRequests | Should -BeFalse
        foreach ($setting in 'SyncItem', 'SkuMapping', 'StatusForCreatedProducts', 'ActionForRemovedProducts', 'SyncItemImages', 'DefaultInventoryPolicy') {
            [string]$loaded.Items.$setting | Should -Be $all[$setting]
        }
        foreach ($setting in 'CanUpdateShopifyProducts', 'ShopifyCanUpdateItems', 'AutoCreateUnknownItems', 'ItemTemplateCode', 'SkuFieldSeparator',
            'VariantPrefix', 'FindMappingByBarcode', 'SyncItemExtendedText', 'SyncItemAttributes', 'LanguageCode', 'InventoryTracked') {
            $reloaded.Items.$setting | Should -Be $all[$setting] -Because $setting
        }
        foreach ($setting in 'CustomerPriceGroup', 'CustomerDiscountGroup', 'CustomerTemplateCode', 'CurrencyCode') {
            $reloaded.Prices.$setting | Should -Be $all[$setting] -Because $setting
        }
    }

    It 'keeps locations written in the file when settings change' {
        New-ShopifyShop loc -Domain loc.myshopify.com -TokenEnvironmentVariable T | Out-Null
        $file = Join-Path $testHome 'shops/loc.yml'
        $text = (Get-Content $file -Raw) -replace 'locations: \[\]', "locations:`n- id: gid://shopify/Location/1`n  name: Main`n  locationFilter: EAST|WEST`n  stockCalculation: FreeInventory`n  defaultProductLocation: true"
        Set-Content $file $text
        Set-ShopifyShop loc -InventoryTracked $true
        $profile = Get-ShopifyShop loc
        $profile.Locations | Should -HaveCount 1
        $profile.Locations[0].LocationFilter | Should -Be 'EAST|WEST'
        [string]$profile.Locations[0].StockCalculation | Should -Be 'FreeInventory'
        $profile.Locations[0].DefaultProductLocation | Should -BeTrue
        $profile.Items.InventoryTracked | Should -BeTrue
    }

    It 'applies defaults for keys a new profile leaves out' {
        $profile = New-ShopifyShop minimal -Domain minimal.myshopify.com -TokenEnvironmentVariable T
        $profile.ApiVersion | Should -Be '2026-04'
        $profile.AllowOutgoingRequests | Should -BeTrue
        [string]$profile.Items.SyncItem | Should -Be 'Disabled'
        $profile.Items.SkuFieldSeparator | Should -Be '|'
        $profile.Items.VariantPrefix | Should -Be 'V_'
        $profile.Items.FindMappingByBarcode | Should -BeTrue
        $profile.GraphQlUri | Should -Be 'https://minimal.myshopify.com/admin/api/2026-04/graphql.json'
    }

    It 'refuses to overwrite an existing profile without -Force' {
        New-ShopifyShop dup -Domain dup.myshopify.com -TokenEnvironmentVariable T | Out-Null
        { New-ShopifyShop dup -Domain other.myshopify.com -TokenEnvironmentVariable T -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyProfileExists,ShopifyPS.Commands.Cmdlets.NewShopifyShopCommand'
        (Get-ShopifyShop dup).Domain | Should -Be 'dup.myshopify.com'
        New-ShopifyShop dup -Domain other.myshopify.com -TokenEnvironmentVariable T -Force | Out-Null
        (Get-ShopifyShop dup).Domain | Should -Be 'other.myshopify.com'
    }

    It 'refuses a change that breaks the profile and leaves the file as it was' {
        New-ShopifyShop flags -Domain flags.myshopify.com -TokenEnvironmentVariable T -ShopifyCanUpdateItems $true | Out-Null
        $before = Get-Content (Join-Path $testHome 'shops/flags.yml') -Raw
        { Set-ShopifyShop flags -CanUpdateShopifyProducts $true -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyProfileConflictingUpdateFlags,ShopifyPS.Commands.Cmdlets.SetShopifyShopCommand'
        Get-Content (Join-Path $testHome 'shops/flags.yml') -Raw | Should -Be $before
    }

    It 'supports -WhatIf without writing anything' {
        New-ShopifyShop whatif -Domain whatif.myshopify.com -TokenEnvironmentVariable T -WhatIf
        Join-Path $testHome 'shops/whatif.yml' | Should -Not -Exist
    }

    It 'names a missing profile with ShopifyProfileNotFound' {
        { Set-ShopifyShop nosuch -SyncItem ToShopify -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyProfileNotFound,ShopifyPS.Commands.Cmdlets.SetShopifyShopCommand'
        Get-ShopifyShop nosuch -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ShopifyProfileNotFound,*'
    }

    It 'lists the good profiles when one is broken' {
        New-ShopifyShop good -Domain good.myshopify.com -TokenEnvironmentVariable T | Out-Null
        New-Item -ItemType Directory -Force (Join-Path $testHome 'shops') | Out-Null
        Set-Content (Join-Path $testHome 'shops/bad.yml') "name: bad`ndomain: bad.myshopify.com`nauth: {tokenEnv: T}`ncolour: red"
        $profiles = Get-ShopifyShop -ErrorVariable err -ErrorAction SilentlyContinue
        $profiles.Name | Should -Be @('good')
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ShopifyProfileUnknownKey,*'
    }
}

Describe 'Secrets' {
    BeforeEach { $testHome = New-TestHome (Join-Path $TestDrive ([guid]::NewGuid())) }

    It 'writes -AccessToken to an owner-only token file, never to the profile or the output' {
        $token = 'shpat_0123456789abcdef0123456789abcdef'
        $secure = ConvertTo-SecureString $token -AsPlainText -Force
        $output = New-ShopifyShop secret -Domain secret.myshopify.com -AccessToken $secure -Verbose 4>&1 | Out-String
        $output | Should -Not -Match $token
        $profileText = Get-Content (Join-Path $testHome 'shops/secret.yml') -Raw
        $profileText | Should -Not -Match $token
        $tokenFile = (Get-ShopifyShop secret).Auth.TokenFile
        Get-Content $tokenFile -Raw | Should -Be $token
        if (-not $IsWindows) { (Get-Item $tokenFile).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        (Get-ShopifyShop secret | Format-List * | Out-String) | Should -Not -Match $token
    }

    It 'removes the profile and the token file it owns, and keeps them under -WhatIf' {
        $secure = ConvertTo-SecureString 'shpat_x' -AsPlainText -Force
        New-ShopifyShop gone -Domain gone.myshopify.com -AccessToken $secure | Out-Null
        $tokenFile = (Get-ShopifyShop gone).Auth.TokenFile
        Remove-ShopifyShop gone -WhatIf
        Join-Path $testHome 'shops/gone.yml' | Should -Exist
        Remove-ShopifyShop gone -Force
        Join-Path $testHome 'shops/gone.yml' | Should -Not -Exist
        $tokenFile | Should -Not -Exist
    }

    It 'leaves a token file the user manages' {
        $own = Join-Path $TestDrive 'own.token'
        Set-Content $own 'shpat_mine'
        New-ShopifyShop own -Domain own.myshopify.com -TokenFile $own | Out-Null
        Remove-ShopifyShop own -Confirm:$false
        $own | Should -Exist
    }
}
