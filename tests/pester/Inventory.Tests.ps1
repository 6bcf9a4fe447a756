# Locations and inventory sync (V1-V6) against an emulator process, with the example ERP data set.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $exampleData = Join-Path $PSScriptRoot '../../examples/data'
    $testHome = New-TestHome (Join-Path $TestDrive 'inventory')
    $emulator = Start-TestEmulator -Token 'shpat_inventory'
    $env:SHOPIFYPS_PESTER_INVENTORY = $emulator.Token
    New-ShopifyShop -Name inv -Domain inv.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_INVENTORY | Out-Null
    Import-ShopifyErpData -Path $exampleData | Out-Null

    # The engine lives in the module's own load context, so its types are reached by reflection, not type literals.
    $engine = ([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'ShopifyPS.Engine').Assemblies |
        Where-Object { $_.GetName().Name -eq 'ShopifyPS.Engine' }
    function Get-EngineType([string] $Name) { $engine.GetType($Name, $true) }

    # Seeds one Shopify product per item (SKU = item no., or item no./variant code) and writes the connector's links
    # to the items, as the export does. Each entry: @{ ItemNo; Variants = @(codes) }.
    function Add-LinkedProduct([object[]] $Items, [hashtable] $Inventory = @{ 'Main warehouse' = 0 }) {
        $products = foreach ($item in $Items) {
            if ($item.Variants) {
                @{ title = $item.ItemNo; options = @(@{ name = 'Variant'; values = @($item.Variants) })
                   variants = @($item.Variants | ForEach-Object { @{ options = @($_); sku = "$($item.ItemNo)/$_"; tracked = $true; inventory = $Inventory } }) }
            }
            else { @{ title = $item.ItemNo; variants = @(@{ sku = $item.ItemNo; tracked = $true; inventory = $Inventory }) } }
        }
        $seeded = Invoke-TestEmulator $emulator 'seed' -Body @{ products = @($products) }
        $storeType = Get-EngineType 'ShopifyPS.Storage.SqliteStore'
        $productType = Get-EngineType 'ShopifyPS.Connector.ShopProduct'
        $variantType = Get-EngineType 'ShopifyPS.Connector.ShopVariant'
        $write = [Enum]::Parse((Get-EngineType 'ShopifyPS.Storage.StoreAccess'), 'Write')
        $store = $storeType::Open((Join-Path $testHome 'shopifyps.db'), $write, (Get-EngineType 'ShopifyPS.Storage.StoreOptions')::Default, [Threading.CancellationToken]::None)
        $transaction = $store.BeginTransaction()
        try {
            for ($i = 0; $i -lt $Items.Count; $i++) {
                $product = [Activator]::CreateInstance($productType)
                $product.Shop = 'inv'; $product.Id = $seeded.products[$i].id; $product.Title = $Items[$i].ItemNo; $product.ItemNo = $Items[$i].ItemNo
                $store.Connector.SaveProduct($product)
                $codes = if ($Items[$i].Variants) { @($Items[$i].Variants) } else { @('') }
                for ($v = 0; $v -lt $codes.Count; $v++) {
                    $variant = [Activator]::CreateInstance($variantType)
                    $variant.Shop = 'inv'; $variant.Id = $seeded.products[$i].variants[$v].id; $variant.ProductId = $product.Id
                    $variant.Sku = $seeded.products[$i].variants[$v].sku; $variant.ItemNo = $Items[$i].ItemNo; $variant.VariantCode = $codes[$v]
                    $variant.MappedByItem = $codes[$v] -eq ''; $variant.InventoryItemId = $seeded.products[$i].variants[$v].inventoryItemId; $variant.Tracked = $true
                    $store.Connector.SaveVariant($variant)
                }
            }
            $transaction.Commit()
        }
        finally { $transaction.Dispose(); $store.Dispose() }
    }

    # The named quantity of a SKU at a Shopify location, from the emulator's state ($null: not stocked there).
    function Get-ShopifyQuantity([string] $Sku, [string] $LocationId, [string] $Name = 'available') {
        $state = Invoke-TestEmulator $emulator 'state' -Method Get
        $variant = $state.products.variants | Where-Object sku -EQ $Sku
        ($variant.inventoryItem.levels | Where-Object locationId -EQ $LocationId).$Name
    }

    function Get-Mutations {
        $requests = Invoke-TestEmulator $emulator 'requests' -Method Get
        $requests | Where-Object { $_.document -match '^\s*mutation' }
    }

    # V4 from the CSV itself: the calculation summed over the ERP locations, rounded down, never below 0.
    $stockRows = Import-Csv (Join-Path $exampleData 'stock.csv')
    function Get-ExpectedStock([string] $ItemNo, [string] $VariantCode, [string[]] $Codes, [string] $Calculation) {
        $sum = [decimal]0
        foreach ($row in $stockRows | Where-Object { $_.ItemNo -eq $ItemNo -and ($VariantCode -eq '' -or $_.VariantCode -eq $VariantCode) -and $_.LocationCode -in $Codes }) {
            $sum += if ($Calculation -eq 'FreeInventory') { [decimal]$row.Inventory - [decimal]$row.ReservedQuantity }
                    else { [decimal]$row.Inventory + [decimal]$row.ScheduledReceipts - [decimal]$row.GrossRequirements }
        }
        [int][Math]::Max(0, [Math]::Floor($sum))
    }

    $linked = @(
        @{ ItemNo = '1001'; Variants = @('S', 'M', 'L', 'XL') }
        @{ ItemNo = '1004'; Variants = @('S-BLK', 'M-BLK', 'L-BLK', 'M-RED', 'L-RED') }
        @{ ItemNo = '1006' }
        @{ ItemNo = '1014' }
        @{ ItemNo = '1048' }
        @{ ItemNo = '1049' }
    )
    Add-LinkedProduct $linked
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_PESTER_INVENTORY -ErrorAction SilentlyContinue
}

Describe 'Get-ShopifyLocation and Set-ShopifyLocation' {
    It 'refreshes the profile with Shopify''s locations, all Disabled, and shows them in a table' {
        $locations = Update-ShopifyLocation -Shop inv
        $locations.Name | Should -Be @('East store', 'Main warehouse', 'West store')
        $locations[0].PSObject.TypeNames[0] | Should -Be 'ShopifyPS.ShopifyLocation'
        $locations.StockCalculation | Sort-Object -Unique | Should -Be 'Disabled'
        $locations.IsActive | Sort-Object -Unique | Should -BeTrue
        $locations.InProfile | Sort-Object -Unique | Should -BeTrue
        (Get-ShopifyShop inv).Locations.Count | Should -Be 3
        ($locations | Out-String) | Should -Match 'Name\s+IsActive\s+StockCalculation\s+LocationFilter'
    }

    It 'sets only what was passed, finding the location by name from the pipeline' {
        Set-ShopifyLocation -Shop inv -Location 'East store' -LocationFilter 'EAST|WEST' -StockCalculation FreeInventory
        [pscustomobject]@{ Shop = 'inv'; Name = 'Main warehouse'; StockCalculation = 'ProjectedAvailableBalance' } | Set-ShopifyLocation -LocationFilter MAIN
        $east = Get-ShopifyLocation -Shop inv | Where-Object Name -EQ 'East store'
        $east.LocationFilter | Should -Be 'EAST|WEST'
        $east.StockCalculation | Should -Be 'FreeInventory'
        $main = Set-ShopifyLocation -Shop inv -Location 'main warehouse' -DefaultProductLocation $true -PassThru
        $main.LocationFilter | Should -Be 'MAIN'
        $main.StockCalculation | Should -Be 'ProjectedAvailableBalance'
        $main.DefaultProductLocation | Should -BeTrue
    }

    It 'refuses an invalid filter with ShopifyLocationFilterInvalid and the column, and keeps the old one' {
        Set-ShopifyLocation -Shop inv -Location 'East store' -LocationFilter 'EAST|(WEST' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'ShopifyLocationFilterInvalid,ShopifyPS.Commands.Cmdlets.SetShopifyLocationCommand'
        $bad[0].Exception.Message | Should -Match 'column 11'
        (Get-ShopifyShop inv).Locations.Where({ $_.Name -eq 'East store' }).LocationFilter | Should -Be 'EAST|WEST'
    }

    It 'reports a location the profile does not have' {
        Set-ShopifyLocation -Shop inv -Location 'Nowhere' -StockCalculation FreeInventory -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'ShopifyLocationNotFound,ShopifyPS.Commands.Cmdlets.SetShopifyLocationCommand'
    }

    It 'completes location names from the profile' {
        $line = "Set-ShopifyLocation -Shop inv -Location Ea"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be @("'East store'")
    }
}

Describe 'Sync-ShopifyInventory' {
    BeforeAll {
        $locations = @{}
        foreach ($location in Get-ShopifyLocation -Shop inv) { $locations[$location.Name] = $location.Id }
    }

    It 'brings the example stock to the Shopify locations through their filters' {
        $results = Sync-ShopifyInventory -Shop inv -InformationVariable info
        $results[0].PSObject.TypeNames[0] | Should -Be 'ShopifyPS.SyncResult'
        foreach ($item in $linked | Where-Object { $_.ItemNo -notin '1048', '1049' }) {
            $codes = if ($item.Variants) { $item.Variants } else { @('') }
            foreach ($code in $codes) {
                $sku = if ($code) { "$($item.ItemNo)/$code" } else { $item.ItemNo }
                Get-ShopifyQuantity $sku $locations['East store'] | Should -Be (Get-ExpectedStock $item.ItemNo $code 'EAST', 'WEST' FreeInventory) -Because "$sku at East store"
                Get-ShopifyQuantity $sku $locations['Main warehouse'] | Should -Be (Get-ExpectedStock $item.ItemNo $code 'MAIN' ProjectedAvailableBalance) -Because "$sku at Main warehouse"
                Get-ShopifyQuantity $sku $locations['West store'] | Should -BeNullOrEmpty -Because 'West store is Disabled'
            }
        }
        ($results | Where-Object ItemNo -In '1048', '1049').Action | Sort-Object -Unique | Should -Be 'Skipped'
        $results.Where({ $_.ItemNo -eq '1001' -and $_.VariantCode -eq 'M' -and $_.Message -like 'East store:*' }).Message |
            Should -Be "East store: available (not stocked) → $(Get-ExpectedStock 1001 M 'EAST', 'WEST' FreeInventory)"
        $summary = $info[-1].MessageData
        $summary.Failed | Should -Be 0
        $summary.Created + $summary.Updated + $summary.Unchanged | Should -Be 22
    }

    It 'writes nothing when nothing changed, and the levels keep since when their figures hold' {
        $times = { (Get-ShopifyInventory -Shop inv -ItemNo 1001 | ForEach-Object { "$($_.VariantId) $($_.LocationId) $($_.ShopifyStockAt.ToString('o')) $($_.CalculatedAt.ToString('o'))" }) -join "`n" }
        $before = & $times
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        $rerun = Sync-ShopifyInventory -Shop inv
        ($rerun | Where-Object ItemNo -NotIn '1048', '1049').Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
        $before | Should -Not -BeNullOrEmpty
        & $times | Should -Be $before
    }

    It 'reports an item number it does not know as Get-ShopifyItem does, and goes on with the others' {
        $levels = Get-ShopifyInventory -Shop inv -ItemNo 9999, 1001 -Location 'East store' -ErrorVariable missing -ErrorAction SilentlyContinue
        $levels | Should -HaveCount 4
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemNotFound,ShopifyPS.Commands.Cmdlets.GetShopifyInventoryCommand'
        $missing[0].TargetObject | Should -Be '9999'
        Get-ShopifyItem -No 9999 -ErrorVariable itemMissing -ErrorAction SilentlyContinue
        $missing[0].CategoryInfo.Category | Should -Be $itemMissing[0].CategoryInfo.Category
        $missing[0].Exception.Message | Should -Be $itemMissing[0].Exception.Message
    }

    It 'shows the stock last read and calculated, per variant and location, from the database' {
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        $levels = Get-ShopifyInventory -Shop inv -ItemNo 1001 -Location 'East store'
        $levels | Should -HaveCount 4
        $levels[0].PSObject.TypeNames[0] | Should -Be 'ShopifyPS.ShopifyInventoryLevel'
        foreach ($level in $levels) {
            $level.ShopifyStock | Should -Be $level.CalculatedStock
            $level.CalculatedStock | Should -Be (Get-ExpectedStock 1001 $level.VariantCode 'EAST', 'WEST' FreeInventory)
            $level.ShopifyStockAt | Should -Not -BeNullOrEmpty
            $level.CalculatedAt | Should -Not -BeNullOrEmpty
        }
        ($levels | Out-String) | Should -Match 'ItemNo\s+VariantCode\s+Unit\s+Location\s+ShopifyStock\s+CalculatedStock'
        Invoke-TestEmulator $emulator 'requests' -Method Get | Should -BeNullOrEmpty
    }

    It 'shows old and new quantities under -WhatIf and changes nothing' {
        $changed = Join-Path $TestDrive 'changed'
        $null = New-Item -ItemType Directory $changed -Force
        @([pscustomobject]@{ ItemNo = '1006'; VariantCode = ''; LocationCode = 'EAST'; Inventory = 500; ReservedQuantity = 0; ScheduledReceipts = 0; GrossRequirements = 0 }) |
            Export-Csv (Join-Path $changed 'stock.csv')
        Import-ShopifyErpData -Path $changed | Out-Null
        $before = Get-ShopifyQuantity '1006' $locations['East store']
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $planned = Sync-ShopifyInventory -Shop inv -ItemNo 1006 -WhatIf
        $planned.Planned | Sort-Object -Unique | Should -BeTrue
        $east = $planned | Where-Object Action -EQ 'Updated'
        $expected = Get-ExpectedStock 1006 '' 'WEST' FreeInventory
        $east.Message | Should -Be "East store: available $before → $(500 + $expected)"
        Get-Mutations | Should -BeNullOrEmpty
        (Get-ShopifyInventory -Shop inv -ItemNo 1006 -Location 'East store').CalculatedStock | Should -Be $before

        (Sync-ShopifyInventory -Shop inv -ItemNo 1006 | Where-Object Action -EQ 'Updated').Message | Should -Be $east.Message
        Get-ShopifyQuantity '1006' $locations['East store'] | Should -Be (500 + $expected)
    }

    It 'ends correct through compare-and-set when Shopify changed the level after it was last read' {
        $sku = '1014'
        $changed = Join-Path $TestDrive 'changed-1014'
        $null = New-Item -ItemType Directory $changed -Force
        @([pscustomobject]@{ ItemNo = $sku; VariantCode = ''; LocationCode = 'MAIN'; Inventory = 300; ReservedQuantity = 0; ScheduledReceipts = 0; GrossRequirements = 0 }) |
            Export-Csv (Join-Path $changed 'stock.csv')
        Import-ShopifyErpData -Path $changed | Out-Null
        $known = (Get-ShopifyInventory -Shop inv -ItemNo $sku -Location 'Main warehouse').ShopifyStock
        Invoke-TestEmulator $emulator 'inventory' -Body @{ levels = @(@{ sku = $sku; location = 'Main warehouse'; available = 77 }) } | Out-Null
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $result = Sync-ShopifyInventory -Shop inv -ItemNo $sku -SkipImport | Where-Object Message -Like 'Main warehouse:*'
        $result.Action | Should -Be 'Updated'
        $result.Message | Should -Be 'Main warehouse: available 77 → 300'
        Get-ShopifyQuantity $sku $locations['Main warehouse'] | Should -Be 300
        $writes = @(Get-Mutations | Where-Object operationName -EQ 'InventorySetQuantities')
        $writes | Should -HaveCount 2
        $writes[0].variables.input.quantities[0].changeFromQuantity | Should -Be $known
        $writes[1].variables.input.quantities[0].changeFromQuantity | Should -Be 77
    }

    It 'does not apply a batch twice when the connection dropped after Shopify applied it' {
        Invoke-TestEmulator $emulator 'inventory' -Body @{ levels = @(@{ sku = '1001/S'; location = 'Main warehouse'; available = 3 }) } | Out-Null
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        Invoke-TestEmulator $emulator 'faults' -Body @{ kind = 'dropAfter'; count = 1; match = 'InventorySetQuantities' } | Out-Null

        $results = Sync-ShopifyInventory -Shop inv -ItemNo 1001
        ($results | Where-Object Action -EQ 'Updated').Message | Should -Be "Main warehouse: available 3 → $(Get-ExpectedStock 1001 S 'MAIN' ProjectedAvailableBalance)"
        $writes = @(Get-Mutations | Where-Object operationName -EQ 'InventorySetQuantities')
        $writes | Should -HaveCount 2
        $writes[0].status | Should -Be 0
        $writes[1].variables.idempotencyKey | Should -Be $writes[0].variables.idempotencyKey
        Get-ShopifyQuantity '1001/S' $locations['Main warehouse'] | Should -Be (Get-ExpectedStock 1001 S 'MAIN' ProjectedAvailableBalance)
    }

    It 'stops with ShopifyLocationFilterInvalid before anything is done when the profile holds a bad filter' {
        $file = Join-Path $testHome 'shops/inv.yml'
        $original = Get-Content $file -Raw
        try {
            Set-Content $file ($original -replace 'locationFilter: EAST\|WEST', 'locationFilter: EAST..*')
            { Sync-ShopifyInventory -Shop inv -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyLocationFilterInvalid,ShopifyPS.Commands.Cmdlets.SyncShopifyInventoryCommand'
        }
        finally { Set-Content $file $original -NoNewline }
    }
}

Describe 'Sync-ShopifyInventory with many changed levels' {
    It 'sends 1,001 changed levels in exactly 5 calls' {
        $codes = 1..1001 | ForEach-Object { 'V{0:0000}' -f $_ }
        $big = Join-Path $TestDrive 'big'
        $null = New-Item -ItemType Directory $big -Force
        [pscustomobject]@{ No = 'BIG'; Description = 'Many variants'; Type = 'Inventory' } | Export-Csv (Join-Path $big 'items.csv')
        $codes | ForEach-Object { [pscustomobject]@{ ItemNo = 'BIG'; Code = $_ } } | Export-Csv (Join-Path $big 'item-variants.csv')
        $codes | ForEach-Object { [pscustomobject]@{ ItemNo = 'BIG'; VariantCode = $_; LocationCode = 'MAIN'; Inventory = 7 } } | Export-Csv (Join-Path $big 'stock.csv')
        Import-ShopifyErpData -Path $big | Out-Null
        Add-LinkedProduct @(@{ ItemNo = 'BIG'; Variants = $codes }) -Inventory @{ 'Main warehouse' = 1; 'East store' = 0 }
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $results = Sync-ShopifyInventory -Shop inv -ItemNo BIG
        ($results | Where-Object Action -EQ 'Updated') | Should -HaveCount 1001
        $writes = @(Get-Mutations | Where-Object operationName -EQ 'InventorySetQuantities')
        $writes | Should -HaveCount 5
        $writes.ForEach({ $_.variables.input.quantities.Count }) | Should -Be @(250, 250, 250, 250, 1)
        Get-ShopifyQuantity 'BIG/V1001' (Get-ShopifyLocation -Shop inv | Where-Object Name -EQ 'Main warehouse').Id | Should -Be 7
    }
}
