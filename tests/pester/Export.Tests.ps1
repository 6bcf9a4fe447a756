# Items → Shopify (E1–E13, P1, S4–S6) against a Shopify emulator process, on the example data set (examples/data).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'export')
    $emulator = Start-TestEmulator -Token 'shpat_export_test'
    $env:SHOPIFYPS_EXPORT_TOKEN = $emulator.Token
    $examples = Join-Path $PSScriptRoot '../../examples/data'
    Import-ShopifyErpData -Path $examples | Out-Null
    # Items of the example data set that cannot be exported: 1021 is blocked, 1028 is sales blocked.
    $exportable = @(Get-ShopifyItem | Where-Object { -not $_.Blocked -and -not $_.SalesBlocked }).No

    function New-ExportShop([string] $Name, [hashtable] $Settings = @{}) {
        New-ShopifyShop -Name $Name -Domain "$($Name.ToLowerInvariant()).myshopify.com" -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_EXPORT_TOKEN | Out-Null
        if ($Settings.Count -gt 0) { Set-ShopifyShop $Name @Settings }
    }
    function Get-EmulatorProducts { @((Invoke-TestEmulator $emulator 'state' -Method Get).products) }
    function Get-Mutations { @(foreach ($request in (Invoke-TestEmulator $emulator 'requests' -Method Get)) { if ($request.document -match '^\s*mutation') { $request } }) }
    function Clear-Requests { Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null }
    function Reset-Emulator { Invoke-TestEmulator $emulator 'reset' | Out-Null }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_EXPORT_TOKEN -ErrorAction SilentlyContinue
}

Describe 'Add-ShopifyItem' {
    BeforeAll {
        Reset-Emulator
        New-ExportShop fields @{
            SkuMapping = 'ItemNoVariantCode'; StatusForCreatedProducts = 'Draft'; InventoryTracked = $true; DefaultInventoryPolicy = 'Continue'
            SyncItemExtendedText = $true; SyncItemAttributes = $true; LanguageCode = 'NOR'
            CustomerPriceGroup = 'WEB'; CustomerDiscountGroup = 'WEB'; CustomerTemplateCode = 'WEBSHOP'
        }
        $added = Get-ShopifyItem -No 1001, 1006 | Add-ShopifyItem -Shop fields
        $jacket = Get-EmulatorProducts | Where-Object handle -EQ 'item-1001'
        $small = $jacket.variants | Where-Object { $_.options -contains 'S' }
    }

    It 'creates one product per piped item and links it' {
        $added.Action | Should -Be @('Created', 'Created')
        (Get-ShopifyItem -No 1001 -Shop fields).ProductId | Should -Be $jacket.id
        (Get-ShopifyItem -No 1001 -Shop fields).VariantIds.Count | Should -Be 4
    }

    It 'shows in Get-ShopifyProduct which item and item variant each product and variant is mapped to' {
        $product = Get-ShopifyProduct -Shop fields -Id $jacket.id
        $product.ItemNo | Should -Be '1001'
        ($product.Variants | Where-Object Sku -EQ '1001|S').VariantCode | Should -Be 'S'
        ($product.Variants.ItemNo | Sort-Object -Unique) | Should -Be '1001'
        (Get-ShopifyProduct -Shop fields -Sku '1001|M').ItemNo | Should -Be '1001'
    }

    It 'maps every row of the E9 field map' {
        $jacket.status | Should -Be 'DRAFT'                                      # Status: S4
        $jacket.title | Should -Be 'Stormjakke skall'                             # Title: the NOR translation (E5)
        $jacket.descriptionHtml | Should -Match '<div class="productDescription">.*Vanntett 20 000 mm'   # extended text (E3)
        $jacket.descriptionHtml | Should -Match '<td class="attributeName">Farge</td><td class="attributeValue">Blå</td>'   # attributes (E4), translated
        $jacket.seo.title | Should -BeNullOrEmpty                                 # SEO blank at creation
        $jacket.seo.description | Should -BeNullOrEmpty
        # Price: item card 2999 incl. VAT (the WEB price group's row ended 2025-12-31), WEB line discount 10% on APPAREL,
        # rounded to whole NOK: 2999 - 300 = 2699; compare-at the undiscounted 2999 (E2).
        [decimal]$small.price | Should -Be 2699
        [decimal]$small.compareAtPrice | Should -Be 2999
        [decimal]$small.inventoryItem.cost | Should -Be 1250                      # Cost per item: Unit Cost
        $small.sku | Should -Be '1001|S'                                          # SKU: E6
        $small.barcode | Should -Be '7040000000139'                               # Barcode: barcode item reference of the variant
        $small.inventoryItem.tracked | Should -BeTrue                             # Track quantity: E7
        $small.inventoryPolicy | Should -Be 'CONTINUE'                            # Continue selling: E8
        $jacket.productType | Should -Be 'Jackets'                                # Type: item category description
        $jacket.vendor | Should -Be 'Nordlys Textiles AB'                         # Vendor: the vendor's name
        [double]$small.inventoryItem.weight | Should -Be 0.62                     # Weight: Gross Weight, kg
        $small.inventoryItem.weightUnit | Should -Be 'KILOGRAMS'
        $small.taxable | Should -BeTrue                                           # Taxable: always
        $small.taxCode | Should -Be 'HIGH'                                        # Tax code: VAT Prod. Posting Group
        $jacket.media.Count | Should -Be 0                                        # Media: not sent by Add-ShopifyItem (M-features)
    }

    It 'gives an item without variants the default variant and item variants the Variant option' {
        $poncho = Get-EmulatorProducts | Where-Object handle -EQ 'item-1006'
        $poncho.variants.Count | Should -Be 1
        $poncho.variants[0].sku | Should -Be '1006'
        ($jacket.options | Where-Object name -EQ 'Variant').values | Sort-Object | Should -Be @('L', 'M', 'S', 'XL')
    }

    It 'skips items that cannot be exported, and linked items, before sending anything' {
        Clear-Requests
        $results = Add-ShopifyItem -Shop fields -No 1021, 1028, 1001
        $results.Action | Should -Be @('Skipped', 'Skipped', 'Skipped')
        ($results | Where-Object ItemNo -EQ 1021).Message | Should -Match '^Item is blocked or sales blocked, so it is not exported: .*Set-ShopifyItem -Blocked \$false -SalesBlocked \$false\.$'
        ($results | Where-Object ItemNo -EQ 1001).Message | Should -Match 'already linked'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'uses the export SKU mapping <Mapping>' -ForEach @(
        @{ Mapping = 'Blank'; Jacket = @('', '', '', ''); Poncho = '' }
        @{ Mapping = 'ItemNo'; Jacket = @('1001', '1001', '1001', '1001'); Poncho = '1006' }
        @{ Mapping = 'VariantCode'; Jacket = @('L', 'M', 'S', 'XL'); Poncho = '' }
        @{ Mapping = 'ItemNoVariantCode'; Jacket = @('1001/L', '1001/M', '1001/S', '1001/XL'); Poncho = '1006' }
        @{ Mapping = 'VendorItemNo'; Jacket = @('NT-4000', 'NT-4000', 'NT-4000', 'NT-4000'); Poncho = 'TS-4035' }
        @{ Mapping = 'BarCode'; Jacket = @('7040000000412', '7040000000276', '7040000000139', '7040000000542'); Poncho = '7040000003017' }
    ) {
        Reset-Emulator
        New-ExportShop "sku$Mapping" @{ SkuMapping = $Mapping; SkuFieldSeparator = '/' }
        Add-ShopifyItem -Shop "sku$Mapping" -No 1001, 1006 | Out-Null
        $products = Get-EmulatorProducts
        $variants = ($products | Where-Object handle -EQ 'item-1001').variants
        $bySize = @{}; foreach ($v in $variants) { $bySize[$v.options[0]] = [string]$v.sku }
        @($bySize.L, $bySize.M, $bySize.S, $bySize.XL) | Should -Be $Jacket
        [string]($products | Where-Object handle -EQ 'item-1006').variants[0].sku | Should -Be $Poncho
    }

    It 'plans with -WhatIf and changes nothing in Shopify or the store' {
        Reset-Emulator
        New-ExportShop whatif
        $runsBefore = @(Get-ChildItem (Join-Path $testHome 'logs') -Recurse -File).Count
        $plan = Add-ShopifyItem -Shop whatif -No 1001, 1021 -WhatIf
        ($plan | Where-Object ItemNo -EQ 1001).Message | Should -Match "^Would create product 'Storm Shell Jacket' \(status ACTIVE, handle item-1001"
        $plan.Planned | Should -Be @($true, $true)
        Get-EmulatorProducts | Should -BeNullOrEmpty
        Get-Mutations | Should -BeNullOrEmpty
        (Get-ShopifyItem -No 1001 -Shop whatif).ProductId | Should -BeNullOrEmpty
        @(Get-ChildItem (Join-Path $testHome 'logs') -Recurse -File).Count | Should -Be $runsBefore
    }

    It 'refuses with ShopifyOutgoingRequestsDisabled and changes nothing when outgoing requests are off' {
        Reset-Emulator
        New-ExportShop killswitch @{ AllowOutgoingRequests = $false }
        { Add-ShopifyItem -Shop killswitch -No 1001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyOutgoingRequestsDisabled,ShopifyPS.Commands.Cmdlets.AddShopifyItemCommand'
        @(Invoke-TestEmulator $emulator 'requests' -Method Get) | Should -BeNullOrEmpty
        (Get-ShopifyItem -No 1001 -Shop killswitch).ProductId | Should -BeNullOrEmpty
    }

    It 'leaves exactly one product per item when a killed run is started again' {
        Reset-Emulator
        New-ExportShop crash
        Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = 150 } | Out-Null
        $child = Start-InFreshPwsh @"
`$env:SHOPIFYPS_HOME = '$testHome'
Import-Module '$(Get-TestModulePath)'
Add-ShopifyItem -Shop crash | Out-Null
"@
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while ((Get-EmulatorProducts).Count -lt 5 -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $child.HasExited | Should -BeFalse -Because 'the run must be stopped half-way'
            $child.Kill($true)
            $child.WaitForExit(10000) | Out-Null
        }
        finally { $child.Dispose() }
        Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = 0 } | Out-Null
        $createdBefore = (Get-EmulatorProducts).Count
        $createdBefore | Should -BeLessThan $exportable.Count

        $again = Add-ShopifyItem -Shop crash
        $products = Get-EmulatorProducts
        $products.Count | Should -Be $exportable.Count
        @($products.handle | Sort-Object -Unique).Count | Should -Be $exportable.Count
        ($again | Where-Object Action -EQ 'Created').Count + ($again | Where-Object { $_.Message -match 'already linked' }).Count | Should -Be $exportable.Count
        foreach ($no in $exportable) { (Get-ShopifyItem -No $no -Shop crash).ProductId | Should -Be ($products | Where-Object handle -EQ "item-$no").id }
    }
}

Describe 'Sync-ShopifyProduct' {
    BeforeAll {
        Reset-Emulator
        New-ExportShop tosync @{ SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; ActionForRemovedProducts = 'StatusToArchived'; SkuMapping = 'ItemNo' }
        Add-ShopifyItem -Shop tosync -No 1001, 1002, 1003, 1004, 1006 | Out-Null
    }

    It 'makes zero mutations when nothing changed' {
        Clear-Requests
        $results = Sync-ShopifyProduct -Shop tosync
        $results.Count | Should -Be 5
        $results.Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'sends a changed item and plans field changes with -WhatIf; tags set with Set-ShopifyProduct are not sent again' {
        Set-ShopifyItem -No 1004 -Description 'Fleece Midlayer Pro' | Out-Null
        $id = (Get-ShopifyItem -No 1006 -Shop tosync).ProductId
        Set-ShopifyProduct -Shop tosync -ProductId $id -Tags rain, outdoor | Out-Null
        (Get-EmulatorProducts | Where-Object handle -EQ 'item-1006').tags | Sort-Object | Should -Be @('outdoor', 'rain')
        Clear-Requests

        $plan = Sync-ShopifyProduct -Shop tosync -WhatIf | Where-Object Action -EQ 'Updated'
        ($plan | Where-Object ItemNo -EQ 1004).Message | Should -Match "title 'Fleece Midlayer' → 'Fleece Midlayer Pro'\.$"
        $plan.ItemNo | Should -Not -Contain '1006'
        Get-Mutations | Should -BeNullOrEmpty

        $results = Sync-ShopifyProduct -Shop tosync
        ($results | Where-Object Action -EQ 'Updated').ItemNo | Should -Be '1004'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('ProductUpdate')
        # Only the changed field goes out: the id and the title, nothing the merchandiser may have edited.
        @($sent[0].variables.product.PSObject.Properties.Name) | Should -Be @('id', 'title')
        (Get-EmulatorProducts | Where-Object handle -EQ 'item-1006').tags | Sort-Object | Should -Be @('outdoor', 'rain')
    }

    It 'archives the products of removed items and stops syncing them' {
        Remove-ShopifyItem -No 1003 -Force
        $results = Sync-ShopifyProduct -Shop tosync
        ($results | Where-Object ItemNo -EQ 1003).Message | Should -Match 'status ACTIVE → ARCHIVED'
        (Get-EmulatorProducts | Where-Object handle -EQ 'item-1003').status | Should -Be 'ARCHIVED'
        (Sync-ShopifyProduct -Shop tosync).ItemNo | Should -Not -Contain '1003'
    }

    It 'stops with <ErrorId> when syncItem and canUpdateShopifyProducts leave nothing to do' -ForEach @(
        @{ Name = 'disabled'; Settings = @{}; ErrorId = 'ShopifySyncItemDisabled' }
        @{ Name = 'noupdate'; Settings = @{ SyncItem = 'ToShopify' }; ErrorId = 'ShopifyProductUpdatesDisabled' }
    ) {
        New-ExportShop $Name $Settings
        $err = { Sync-ShopifyProduct -Shop $Name -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,ShopifyPS.Commands.Cmdlets.SyncShopifyProductCommand" -PassThru
        $err.Exception.Message | Should -Match 'Set-ShopifyShop'
    }
}

Describe 'Sync-ShopifyPrice, Set-ShopifyProduct and Remove-ShopifyProduct' {
    BeforeAll {
        Reset-Emulator
        New-ExportShop prices @{ ActionForRemovedProducts = 'StatusToDraft' }
        Add-ShopifyItem -Shop prices -No 1006, 1013 | Out-Null
    }

    It 'sends only changed prices' {
        Set-ShopifyItem -No 1006 -UnitPrice 449 | Out-Null
        Clear-Requests
        $results = Sync-ShopifyPrice -Shop prices
        ($results | Where-Object Action -EQ 'Updated').ItemNo | Should -Be '1006'
        ($results | Where-Object Action -EQ 'Updated').Message | Should -Match 'price 399.00 → 449.00'
        (Get-Mutations).operationName | Should -Be 'ProductVariantsBulkUpdate'
        [decimal](Get-EmulatorProducts | Where-Object handle -EQ 'item-1006').variants[0].price | Should -Be 449
        Clear-Requests
        (Sync-ShopifyPrice -Shop prices).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'sets status and SEO at once, and plans with -WhatIf' {
        $id = (Get-ShopifyItem -No 1013 -Shop prices).ProductId
        $plan = Set-ShopifyProduct -Shop prices -ProductId $id -Status Archived -WhatIf
        $plan.Message | Should -Be "Would change status 'ACTIVE' → 'ARCHIVED'."
        (Get-EmulatorProducts | Where-Object id -EQ $id).status | Should -Be 'ACTIVE'
        $done = Set-ShopifyProduct -Shop prices -ProductId $id -Status Archived -SeoTitle 'Camp slipper'
        $done.Action | Should -Be 'Updated'
        $product = Get-EmulatorProducts | Where-Object id -EQ $id
        $product.status | Should -Be 'ARCHIVED'
        $product.seo.title | Should -Be 'Camp slipper'
    }

    It 'sends tags at once with tagsAdd and tagsRemove, whatever syncItem is, and keeps tags set in Shopify admin' {
        $id = (Get-ShopifyItem -No 1013 -Shop prices).ProductId
        (Get-ShopifyShop prices).Items.SyncItem | Should -Not -Be 'ToShopify'
        # A tag set by hand in Shopify admin, which ShopifyPS does not manage.
        $body = @{ query = 'mutation($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { message } } }'; variables = @{ id = $id; tags = @('admin-pick') } } | ConvertTo-Json -Depth 5
        Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)/admin/api/2026-04/graphql.json" -Headers @{ 'X-Shopify-Access-Token' = $emulator.Token } -ContentType 'application/json' -Body $body | Out-Null
        Clear-Requests

        $plan = Set-ShopifyProduct -Shop prices -ProductId $id -AddTags winter -WhatIf
        $plan.Planned | Should -BeTrue
        $plan.Message | Should -Be 'Would change tags added: winter.'
        Get-Mutations | Should -BeNullOrEmpty

        $done = Set-ShopifyProduct -Shop prices -ProductId $id -AddTags winter, outlet
        $done.Action | Should -Be 'Updated'
        $done.Message | Should -Be 'Changed tags added: winter, outlet.'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('TagsAdd')
        @($sent[0].variables.tags) | Should -Be @('winter', 'outlet')
        (Get-EmulatorProducts | Where-Object id -EQ $id).tags | Sort-Object | Should -Be @('admin-pick', 'outlet', 'winter')

        Clear-Requests
        $done = Set-ShopifyProduct -Shop prices -ProductId $id -Tags winter
        $done.Message | Should -Be 'Changed tags removed: outlet.'
        (Get-Mutations).operationName | Should -Be @('TagsRemove')
        # Only the tags ShopifyPS manages were replaced: the admin tag stays.
        (Get-EmulatorProducts | Where-Object id -EQ $id).tags | Sort-Object | Should -Be @('admin-pick', 'winter')
        Clear-Requests
        (Set-ShopifyProduct -Shop prices -ProductId $id -AddTags winter).Action | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'removes a product from the connector, applies actionForRemovedProducts and says what it did in Shopify' {
        $id = (Get-ShopifyItem -No 1006 -Shop prices).ProductId
        $plan = Remove-ShopifyProduct -Shop prices -ProductId $id -WhatIf
        $plan.InShopify | Should -Be 'status set to Draft (was Active; actionForRemovedProducts: StatusToDraft)'
        $plan.Message | Should -Match '^Would remove product .* from the connector; in Shopify: status set to Draft'
        $removed = Remove-ShopifyProduct -Shop prices -ProductId $id -Force
        $removed.InShopify | Should -Be 'status set to Draft (was Active; actionForRemovedProducts: StatusToDraft)'
        $removed.Message | Should -Match '^In Shopify: status set to Draft .*Removed product .* from the connector'
        (Get-EmulatorProducts | Where-Object id -EQ $id).status | Should -Be 'DRAFT'
        (Get-ShopifyItem -No 1006 -Shop prices).ProductId | Should -BeNullOrEmpty
        Remove-ShopifyProduct -Shop prices -ProductId $id -Force -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -Be 'ShopifyProductChangeFailed,ShopifyPS.Commands.Cmdlets.RemoveShopifyProductCommand'
    }

    It 'says a product is left as it is in Shopify when actionForRemovedProducts is DoNothing' {
        Set-ShopifyShop prices -ActionForRemovedProducts DoNothing
        $id = (Get-ShopifyItem -No 1013 -Shop prices).ProductId
        Clear-Requests
        $removed = Remove-ShopifyProduct -Shop prices -ProductId $id -Force
        $removed.InShopify | Should -Be 'left as it is (actionForRemovedProducts: DoNothing)'
        $removed.Message | Should -Match '^In Shopify: left as it is \(actionForRemovedProducts: DoNothing\)\.'
        Get-Mutations | Should -BeNullOrEmpty
        (Get-EmulatorProducts | Where-Object id -EQ $id).status | Should -Be 'ARCHIVED'
    }
}
