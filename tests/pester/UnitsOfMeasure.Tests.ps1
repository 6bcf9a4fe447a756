# Units of measure against an emulator process, on the example data set: item 1039 (gas canisters, kept in PCS at 79)
# is sold by the BOX of 12 (item-units-of-measure.csv, SalesUnitOfMeasure BOX), with a RETAIL box price of 849, a
# barcode of its own per unit and 30 pieces at MAIN.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'units')
    $emulator = Start-TestEmulator -Token 'shpat_units_test'
    $env:SHOPIFYPS_UNITS_TOKEN = $emulator.Token
    Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') | Out-Null

    function New-UnitShop([string] $Name, [hashtable] $Settings = @{}) {
        $all = @{ SkuMapping = 'ItemNo'; CustomerPriceGroup = 'RETAIL'; InventoryTracked = $true }
        foreach ($key in $Settings.Keys) { $all[$key] = $Settings[$key] }
        New-ShopifyShop -Name $Name -Domain "$Name.myshopify.com" -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_UNITS_TOKEN @all | Out-Null
        Update-ShopifyLocation -Shop $Name | Out-Null
        Set-ShopifyLocation -Shop $Name -Location 'Main warehouse' -LocationFilter MAIN -StockCalculation FreeInventory -DefaultProductLocation $true
    }
    function Get-EmulatorProduct([string] $Handle) { (Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object handle -EQ $Handle }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_UNITS_TOKEN -ErrorAction SilentlyContinue
}

Describe 'An item sold by the BOX of 12' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        New-UnitShop boxes
        $added = Add-ShopifyItem -Shop boxes -ItemNo 1039, 1036
        $canister = (Get-EmulatorProduct 'item-1039').variants | Select-Object -First 1
        $bottle = (Get-EmulatorProduct 'item-1036').variants | Select-Object -First 1
    }

    It 'is priced, barcoded and weighed as a box' {
        $added.Action | Should -Be @('Created', 'Created')
        $canister.price | Should -Be 849               # the RETAIL price for the BOX, not 79 × 12 = 948
        $canister.barcode | Should -Be '7040000012613'      # the BOX's reference, not the piece's 7040000012606
        $canister.inventoryItem.weight | Should -Be 4.44                 # 0.37 kg × 12
        $canister.inventoryItem.cost | Should -Be 360                    # 30 × 12
        $bottle.price | Should -Be 349                 # an item sold in its base unit is unchanged
    }

    It 'shows 30 pieces in stock as 2 boxes, at creation and in the inventory sync' {
        @($canister.inventoryItem.levels).available | Should -Be 2
        @($bottle.inventoryItem.levels).available | Should -Be 25        # BLACK at MAIN: 25 bottles
        Set-ShopifyItem -No 1039 -SalesUnitOfMeasure PCS
        try { (Sync-ShopifyInventory -Shop boxes -ItemNo 1039).Message | Should -Be 'Main warehouse: available 2 → 30' }
        finally { Set-ShopifyItem -No 1039 -SalesUnitOfMeasure BOX }
        (Sync-ShopifyInventory -Shop boxes -ItemNo 1039).Message | Should -Be 'Main warehouse: available 30 → 2'
    }

    It 'prices the box in Sync-ShopifyPrice too, with nothing to send' {
        (Sync-ShopifyPrice -Shop boxes -ItemNo 1039).Action | Should -Be 'Unchanged'
    }

    It 'skips an item sold in a unit it does not have, saying what to add' {
        Set-ShopifyItem -No 1047 -SalesUnitOfMeasure CRATE
        try {
            $skipped = Add-ShopifyItem -Shop boxes -ItemNo 1047
            $skipped.Action | Should -Be 'Skipped'
            $skipped.Message | Should -BeLike "Item 1047 is sold in 'CRATE', which is not one of its units of measure: add it to item-units-of-measure.csv*"
        }
        finally { Set-ShopifyItem -No 1047 -SalesUnitOfMeasure '' }
    }
}

Describe 'Units of measure as variants' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        New-UnitShop units @{ UomAsVariant = $true; SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true }
        $added = Add-ShopifyItem -Shop units -ItemNo 1039, 1015
        $canisters = Get-EmulatorProduct 'item-1039'
        $socks = Get-EmulatorProduct 'item-1015'
        function Get-UnitVariant($Product, [string[]] $Options) { $Product.variants | Where-Object { ($_.options -join '/') -eq ($Options -join '/') } }
    }

    It 'gives every unit a variant under the unit option, with its own price, barcode, weight and stock' {
        $added.Action | Should -Be @('Created', 'Created')
        @($canisters.options).name | Should -Be @('Unit of Measure')
        $piece = Get-UnitVariant $canisters 'PCS'
        $box = Get-UnitVariant $canisters 'BOX'
        ($piece.price, $piece.barcode, $piece.inventoryItem.weight, @($piece.inventoryItem.levels).available) | Should -Be @(79, '7040000012606', 0.37, 30)
        ($box.price, $box.barcode, $box.inventoryItem.weight, @($box.inventoryItem.levels).available) | Should -Be @(849, '7040000012613', 4.44, 2)
        ($piece.sku, $box.sku) | Should -Be @('1039', '1039')    # SKU mapping ItemNo gives every unit the item no., as Business Central
    }

    It 'gives an item with variants each variant in each unit, under Variant and the unit option' {
        @($socks.options).name | Should -Be @('Variant', 'Unit of Measure')
        @($socks.variants) | Should -HaveCount 6
        (Get-UnitVariant $socks 'M', 'PACK3').price | Should -Be 499
        (Get-UnitVariant $socks 'M', 'PCS').price | Should -Be 199
        @((Get-UnitVariant $socks 'L', 'PACK3').inventoryItem.levels).available | Should -Be 39   # L at MAIN: 118 free pieces
    }

    It 'shows the unit beside the item and variant' {
        $product = Get-ShopifyProduct -Shop units -Id $socks.id
        ($product.Variants | Where-Object { $_.VariantCode -eq 'S' }).UnitOfMeasure | Sort-Object | Should -Be @('PACK3', 'PCS')
        $inventory = Sync-ShopifyInventory -Shop units -ItemNo 1039
        $inventory.Action | Should -Be @('Unchanged', 'Unchanged')
        (Get-ShopifyInventory -Shop units -ItemNo 1039 | Sort-Object UnitOfMeasure | ForEach-Object { "$($_.UnitOfMeasure) $($_.ShopifyStock)" }) | Should -Be @('BOX 2', 'PCS 30')
    }

    It 'sends only the changed fields of the unit variants, by id' {
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        Set-ShopifyItem -No 1039 -GrossWeight 0.4
        try {
            $result = Sync-ShopifyProduct -Shop units -ItemNo 1039
            $result.Action | Should -Be 'Updated'
            $sent = @((Invoke-TestEmulator $emulator 'requests' -Method Get) | Where-Object { $_.document -match '^\s*mutation' })
            $sent | Should -HaveCount 1
            $sent[0].operationName | Should -Be 'ProductVariantsBulkUpdate'
            @($sent[0].variables.variants.id) | Should -Be @((Get-UnitVariant $canisters 'PCS').id, (Get-UnitVariant $canisters 'BOX').id)
            @($sent[0].variables.variants | ForEach-Object { $_.inventoryItem.measurement.weight.value }) | Should -Be @(0.4, 4.8)
            @($sent[0].variables.variants[0].PSObject.Properties.Name) | Should -Be @('id', 'inventoryItem')
        }
        finally { Set-ShopifyItem -No 1039 -GrossWeight 0.37 }
    }

    It 'prices each unit variant in Sync-ShopifyPrice' {
        (Sync-ShopifyPrice -Shop units -ItemNo 1039).Action | Should -Be @('Unchanged', 'Unchanged')
    }
}

Describe 'A round trip of units as variants: export, then import into an empty item store' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        New-UnitShop out @{ UomAsVariant = $true; SkuMapping = 'ItemNoVariantCode' }
        $exported = Add-ShopifyItem -Shop out -ItemNo 1039, 1015

        # A second shop on the same Shopify store, with its own database holding only what item creation needs.
        $empty = New-Item -ItemType Directory (Join-Path $TestDrive 'empty-erp')
        Copy-Item (Join-Path $PSScriptRoot '../../examples/data/item-templates.csv'), (Join-Path $PSScriptRoot '../../examples/data/no-series.csv') $empty
        New-ShopifyShop -Name back -Domain back.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_UNITS_TOKEN `
            -Database (Join-Path $TestDrive 'back.db') -SyncItem FromShopify -SkuMapping ItemNoVariantCode -AutoCreateUnknownItems $true `
            -ItemTemplateCode SHOPIFY -UomAsVariant $true -ShopifyCanUpdateItems $true | Out-Null
        Import-ShopifyErpData -Path $empty -Shop back | Out-Null
        $imported = Sync-ShopifyProduct -Shop back -ProductId $exported.ProductId
        $canisters = Get-ShopifyItem -Shop back -No 1039
        $socks = Get-ShopifyItem -Shop back -No 1015
    }

    It 'gives back the same items, variants and units' {
        $imported.Action | Sort-Object -Unique | Should -Not -Contain 'Failed'
        $canisters.Variants | Should -BeNullOrEmpty
        $canisters.UnitsOfMeasure.Code | Should -Be @('BOX')
        $canisters.BaseUnitOfMeasure | Should -Be 'PCS'
        $socks.Variants | ForEach-Object { "$($_.Code) $($_.Description)" } | Sort-Object | Should -Be @('L L', 'M M', 'S S')   # the unit is not part of the description
        $socks.UnitsOfMeasure.Code | Should -Be @('PACK3')
        (Get-ShopifyProduct -Shop back -Id ($exported | Where-Object ItemNo -EQ 1039).ProductId).Variants | ForEach-Object { "$($_.ItemNo) $($_.UnitOfMeasure)" } | Should -Be @('1039 PCS', '1039 BOX')
    }

    It 'creates a missing unit with 1 base unit per unit, as Business Central, and says to set the real quantity' {
        $canisters.UnitsOfMeasure.QtyPerUnitOfMeasure | Should -Be 1
        ($imported | Where-Object { $_.ItemNo -eq '1039' -and $_.Message -like '*new unit of measure BOX of item 1039 with QtyPerUnitOfMeasure 1*' }) | Should -HaveCount 1
    }

    It 'keeps each unit''s barcode as a reference of that unit (shopifyCanUpdateItems, as Business Central''s references of mapped variants)' {
        ($canisters.Barcodes | ForEach-Object { "$($_.UnitOfMeasure) $($_.ReferenceNo)" } | Sort-Object) | Should -Be @('BOX 7040000012613', 'PCS 7040000012606')
    }
}

# Last: marks attributes AsOption in the shared item store.
Describe 'Item attributes as product options' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        $marked = New-Item -ItemType Directory (Join-Path $TestDrive 'as-option')
        @(
            [pscustomobject]@{ ItemNo = '1023'; Attribute = 'Persons'; Value = '1'; AsOption = 'true' }
            [pscustomobject]@{ ItemNo = '1023'; Attribute = 'Colour'; Value = 'Green'; AsOption = 'true' }
            [pscustomobject]@{ ItemNo = '1024'; Attribute = 'Persons'; Value = '2'; AsOption = 'true' }
            [pscustomobject]@{ ItemNo = '1024'; Attribute = 'Colour'; Value = 'Red'; AsOption = 'true' }
            [pscustomobject]@{ ItemNo = '1024'; Attribute = 'Season'; Value = '3'; AsOption = 'true' }
            [pscustomobject]@{ ItemNo = '1024'; Attribute = 'Poles'; Value = 'Alu'; AsOption = 'true' }
        ) | Export-Csv (Join-Path $marked 'item-attributes.csv')
        Import-ShopifyErpData -Path $marked | Out-Null
        New-UnitShop options
        $added = Add-ShopifyItem -Shop options -ItemNo 1023, 1024
    }

    It 'gives an item without variants one option per marked attribute, with its values' {
        ($added | Where-Object ItemNo -EQ 1023).Action | Should -Be 'Created'
        $tent = Get-EmulatorProduct 'item-1023'
        @($tent.options | ForEach-Object { "$($_.name)=$($_.values -join ',')" }) | Should -Be @('Colour=Green', 'Persons=1')
        @($tent.variants).Count | Should -Be 1
    }

    It 'skips an item with more than 3, in Business Central''s words' {
        $skipped = $added | Where-Object ItemNo -EQ 1024
        $skipped.Action | Should -Be 'Skipped'
        $skipped.Message | Should -BeLike 'Item 1024 has 4 attributes marked as "As Option" (Colour, Persons, Poles, Season). Shopify supports a maximum of 3 product options*'
    }

    It 'refuses units of measure as variants while an attribute is marked (ShopifyUomAsVariantConflict)' {
        { Set-ShopifyShop options -UomAsVariant $true -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyUomAsVariantConflict,ShopifyPS.Commands.Cmdlets.SetShopifyShopCommand'
        (Get-ShopifyShop options).Items.UomAsVariant | Should -BeFalse
        { New-ShopifyShop more -Domain more.myshopify.com -TokenEnvironmentVariable SHOPIFYPS_UNITS_TOKEN -UomAsVariant $true -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*item 1023 'Colour'*" -ErrorId 'ShopifyUomAsVariantConflict,ShopifyPS.Commands.Cmdlets.NewShopifyShopCommand'
        Get-ShopifyShop more -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'skips an item with a marked attribute when the profile was set to units as variants by hand' {
        $path = Join-Path $testHome 'shops/options.yml'
        (Get-Content $path -Raw) -replace 'uomAsVariant: false', 'uomAsVariant: true' | Set-Content $path
        $skipped = Add-ShopifyItem -Shop options -ItemNo 1024
        $skipped.Action | Should -Be 'Skipped'
        $skipped.Message | Should -BeLike 'Item 1024 has attributes marked as "As Option" (Colour, Persons, Poles, Season), which cannot be combined with units of measure as variants*'
    }
}

Describe 'Add-ShopifyItem -AsVariantOf' {
    BeforeAll {
        New-UnitShop parent
        $parent = (Add-ShopifyItem -Shop parent -ItemNo 1039).ProductId
        $added = Add-ShopifyItem -Shop parent -ItemNo 1047, 1039 -AsVariantOf $parent
        $product = Get-EmulatorProduct 'item-1039'
    }

    It 'adds the item as a variant of the product, renaming the default Title option to Variant and keeping the product''s own variant' {
        ($added | Where-Object ItemNo -EQ 1047).Action | Should -Be 'Created'
        @($product.options).name | Should -Be @('Variant')
        @($product.variants | ForEach-Object { $_.options -join '/' }) | Should -Be @('Default Title', '1047')
        $kit = $product.variants | Where-Object { $_.options -contains '1047' }
        ($kit.price, $kit.barcode, $kit.sku) | Should -Be @(149, '7040000014242', '1047')
        (Get-ShopifyItem -Shop parent -No 1047).VariantIds | Should -Be @($kit.id)
        (Sync-ShopifyInventory -Shop parent -ItemNo 1047).Action | Should -Not -Contain 'Failed'
    }

    It 'skips the product''s own item' {
        ($added | Where-Object ItemNo -EQ 1039).Message | Should -Be "Item 1039 is the product's own item; nothing was added."
    }

    It 'refuses a product with more than one option, and a shop with units of measure as variants (ShopifyItemAsVariantRefused)' {
        New-UnitShop options    # again: the profile went with the Describe that made it; its links stay in the database
        $tent = (Get-ShopifyItem -Shop options -No 1023).ProductId
        $tent | Should -Not -BeNullOrEmpty
        { Add-ShopifyItem -Shop options -ItemNo 1047 -AsVariantOf $tent -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyItemAsVariantRefused,ShopifyPS.Commands.Cmdlets.AddShopifyItemCommand' -ExpectedMessage 'The product has more than one option. Items cannot be added as variants to a product with multiple options.*'
        $path = Join-Path $testHome 'shops/options.yml'
        (Get-Content $path -Raw) -replace 'uomAsVariant: false', 'uomAsVariant: true' | Set-Content $path
        { Add-ShopifyItem -Shop options -ItemNo 1047 -AsVariantOf $tent -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyItemAsVariantRefused,ShopifyPS.Commands.Cmdlets.AddShopifyItemCommand' -ExpectedMessage '*units of measure as variants*'
    }
}
