# Get-ShopifyProduct and Test-ShopifyShop against a Shopify emulator process seeded with products.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'client')
    $emulator = Start-TestEmulator -Token 'shpat_pester_secret'
    $env:SHOPIFYPS_PESTER_TOKEN = $emulator.Token
    $env:SHOPIFYPS_PESTER_WRONG = 'shpat_wrong_secret'
    $seed = @{
        products = @(
            @{ title = 'Oak table'; vendor = 'Contoso'; tags = @('erp'); options = @(@{ name = 'Size'; values = @('S', 'L') })
               variants = @(@{ options = @('S'); sku = 'OAK-S'; price = '199.00' }, @{ options = @('L'); sku = 'OAK-L'; price = '249.00'; barcode = '4006381333931' }) }
            @{ title = 'Pine chair'; vendor = 'Fabrikam'; status = 'DRAFT'; variants = @(@{ sku = 'PINE-1'; price = '49.50' }) }
        ) + (1..23 | ForEach-Object { @{ title = "Filler $_"; vendor = 'Contoso'; variants = @(@{ sku = "FILL-$_"; price = '1.00' }) } })
    }
    $seeded = Invoke-TestEmulator $emulator 'seed' -Body $seed
    $oakId = $seeded.products[0].id
    New-ShopifyShop -Name emu -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_TOKEN | Out-Null
    New-ShopifyShop -Name wrongtoken -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_WRONG | Out-Null
    New-ShopifyShop -Name notoken -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_UNSET | Out-Null
    New-ShopifyShop -Name oldversion -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -ApiVersion 2019-04 -TokenEnvironmentVariable SHOPIFYPS_PESTER_TOKEN | Out-Null
    New-ShopifyShop -Name unreachable -Domain emu.myshopify.com -Endpoint 'http://127.0.0.1:9' -TokenEnvironmentVariable SHOPIFYPS_PESTER_TOKEN | Out-Null
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_PESTER_TOKEN, Env:SHOPIFYPS_PESTER_WRONG -ErrorAction SilentlyContinue
}

Describe 'Get-ShopifyProduct' {
    It 'reads every product with its variants, across pages' {
        $products = Get-ShopifyProduct -Shop emu
        $products.Count | Should -Be 25
        $oak = $products | Where-Object Title -EQ 'Oak table'
        $oak.PSObject.TypeNames[0] | Should -Be 'ShopifyPS.ShopifyProduct'
        $oak.Vendor | Should -Be 'Contoso'
        $oak.Shop | Should -Be 'emu'
        $oak.Variants.Sku | Should -Be @('OAK-S', 'OAK-L')
        $oak.Variants[1].Price | Should -Be 249.00
        $oak.Variants[1].Barcode | Should -Be '4006381333931'
        $oak.Variants[0].InventoryItemId | Should -BeLike 'gid://shopify/InventoryItem/*'
    }

    It 'filters with a Shopify search query' {
        $drafts = Get-ShopifyProduct -Shop emu -Query 'status:draft'
        $drafts.Title | Should -Be 'Pine chair'
    }

    It 'finds products by SKU from the pipeline' {
        $found = [pscustomobject]@{ Sku = 'OAK-L' }, [pscustomobject]@{ Sku = 'PINE-1' } | Get-ShopifyProduct -Shop emu
        $found.Title | Should -Be @('Oak table', 'Pine chair')
    }

    It 'finds products by id, gid or number, through the ProductId alias' {
        $number = $oakId.Split('/')[-1]
        $byId = [pscustomobject]@{ ProductId = $number } | Get-ShopifyProduct -Shop emu
        $byId.Id | Should -Be $oakId
        (Get-ShopifyProduct -Shop emu -Id $oakId).Title | Should -Be 'Oak table'
    }

    It 'reports an id or SKU that matches nothing and goes on with the rest' {
        $found = Get-ShopifyProduct -Shop emu -Sku 'NOPE', 'OAK-S' -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Title | Should -Be 'Oak table'
        $failures[0].FullyQualifiedErrorId | Should -Be 'ShopifyProductNotFound,ShopifyPS.Commands.Cmdlets.GetShopifyProductCommand'
        Get-ShopifyProduct -Shop emu -Id 'gid://shopify/ProductVariant/1' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'ShopifyProductIdInvalid,ShopifyPS.Commands.Cmdlets.GetShopifyProductCommand'
    }

    It 'formats products as a table' {
        $text = Get-ShopifyProduct -Shop emu -Sku 'OAK-S' | Out-String
        $text | Should -Match 'Title\s+Status\s+ItemNo\s+Variants'
        $text | Should -Match 'OAK-S, OAK-L'
    }

    It 'stops with ShopifyAuthenticationFailed, naming the variable but never the token, when the token is refused' {
        $err = { Get-ShopifyProduct -Shop wrongtoken -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyAuthenticationFailed,ShopifyPS.Commands.Cmdlets.GetShopifyProductCommand' -PassThru
        $err.Exception.Message | Should -Match 'SHOPIFYPS_PESTER_WRONG'
        $err.Exception.Message | Should -Not -Match 'shpat_wrong_secret'
    }

    It 'writes debug output with the cost and request id, but not the token' {
        $debug = Get-ShopifyProduct -Shop emu -Sku 'PINE-1' -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        ($debug.Message -join "`n") | Should -Match 'Shopify Products: HTTP 200, cost \d+ requested'
        ($debug.Message -join "`n") | Should -Not -Match 'shpat_pester_secret'
    }
}

Describe 'Test-ShopifyShop' {
    It 'reports a reachable shop, accepted token, shop name, plan and granted scopes' {
        $result = Test-ShopifyShop emu
        $result.Success | Should -BeTrue
        $result.Reachable | Should -BeTrue
        $result.TokenAccepted | Should -BeTrue
        $result.ApiVersionSupported | Should -BeTrue
        $result.ShopName | Should -Not -BeNullOrEmpty
        $result.Plan | Should -Not -BeNullOrEmpty
        $result.GrantedScopes | Should -Contain 'write_products'
        $result.MissingScopes | Should -BeNullOrEmpty
    }

    It 'checks only the profile with -Offline' {
        $result = Test-ShopifyShop unreachable -Offline
        $result.Success | Should -BeTrue
        $result.Reachable | Should -BeNullOrEmpty
    }

    It 'reports <Shop> as <ErrorId>' -ForEach @(
        @{ Shop = 'wrongtoken'; ErrorId = 'ShopifyAuthenticationFailed'; Expect = 'SHOPIFYPS_PESTER_WRONG' }
        @{ Shop = 'notoken'; ErrorId = 'ShopifyAuthenticationFailed'; Expect = 'SHOPIFYPS_PESTER_UNSET' }
        @{ Shop = 'oldversion'; ErrorId = 'ShopifyApiVersionUnsupported'; Expect = '2019-04' }
        @{ Shop = 'unreachable'; ErrorId = 'ShopifyUnreachable'; Expect = 'http://127.0.0.1:9: nothing accepts connections there (connection refused)' }
    ) {
        $result = Test-ShopifyShop $Shop -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Success | Should -BeFalse
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ShopifyPS.Commands.Cmdlets.TestShopifyShopCommand"
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($Expect))
        $failures[0].Exception.Message | Should -Not -Match 'shpat_'
    }
}
