# Product content beyond the title against an emulator process, on the example data set (examples/data): customs data
# (TariffNo and CountryOfOrigin as the inventory item's harmonized system code and country of origin) and metafields
# mapped from item attributes and columns (items.metafields), and the collections new products join (items.collections).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_content_test'
    New-TestShop -Emulator $emulator -Name content -HomePath (Join-Path $TestDrive 'content') -TokenVariable SHOPIFYPS_CONTENT_TOKEN -Settings @{
        SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo'
    }

    function Get-EmulatorProduct([string] $ItemNo) { (Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object handle -EQ "item-$ItemNo" }
    function Get-Mutations { @(foreach ($request in (Invoke-TestEmulator $emulator 'requests' -Method Get)) { if ($request.document -match '^\s*mutation') { $request } }) }
    function Clear-Requests { Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null }
    function Invoke-Shopify([string] $Query, $Variables) {
        $body = @{ query = $Query; variables = $Variables } | ConvertTo-Json -Depth 10
        Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)/admin/api/2026-04/graphql.json" -Headers @{ 'X-Shopify-Access-Token' = $emulator.Token } -ContentType 'application/json' -Body $body
    }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_CONTENT_TOKEN -ErrorAction SilentlyContinue
}

Describe 'Customs data' {
    It 'reads TariffNo and CountryOfOrigin from items.csv and shows them in Get-ShopifyItem' {
        $item = Get-ShopifyItem -No 1009
        $item.TariffNo | Should -Be '6403.99.93'
        $item.CountryOfOrigin | Should -Be 'VN'
        (Get-ShopifyShop content).Items.SyncHsCodeAndCountry | Should -BeTrue
    }

    It 'creates products whose inventory items carry the harmonized system code and the country of origin' {
        (Add-ShopifyItem -Shop content -No 1001, 1009).Action | Should -Be @('Created', 'Created')
        foreach ($variant in (Get-EmulatorProduct 1001).variants) {
            $variant.inventoryItem.harmonizedSystemCode | Should -Be '62014010'
            $variant.inventoryItem.countryCodeOfOrigin | Should -Be 'CN'
        }
        (Get-EmulatorProduct 1009).variants[0].inventoryItem.harmonizedSystemCode | Should -Be '64039993'
    }

    It 'sends exactly the changed customs field, keeps a country set in Shopify admin, and then nothing' {
        $first = (Get-EmulatorProduct 1001).variants[0].inventoryItem.id
        $answer = Invoke-Shopify 'mutation U($id: ID!, $i: InventoryItemInput!) { inventoryItemUpdate(id: $id, input: $i) { userErrors { message } } }' @{ id = $first; i = @{ countryCodeOfOrigin = 'BD' } }
        $answer.data.inventoryItemUpdate.userErrors | Should -BeNullOrEmpty
        Set-ShopifyItem -No 1001 -TariffNo '6201.40.20' | Out-Null
        Clear-Requests

        $plan = Sync-ShopifyProduct -Shop content -WhatIf | Where-Object Action -EQ 'Updated'
        $plan.ItemNo | Should -Be '1001'
        $plan.Message | Should -Match "harmonizedSystemCode '62014010' → '62014020'"
        $results = Sync-ShopifyProduct -Shop content
        ($results | Where-Object Action -EQ 'Updated').ItemNo | Should -Be '1001'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('ProductVariantsBulkUpdate')
        foreach ($variant in $sent[0].variables.variants) {
            @($variant.PSObject.Properties.Name) | Should -Be @('id', 'inventoryItem')
            @($variant.inventoryItem.PSObject.Properties.Name) | Should -Be @('harmonizedSystemCode')
        }
        $variants = (Get-EmulatorProduct 1001).variants
        $variants.inventoryItem.harmonizedSystemCode | Sort-Object -Unique | Should -Be '62014020'
        ($variants | Where-Object { $_.inventoryItem.id -eq $first }).inventoryItem.countryCodeOfOrigin | Should -Be 'BD'

        Clear-Requests
        (Sync-ShopifyProduct -Shop content).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'fails an item whose tariff no. or country Shopify would refuse, naming the value and the fix, and creates the others' {
        Set-ShopifyItem -No 1004 -TariffNo '62.01' | Out-Null
        Set-ShopifyItem -No 1005 -CountryOfOrigin 'CHN' | Out-Null
        Clear-Requests

        $results = Add-ShopifyItem -Shop content -No 1004, 1005, 1006 -ErrorVariable failures -ErrorAction SilentlyContinue

        ($results | Where-Object Action -EQ 'Created').ItemNo | Should -Be '1006'
        $failures.Count | Should -Be 2
        $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeLike 'ShopifySyncRecordFailed*'
        ($failures | Where-Object { $_.TargetObject.ItemNo -eq '1004' }).Exception.Message | Should -Match "TariffNo '62\.01' has 4 digits; Shopify takes a harmonized system code of 6 to 13 digits.*Set-ShopifyItem -TariffNo"
        ($failures | Where-Object { $_.TargetObject.ItemNo -eq '1005' }).Exception.Message | Should -Match "CountryOfOrigin 'CHN' is not a country code"
        (Get-Mutations).operationName | Should -Not -Contain 'ProductVariantsBulkUpdate'
        Get-EmulatorProduct 1004 | Should -BeNullOrEmpty
    }

    It 'sends no customs data when syncHsCodeAndCountry is off' {
        Set-ShopifyShop content -SyncHsCodeAndCountry $false
        try {
            Clear-Requests
            (Add-ShopifyItem -Shop content -No 1004).Action | Should -Be 'Created'
            ((Get-Mutations | Where-Object operationName -EQ 'ProductSet').variables | ConvertTo-Json -Depth 20) | Should -Not -Match 'harmonizedSystemCode|countryCodeOfOrigin'
        }
        finally { Set-ShopifyShop content -SyncHsCodeAndCountry $true }
    }

    It 'imports the customs data Shopify has into the item when shopifyCanUpdateItems is on' {
        New-ShopifyShop -Name back -Domain back.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN `
            -SyncItem FromShopify -ShopifyCanUpdateItems $true -SkuMapping ItemNo | Out-Null
        $product = Get-EmulatorProduct 1009
        $answer = Invoke-Shopify 'mutation U($id: ID!, $i: InventoryItemInput!) { inventoryItemUpdate(id: $id, input: $i) { userErrors { message } } }' @{
            id = $product.variants[0].inventoryItem.id; i = @{ harmonizedSystemCode = '640399'; countryCodeOfOrigin = 'ID' }
        }
        $answer.data.inventoryItemUpdate.userErrors | Should -BeNullOrEmpty

        $results = Sync-ShopifyProduct -Shop back -ProductId $product.id

        # The item's customs data come from its first variant in the product; the others (still VN) do not overwrite them.
        $results.Count | Should -Be $product.variants.Count
        $results[0].Message | Should -Match "TariffNo: '6403\.99\.93' → '640399', CountryOfOrigin: 'VN' → 'ID'"
        $item = Get-ShopifyItem -No 1009
        ($item.TariffNo, $item.CountryOfOrigin) | Should -Be @('640399', 'ID')
    }
}

Describe 'Metafields' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        New-ShopifyShop -Name fields -Domain fields.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN `
            -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo | Out-Null
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/fields.yml'
        $mappings = @"
  metafields:
  - namespace: custom
    key: material
    type: single_line_text_field
    attribute: Material
  - namespace: custom
    key: persons
    type: number_integer
    attribute: Persons
  - owner: Variant
    namespace: custom
    key: size_name
    type: single_line_text_field
    field: Description
"@
        (Get-Content $file -Raw) -replace '(?m)^  metafields: \[\]\r?\n', "$mappings`n" | Set-Content $file -NoNewline
        $erp = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'attributes')
    }

    It 'sets mappings with Set-ShopifyShop -Metafields from hashtables, and refuses one Shopify would refuse, saving nothing' {
        New-ShopifyShop -Name typed -Domain typed.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN | Out-Null
        Set-ShopifyShop typed -Metafields @{ Namespace = 'custom'; Key = 'material'; Type = 'single_line_text_field'; Attribute = 'Material' },
            @{ Owner = 'Variant'; Namespace = 'custom'; Key = 'size_name'; Type = 'single_line_text_field'; Field = 'Description' }
        $saved = (Get-ShopifyShop typed).Items.Metafields
        $saved | ForEach-Object { "$($_.Owner) $_ $($_.Attribute)$($_.Field)" } | Should -Be @('Product custom.material Material', 'Variant custom.size_name Description')

        { Set-ShopifyShop typed -Metafields @{ Namespace = 'custom'; Key = 'persons'; Type = 'weight'; Attribute = 'Persons' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyProfileInvalidValue*'
        (Get-ShopifyShop typed).Items.Metafields.Count | Should -Be 2
        Set-ShopifyShop typed -Metafields @()
        (Get-ShopifyShop typed).Items.Metafields | Should -BeNullOrEmpty
    }

    It 'reads the mappings from the profile' {
        $shop = Get-ShopifyShop fields
        $shop.Items.Metafields.Count | Should -Be 3
        $shop.Items.Metafields[2].Owner | Should -Be 'Variant'
    }

    It 'creates products that carry the mapped metafields, with no call of their own' {
        Clear-Requests
        (Add-ShopifyItem -Shop fields -No 1001, 1024).Action | Should -Be @('Created', 'Created')
        (Get-Mutations).operationName | Sort-Object -Unique | Should -Be @('ProductSet', 'PublishablePublish')
        $jacket = Get-EmulatorProduct 1001
        ($jacket.metafields | Where-Object key -EQ 'material').value | Should -Be 'Polyamide 3-layer'
        ($jacket.variants | ForEach-Object { ($_.metafields | Where-Object key -EQ 'size_name').value } | Sort-Object) | Should -Be @('Extra large', 'Large', 'Medium', 'Small')
        $tent = Get-EmulatorProduct 1024
        ($tent.metafields | Where-Object key -EQ 'persons') | Select-Object type, value | Should -BeLike '*type=number_integer; value=2*'
    }

    It 'sends exactly the one changed metafield, keeps metafields of other namespaces, and then nothing' {
        $jacket = Get-EmulatorProduct 1001
        $answer = Invoke-Shopify 'mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }' @{
            m = @(@{ ownerId = $jacket.id; namespace = 'reviews'; key = 'rating_count'; type = 'number_integer'; value = '17' })
        }
        $answer.data.metafieldsSet.userErrors | Should -BeNullOrEmpty
        [pscustomobject]@{ ItemNo = '1001'; Attribute = 'Material'; Value = 'Polyester 2.5-layer' } | Export-Csv (Join-Path $erp 'item-attributes.csv')
        Import-ShopifyErpData -Path $erp | Out-Null
        Clear-Requests

        $results = Sync-ShopifyProduct -Shop fields

        ($results | Where-Object Action -EQ 'Updated').ItemNo | Should -Be '1001'
        ($results | Where-Object Action -EQ 'Updated').Message | Should -Match "metafield custom\.material 'Polyamide 3-layer' → 'Polyester 2\.5-layer'"
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('MetafieldsSet')
        @($sent[0].variables.metafields).Count | Should -Be 1
        $sent[0].variables.metafields[0].key | Should -Be 'material'
        $metafields = (Get-EmulatorProduct 1001).metafields
        ($metafields | Where-Object key -EQ 'rating_count').value | Should -Be '17'
        ($metafields | Where-Object key -EQ 'material').value | Should -Be 'Polyester 2.5-layer'

        Clear-Requests
        (Sync-ShopifyProduct -Shop fields).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'shows the metafields of a product and its variants with Get-ShopifyProduct -IncludeMetafields only' {
        $id = (Get-EmulatorProduct 1001).id
        (Get-ShopifyProduct -Shop fields -Id $id).Metafields | Should -BeNullOrEmpty
        $product = Get-ShopifyProduct -Shop fields -Id $id -IncludeMetafields
        ($product.Metafields | ForEach-Object ToString | Sort-Object) | Should -Be @('custom.material=Polyester 2.5-layer', 'reviews.rating_count=17')
        ($product.Variants | ForEach-Object { "$($_.Metafields)" } | Sort-Object) | Should -Be @('custom.size_name=Extra large', 'custom.size_name=Large', 'custom.size_name=Medium', 'custom.size_name=Small')
    }

    It 'gives a variant added to a live product its mapped metafields in the call that creates it, and then sends nothing' {
        [pscustomobject]@{ ItemNo = '1001'; Code = 'XXL'; Description = 'Extra extra large'; Blocked = 'false'; PicturePath = '' } | Export-Csv (Join-Path $erp 'item-variants.csv')
        Import-ShopifyErpData -Path $erp | Out-Null
        Clear-Requests

        $result = Sync-ShopifyProduct -Shop fields | Where-Object ItemNo -EQ '1001'

        $result.Action | Should -Be 'Updated'
        $created = Get-Mutations | Where-Object operationName -EQ 'ProductVariantsBulkCreate'
        $created.variables.variants[0].metafields[0] | Select-Object namespace, key, value | Should -BeLike '*namespace=custom; key=size_name; value=Extra extra large*'
        (Get-Mutations).operationName | Should -Not -Contain 'MetafieldsSet'
        $xxl = (Get-EmulatorProduct 1001).variants | Where-Object { $_.options -contains 'XXL' }
        ($xxl.metafields | Where-Object key -EQ 'size_name').value | Should -Be 'Extra extra large'

        Clear-Requests
        (Sync-ShopifyProduct -Shop fields | Where-Object ItemNo -EQ '1001').Action | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'fails an item whose value the metafield type cannot take, before anything is sent' {
        [pscustomobject]@{ ItemNo = '1024'; Attribute = 'Persons'; Value = 'two' } | Export-Csv (Join-Path $erp 'item-attributes.csv')
        Import-ShopifyErpData -Path $erp | Out-Null
        Clear-Requests

        $results = Sync-ShopifyProduct -Shop fields -ErrorVariable failures -ErrorAction SilentlyContinue

        ($results | Where-Object ItemNo -EQ '1024').Action | Should -Be 'Failed'
        $failures.Exception.Message | Should -Match "The value 'two' of attribute 'Persons' cannot be sent as the number_integer metafield custom\.persons: Shopify takes a whole number"
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'refuses a mapping Shopify would refuse, naming the profile line' {
        $bad = Join-Path $env:SHOPIFYPS_HOME 'shops/badfields.yml'
        (Get-Content $file -Raw) -replace 'name: fields', 'name: badfields' -replace 'type: number_integer', 'type: weight' | Set-Content $bad -NoNewline

        { Get-ShopifyShop badfields -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyProfileInvalidValue*'
        $problem = $null
        Get-ShopifyShop badfields -ErrorVariable problem -ErrorAction SilentlyContinue | Out-Null
        $problem[0].Exception.Message | Should -Match "items\.metafields\[1\]\.type.*'weight' takes values an ERP column or attribute does not hold"
    }

    It 'imports a mapped attribute metafield changed in Shopify into the item attribute when shopifyCanUpdateItems is on' {
        $id = (Get-EmulatorProduct 1001).id
        $answer = Invoke-Shopify 'mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }' @{
            m = @(@{ ownerId = $id; namespace = 'custom'; key = 'material'; value = 'Recycled nylon' })
        }
        $answer.data.metafieldsSet.userErrors | Should -BeNullOrEmpty
        New-ShopifyShop -Name fieldsback -Domain fieldsback.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN `
            -SyncItem FromShopify -ShopifyCanUpdateItems $true -SkuMapping ItemNo | Out-Null
        $back = Join-Path $env:SHOPIFYPS_HOME 'shops/fieldsback.yml'
        (Get-Content $file -Raw) -replace 'name: fields', 'name: fieldsback' -replace 'domain: fields\.', 'domain: fieldsback.' -replace 'syncItem: ToShopify', 'syncItem: FromShopify' `
            -replace 'canUpdateShopifyProducts: true', 'canUpdateShopifyProducts: false' -replace 'shopifyCanUpdateItems: false', 'shopifyCanUpdateItems: true' | Set-Content $back -NoNewline

        $results = Sync-ShopifyProduct -Shop fieldsback -ProductId $id

        ($results.Message -join ' ') | Should -Match "attribute Material: 'Polyester 2\.5-layer' → 'Recycled nylon' \(metafield custom\.material\)"
        (Invoke-TestEmulator $emulator 'requests' -Method Get).operationName | Should -Contain 'ProductMetafields'
    }

    It 'is refused by Test-ShopifyShop when a mapping has another type than the shop''s metafield definition' {
        Invoke-TestEmulator $emulator 'seed' -Body @{ metafieldDefinitions = @(
                @{ ownerType = 'PRODUCT'; namespace = 'custom'; key = 'material'; type = 'single_line_text_field'; name = 'Material' }
                @{ ownerType = 'PRODUCT'; namespace = 'custom'; key = 'persons'; type = 'number_decimal'; name = 'Persons' }
                @{ ownerType = 'PRODUCTVARIANT'; namespace = 'custom'; key = 'size_name'; type = 'single_line_text_field'; name = 'Size name' }) } | Out-Null

        $result = Test-ShopifyShop fields -ErrorVariable problems -ErrorAction SilentlyContinue

        $result.Success | Should -BeFalse
        $problem = $problems | Where-Object { $_.FullyQualifiedErrorId -like 'ShopifyMetafieldDefinitionMismatch*' }
        $problem | Should -HaveCount 1
        $problem.Exception.Message | Should -Match "product metafield custom\.persons is mapped as number_integer, but the shop's definition 'Persons' makes it number_decimal"
        $problem.Exception.Message | Should -Not -Match 'custom\.material|size_name'
        # One read per owner type and namespace mapped: product custom, variant custom.
        @((Invoke-TestEmulator $emulator 'requests' -Method Get).operationName -eq 'MetafieldDefinitions') | Should -HaveCount 2
    }
}

Describe 'Collections' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        Invoke-TestEmulator $emulator 'seed' -Body @{ collections = @(@{ title = 'Summer Outdoor'; handle = 'summer' }, @{ title = 'Sale'; smart = $true }) } | Out-Null
        New-ShopifyShop -Name joins -Domain joins.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN -Collections 'summer', 'Sale', 'Nowhere' | Out-Null
    }

    It 'is refused by Test-ShopifyShop for a smart collection and for a name the shop has not' {
        $null = Test-ShopifyShop joins -ErrorVariable problems -ErrorAction SilentlyContinue
        $problem = $problems | Where-Object { $_.FullyQualifiedErrorId -like 'ShopifyCollectionNotFound*' }
        $problem | Should -HaveCount 1
        $problem.Exception.Message | Should -Match "'Sale' is a smart collection"
        $problem.Exception.Message | Should -Match "'Nowhere' is neither the handle nor the title of a collection"
        $problem.Exception.Message | Should -Not -Match "'summer'"
    }

    It 'stops every create before anything is sent while a collection cannot be used' {
        Clear-Requests
        $result = Add-ShopifyItem -Shop joins -No 1001 -ErrorAction SilentlyContinue
        $result.Action | Should -Be 'Failed'
        $result.Message | Should -Match "'Sale' is a smart collection.*No product was created"
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'creates products in the named custom collections, by handle or title, with no call of their own' {
        Set-ShopifyShop joins -Collections 'SUMMER'
        (Get-ShopifyShop joins).Items.Collections | Should -Be 'SUMMER'
        Clear-Requests
        (Add-ShopifyItem -Shop joins -No 1001).Action | Should -Be 'Created'
        (Get-Mutations).operationName | Should -Be @('ProductSet', 'PublishablePublish')
        (Get-EmulatorProduct 1001).collections | Should -Be 'summer'
        Set-ShopifyShop joins -Collections 'Summer Outdoor'
        (Add-ShopifyItem -Shop joins -No 1002).Action | Should -Be 'Created'
        (Get-EmulatorProduct 1002).collections | Should -Be 'summer'
    }
}

Describe 'Marketing text' {
    BeforeAll {
        Invoke-TestEmulator $emulator 'reset' | Out-Null
        New-ShopifyShop -Name story -Domain story.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN `
            -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo -SyncItemMarketingText $true | Out-Null
        $texts = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'marketing')
    }

    It 'puts the marketing text of marketing-texts.csv in the description of created products' {
        (Add-ShopifyItem -Shop story -No 1001).Action | Should -Be 'Created'
        (Get-EmulatorProduct 1001).descriptionHtml | Should -Match '<div class="productDescription"><p>Our lightest <strong>3-layer shell</strong>'
    }

    It 'sends the description once when the marketing text changes, and then nothing' {
        [pscustomobject]@{ ItemNo = '1001'; LanguageCode = ''; Text = '<p>Now with taped seams.</p>' } | Export-Csv (Join-Path $texts 'marketing-texts.csv')
        Import-ShopifyErpData -Path $texts | Out-Null
        Clear-Requests

        $result = Sync-ShopifyProduct -Shop story
        $result.Action | Should -Be 'Updated'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('ProductUpdate')
        @($sent[0].variables.product.PSObject.Properties.Name) | Should -Be @('id', 'descriptionHtml')
        (Get-EmulatorProduct 1001).descriptionHtml | Should -Match 'Now with taped seams'

        Clear-Requests
        (Sync-ShopifyProduct -Shop story).Action | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'takes the description as the marketing text on import when configured the other way' {
        New-ShopifyShop -Name storyback -Domain storyback.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_CONTENT_TOKEN `
            -SyncItem FromShopify -ShopifyCanUpdateItems $true -SkuMapping ItemNo -SyncItemMarketingText $true | Out-Null
        $id = (Get-EmulatorProduct 1001).id
        $answer = Invoke-Shopify 'mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }' @{ p = @{ id = $id; descriptionHtml = '<p>Written in Shopify.</p>' } }
        $answer.data.productUpdate.userErrors | Should -BeNullOrEmpty

        $results = Sync-ShopifyProduct -Shop storyback -ProductId $id

        ($results.Message -join ' ') | Should -Match 'item 1001: marketing text from the description \(26 characters\)'
    }
}
