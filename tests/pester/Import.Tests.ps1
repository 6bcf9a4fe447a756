# Shopify → items (S1 FromShopify, I1–I9) against an emulator process: Sync-ShopifyProduct, Find-ShopifySkuMapping,
# Set-ShopifySkuMapping and Get-ShopifyProduct -Unmapped.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'import')
    $emulator = Start-TestEmulator -Token 'shpat_import_secret'
    $env:SHOPIFYPS_IMPORT_TOKEN = $emulator.Token

    # ERP: items 1000..1029 (the SKUs of the first 30 products), template WEB for the items the import creates.
    $erp = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'erp')
    @(0..29 | ForEach-Object { [pscustomobject]@{ No = 1000 + $_; Description = "ERP item $(1000 + $_)"; UnitPrice = 10 } }) | Export-Csv (Join-Path $erp 'items.csv')
    [pscustomobject]@{ Code = 'WEB'; Type = 'Inventory'; BaseUnitOfMeasure = 'PCS'; ItemCategoryCode = ''; VatProdPostingGroup = 'HIGH'; ItemDiscGroup = ''; NoSeries = 'WEB' } | Export-Csv (Join-Path $erp 'item-templates.csv')
    [pscustomobject]@{ Code = 'WEB'; StartingNo = 'W0001'; LastNoUsed = '' } | Export-Csv (Join-Path $erp 'no-series.csv')
    [pscustomobject]@{ No = 'V1'; Name = 'Acme' } | Export-Csv (Join-Path $erp 'vendors.csv')

    New-ShopifyShop -Name emu -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_IMPORT_TOKEN | Out-Null
    Set-ShopifyShop emu -SyncItem FromShopify -SkuMapping ItemNo -AutoCreateUnknownItems $true -ItemTemplateCode WEB
    Import-ShopifyErpData -Path $erp -Shop emu | Out-Null

    $seed = @{
        products = @(1..60 | ForEach-Object {
            $sku = if ($_ -le 30) { "$(999 + $_)" } else { 'NEW-{0:00}' -f $_ }
            @{ title = "Product $_"; vendor = 'Acme'; variants = @(@{ sku = $sku; price = '25.00'; cost = '11.00' }) }
        })
    }
    $seeded = Invoke-TestEmulator $emulator 'seed' -Body $seed
    $productId = @{}
    foreach ($p in $seeded.products) { $productId[$p.variants[0].sku] = $p.id }

    # The next import reads what changed since the last one started, less two seconds: keep the seeding out of that window.
    Start-Sleep -Seconds 4

    function Invoke-Shopify([string] $Query, $Variables) {
        $body = @{ query = $Query; variables = $Variables } | ConvertTo-Json -Depth 10
        Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)/admin/api/2026-04/graphql.json" -Headers @{ 'X-Shopify-Access-Token' = $emulator.Token } -ContentType 'application/json' -Body $body
    }
    function Rename-Product([string] $Id, [string] $Title) {
        $answer = Invoke-Shopify 'mutation R($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }' @{ p = @{ id = $Id; title = $Title } }
        $answer.data.productUpdate.userErrors | Should -BeNullOrEmpty
    }
    function Get-ItemsText { Get-ShopifyItem -Shop emu | Select-Object No, Description, UnitPrice, UnitCost, VendorNo | ConvertTo-Json -Compress }
    function Get-ImportRequests { (Invoke-TestEmulator $emulator 'requests' -Method Get) | Where-Object operationName -In 'ProductsCount', 'Products', 'BulkOperationRunQuery' }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_IMPORT_TOKEN -ErrorAction SilentlyContinue
}

Describe 'Sync-ShopifyProduct from Shopify' {
    It 'imports a shop of 60 products: maps the 30 whose SKU is an item no. and creates the other 30 from the template' {
        $results = Sync-ShopifyProduct -Shop emu -InformationVariable info
        $results.Count | Should -Be 60
        $results[0].PSObject.TypeNames[0] | Should -Be 'ShopifyPS.SyncResult'
        @($results | Where-Object Action -EQ Updated).Count | Should -Be 30
        @($results | Where-Object Action -EQ Created).Count | Should -Be 30
        ($results | Where-Object ItemNo -EQ '1005').Message | Should -Match 'SKU 1005 is item 1005'
        $created = $results | Where-Object ItemNo -EQ 'NEW-31'
        $created.Action | Should -Be 'Created'
        $created.Item.Description | Should -Be 'Product 31'
        $created.Item.UnitPrice | Should -Be 25
        $created.Item.UnitCost | Should -Be 11
        $created.Item.VendorNo | Should -Be 'V1'
        (Get-ShopifyItem -Shop emu -No 'NEW-60').VatProdPostingGroup | Should -Be 'HIGH'
        ($info | Where-Object { 'Summary' -in $_.Tags }).MessageData.Created | Should -Be 30
        # A first import reads the whole shop through one bulk query, without counting it first.
        (Get-ImportRequests).operationName | Should -Be @('BulkOperationRunQuery')
    }

    It 'a second run with nothing changed reads only what changed since the last run and changes no item' {
        $before = Get-ItemsText
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $results = Sync-ShopifyProduct -Shop emu

        $results | Should -BeNullOrEmpty
        Get-ItemsText | Should -Be $before
        $reads = Get-ImportRequests
        # The floor: one empty page of changes, no count and no bulk query.
        $reads.operationName | Should -Be @('Products')
        $page = $reads | Where-Object operationName -EQ 'Products'
        $page.variables.query | Should -Match "^updated_at:>='\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'$"
        $page.actualCost | Should -BeLessOrEqual 3
    }

    It 'the next run reads only the product changed in Shopify, and leaves its item alone without shopifyCanUpdateItems' {
        Rename-Product $productId['1003'] 'Renamed in Shopify'
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $results = @(Sync-ShopifyProduct -Shop emu)

        $results.Count | Should -Be 1
        $results[0].ProductId | Should -Be $productId['1003']
        $results[0].Action | Should -Be 'Unchanged'
        (Get-ShopifyItem -Shop emu -No 1003).Description | Should -Be 'ERP item 1003'
        (Get-ImportRequests | Where-Object operationName -EQ 'Products').variables.query | Should -Match '^updated_at:>='
    }

    It 'with shopifyCanUpdateItems a changed product updates its item and hands the item on' {
        Set-ShopifyShop emu -ShopifyCanUpdateItems $true
        try {
            Rename-Product $productId['1004'] 'Better name'
            # Products changed just before the last run started are read again (the overlap) and found unchanged.
            $results = Sync-ShopifyProduct -Shop emu
            $results | Where-Object ProductId -NE $productId['1004'] | ForEach-Object Action | Should -Not -Contain 'Updated'
            $result = $results | Where-Object ProductId -EQ $productId['1004']
            $result.Action | Should -Be 'Updated'
            $result.Message | Should -Match "Description: 'ERP item 1004' → 'Better name'"
            $result.Item.Description | Should -Be 'Better name'
            (Get-ShopifyItem -Shop emu -No 1004).Description | Should -Be 'Better name'
        }
        finally { Set-ShopifyShop emu -ShopifyCanUpdateItems $false }
    }

    It 'a manual mapping survives the next import' {
        { Set-SkuMapping -Shop emu -Sku 'NEW-31' -ItemNo 1000 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyMappingExists,ShopifyPS.Commands.Cmdlets.SetShopifySkuMappingCommand'
        $mapped = Set-SkuMapping -Shop emu -Sku 'NEW-31' -ItemNo 1000 -Force -PassThru
        $mapped.Message | Should -Match 'item NEW-31 → item 1000'
        Rename-Product $productId['NEW-31'] 'Product 31 again'

        $result = Sync-ShopifyProduct -Shop emu | Where-Object ProductId -EQ $productId['NEW-31']

        $result.ItemNo | Should -Be '1000'
        $result.Action | Should -Be 'Unchanged'
    }

    It 'refuses a manual mapping to an item or variant that does not exist' {
        Set-ShopifySkuMapping -Shop emu -Sku 'NEW-32' -ItemNo 'NOPE' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemNotFound,ShopifyPS.Commands.Cmdlets.SetShopifySkuMappingCommand'
        Set-ShopifySkuMapping -Shop emu -Sku 'NEW-32' -ItemNo 1000 -VariantCode 'XL' -Force -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemVariantNotFound,ShopifyPS.Commands.Cmdlets.SetShopifySkuMappingCommand'
        $planned = Set-ShopifySkuMapping -Shop emu -Sku 'NEW-32' -ItemNo 1001 -Force -WhatIf
        $planned.Planned | Should -BeTrue
        (Sync-ShopifyProduct -Shop emu -ProductId $productId['NEW-32']).ItemNo | Should -Be 'NEW-32'
    }

    It 'lists unmapped products, and maps them once the ERP has their item' {
        Set-ShopifyShop emu -AutoCreateUnknownItems $false
        try {
            $loose = (Invoke-TestEmulator $emulator 'seed' -Body @{ products = @(@{ title = 'Loose'; variants = @(@{ sku = 'LOOSE-1' }) }) }).products[0].id
            $skipped = Sync-ShopifyProduct -Shop emu -ProductId $loose
            $skipped.Action | Should -Be 'Skipped'
            $skipped.Message | Should -Match 'no item no. LOOSE-1'
            (Get-ShopifyProduct -Shop emu -Unmapped).Id | Should -Be $loose

            Set-ShopifyItem -No 'LOOSE-1' -Description 'Loose item'
            $found = Find-ShopifySkuMapping -Shop emu
            $found.ItemNo | Should -Be 'LOOSE-1'
            $found.Action | Should -Be 'Updated'
            Get-ShopifyProduct -Shop emu -Unmapped | Should -BeNullOrEmpty
        }
        finally { Set-ShopifyShop emu -AutoCreateUnknownItems $true }
    }

    It '-WhatIf plans item creation and saves nothing' {
        $new = (Invoke-TestEmulator $emulator 'seed' -Body @{ products = @(@{ title = 'Planned'; variants = @(@{ sku = 'PLAN-1'; price = '5.00' }) }) }).products[0].id

        $planned = Sync-ShopifyProduct -Shop emu -ProductId $new -WhatIf

        $planned.Planned | Should -BeTrue
        $planned.Action | Should -Be 'Created'
        $planned.Message | Should -Match 'new item PLAN-1'
        Get-ShopifyItem -Shop emu -No 'PLAN-1' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a product that cannot be created fails with what to fix, and the others go on' {
        Set-ShopifyShop emu -ItemTemplateCode 'MISSING'
        try {
            $bad = (Invoke-TestEmulator $emulator 'seed' -Body @{ products = @(@{ title = 'No template'; variants = @(@{ sku = 'TPL-1' }) }) }).products[0].id
            $result = Sync-ShopifyProduct -Shop emu -ProductId $bad, $productId['1001'] -ErrorVariable failed -ErrorAction SilentlyContinue
            ($result | Where-Object ProductId -EQ $bad).Action | Should -Be 'Failed'
            $failed[0].FullyQualifiedErrorId | Should -Be 'ShopifySyncRecordFailed,ShopifyPS.Commands.Cmdlets.SyncShopifyProductCommand'
            $failed[0].Exception.Message | Should -Match "Item template 'MISSING'"
            ($result | Where-Object ProductId -EQ $productId['1001']).ItemNo | Should -Be '1001'
        }
        finally { Set-ShopifyShop emu -ItemTemplateCode WEB }
    }

    It 'stops when the shop does not sync items from Shopify' {
        Set-ShopifyShop emu -SyncItem Disabled
        try {
            { Sync-ShopifyProduct -Shop emu -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifySyncItemDisabled,ShopifyPS.Commands.Cmdlets.SyncShopifyProductCommand'
        }
        finally { Set-ShopifyShop emu -SyncItem FromShopify }
    }
}
