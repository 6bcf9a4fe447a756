# A live store, through the built module and the emulator process: a merchandiser edits products in Shopify admin
# (the mutations admin itself sends), the ERP changes, and ShopifyPS must keep every admin edit, send only the fields
# whose ERP value changed (and say so beforehand with -WhatIf), survive a create whose answer never came, and publish
# and stock what it creates.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_livestore_test'
    New-TestShop -Emulator $emulator -Name live -HomePath (Join-Path $TestDrive 'live') -TokenVariable SHOPIFYPS_LIVESTORE_TOKEN `
        -Settings @{ SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNoVariantCode'; InventoryTracked = $true }

    function Get-EmulatorProduct([string] $Id) { (Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object id -EQ $Id }
    function Get-Requests { @(Invoke-TestEmulator $emulator 'requests' -Method Get | ForEach-Object { $_ }) }
    function Clear-Requests { Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null }

    # What Shopify admin sends when a merchandiser edits a product; every edit must be accepted.
    function Invoke-Admin([string] $Document, [hashtable] $Variables) {
        $request = @{
            Uri = "$($emulator.BaseUri)/admin/api/2026-04/graphql.json"; Method = 'Post'; ContentType = 'application/json'
            Headers = @{ 'X-Shopify-Access-Token' = $emulator.Token }
            Body = @{ query = $Document; variables = $Variables } | ConvertTo-Json -Depth 20
        }
        $answer = Invoke-RestMethod @request
        $answer.errors | Should -BeNullOrEmpty
        foreach ($payload in $answer.data.PSObject.Properties.Value) { $payload.userErrors | Should -BeNullOrEmpty }
        $answer
    }

    function Edit-InAdmin([string] $ProductId) {
        $options = (Invoke-Admin 'query O($id: ID!) { product(id: $id) { options { id name } } }' @{ id = $ProductId }).data.product.options
        Invoke-Admin 'mutation T($id: ID!) { tagsAdd(id: $id, tags: ["admin-pick"]) { userErrors { message } } }' @{ id = $ProductId } | Out-Null
        Invoke-Admin 'mutation S($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }' `
            @{ p = @{ id = $ProductId; seo = @{ title = 'Warm jacket for winter' } } } | Out-Null
        Invoke-Admin 'mutation R($id: ID!, $o: OptionUpdateInput!) { productOptionUpdate(productId: $id, option: $o) { userErrors { message } } }' `
            @{ id = $ProductId; o = @{ id = $options[0].id; name = 'Size' } } | Out-Null
        Invoke-Admin 'mutation V($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v) { userErrors { message } } }' `
            @{ id = $ProductId; v = @(@{ optionValues = @(@{ optionName = 'Size'; name = 'XXL' }); price = '3499.00' }) } | Out-Null
    }

    # The fields each mutation of the request log sent, as "<operation>: <field>" (ids left out).
    function Get-SentFields([object[]] $Requests) {
        foreach ($request in $Requests | Where-Object { $_.document -match '^\s*mutation' }) {
            switch ($request.operationName) {
                'ProductUpdate' { $request.variables.product.PSObject.Properties.Name | Where-Object { $_ -ne 'id' } | ForEach-Object { "product: $_" } }
                'ProductVariantsBulkUpdate' {
                    foreach ($variant in $request.variables.variants) {
                        foreach ($field in $variant.PSObject.Properties | Where-Object Name -NE 'id') {
                            if ($field.Name -eq 'inventoryItem') { $field.Value.PSObject.Properties.Name | ForEach-Object { "variant: $_" } }
                            else { "variant: $($field.Name)" }
                        }
                    }
                }
                default { $request.operationName }
            }
        }
    }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_LIVESTORE_TOKEN -ErrorAction SilentlyContinue
}

Describe 'A sync after edits in Shopify admin' {
    BeforeAll {
        $product = (Get-ShopifyItem -No 1001 | Add-ShopifyItem -Shop live).ProductId
        Edit-InAdmin $product
        $before = Get-EmulatorProduct $product
        Set-ShopifyItem -No 1001 -Description 'Storm Shell Jacket Pro'
        Clear-Requests
        $plan = Sync-ShopifyProduct -Shop live -ItemNo 1001 -WhatIf
        $planRequests = Get-Requests
        Clear-Requests
        $result = Sync-ShopifyProduct -Shop live -ItemNo 1001
        $sent = Get-Requests
        $after = Get-EmulatorProduct $product
    }

    It 'applies the ERP change' {
        $result.Action | Should -Be 'Updated'
        $after.title | Should -Be 'Storm Shell Jacket Pro'
    }

    It 'keeps the tag, SEO title, option name and extra variant set in admin' {
        $after.tags | Should -Contain 'admin-pick'
        $after.seo.title | Should -Be 'Warm jacket for winter'
        $after.options[0].name | Should -Be 'Size'
        $after.options[0].values | Should -Contain 'XXL'
        @($after.variants).Count | Should -Be @($before.variants).Count
        $after.variants.id | Should -Be $before.variants.id
        [decimal]($after.variants | Where-Object title -EQ 'XXL').price | Should -Be 3499
    }

    It 'sends only the changed title, with productUpdate, and never productSet or a delete' {
        @(Get-SentFields $sent) | Should -Be @('product: title')
        $sent.operationName | Should -Not -Contain 'ProductSet'
        $sent.document | Where-Object { $_ -match 'Delete|tagsRemove' } | Should -BeNullOrEmpty
    }

    It 'plans with -WhatIf exactly what the run sent, sending nothing itself' {
        $planRequests | Where-Object { $_.document -match '^\s*mutation' } | Should -BeNullOrEmpty
        $plan.Planned | Should -BeTrue
        $plan.Message | Should -Match '\btitle\b'
        $result.Message | Should -Match '\btitle\b'
        ($plan.Message -replace '^Would update', 'Updated') | Should -Be $result.Message
    }

    It 'reports the variant added in admin as not mapped, and leaves it there' {
        $xxl = (Get-ShopifyProduct -Shop live -ProductId $product).Variants | Where-Object Title -EQ 'XXL'
        $xxl | Should -Not -BeNullOrEmpty
        $xxl.ItemNo | Should -BeNullOrEmpty
    }

    It 'sends nothing when run again' {
        Clear-Requests
        (Sync-ShopifyProduct -Shop live -ItemNo 1001).Action | Should -Be 'Unchanged'
        Get-Requests | Where-Object { $_.document -match '^\s*mutation' } | Should -BeNullOrEmpty
    }
}

Describe 'Products ShopifyPS creates' {
    BeforeAll {
        Update-ShopifyLocation -Shop live | Out-Null
        Set-ShopifyLocation -Shop live -Location 'Main warehouse' -DefaultProductLocation $true
        $created = Get-ShopifyItem -No 1003 | Add-ShopifyItem -Shop live
        $product = Get-EmulatorProduct $created.ProductId
        $main = ((Invoke-TestEmulator $emulator 'state' -Method Get).locations | Where-Object name -EQ 'Main warehouse').id
    }

    It 'are published to the Online Store' {
        $created.Action | Should -Be 'Created'
        $product.publications | Should -Be @('Online Store')
        $created.Message | Should -Match 'published to Online Store'
        (Get-ShopifyProduct -Shop live -Id $created.ProductId).PublishedOn | Should -Be @('Online Store')
        @((Get-ShopifyProduct -Shop live | Where-Object Id -EQ $created.ProductId).PublishedOn) | Should -Be @('Online Store')
    }

    It 'are stocked at the default product locations only' {
        foreach ($variant in $product.variants) { @($variant.inventoryItem.levels.locationId) | Should -Be @($main) }
    }

    It 'are never stocked at a fulfillment service''s locations and the shop''s own at once' {
        Invoke-TestEmulator $emulator 'seed' -Body @{ locations = @(@{ name = 'Acme 3PL'; fulfillmentService = 'Acme Fulfillment' }) } | Out-Null
        $acme = Update-ShopifyLocation -Shop live | Where-Object Name -EQ 'Acme 3PL'
        $acme.IsFulfillmentService | Should -BeTrue
        $acme.FulfillmentService | Should -Be 'Acme Fulfillment'
        $profileFile = Join-Path $env:SHOPIFYPS_HOME 'shops/live.yml'
        $before = Get-Content $profileFile -Raw

        $refused = $null
        try { Set-ShopifyLocation -Shop live -Location 'Acme 3PL' -DefaultProductLocation $true } catch { $refused = $_ }

        $refused.FullyQualifiedErrorId | Should -BeLike 'ShopifyDefaultLocationsIncompatible,*'
        $refused.Exception.Message | Should -BeLike "*'Acme 3PL'*Acme Fulfillment*'Main warehouse'*"
        Get-Content $profileFile -Raw | Should -Be $before -Because 'a refused setting is not saved'
        Set-ShopifyLocation -Shop live -Location 'Main warehouse' -DefaultProductLocation $false
        Set-ShopifyLocation -Shop live -Location 'Acme 3PL' -DefaultProductLocation $true
        (Get-ShopifyLocation -Shop live | Where-Object DefaultProductLocation).Name | Should -Be 'Acme 3PL'
        Set-ShopifyLocation -Shop live -Location 'Acme 3PL' -DefaultProductLocation $false
    }
}

Describe 'A create whose process was killed after Shopify applied it' {
    It 'is found by its handle on the next run: the same product, variant and inventory item ids, no second product' {
        Clear-Requests
        # Shopify applies the productSet but the answer never comes; the lookup that follows hangs until the kill.
        Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(
                @{ kind = 'dropAfter'; match = 'ProductSet'; count = 1 }
                @{ kind = 'latency'; match = 'ProductByHandle'; latencyMs = 60000; count = 1 }) } | Out-Null
        $child = Start-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$env:SHOPIFYPS_HOME'; `$env:SHOPIFYPS_LIVESTORE_TOKEN = '$($emulator.Token)'; Import-Module '$(Get-TestModulePath)'; Get-ShopifyItem -No 1006 | Add-ShopifyItem -Shop live | Out-Null"
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not $child.HasExited -and -not (Get-Requests | Where-Object { $_.operationName -eq 'ProductSet' -and $_.fault -eq 'dropAfter' }) -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            Start-Sleep -Milliseconds 500
            $child.HasExited | Should -BeFalse -Because 'the kill must land between the create and its record'
            $child.Kill($true)
            $null = $child.WaitForExit(10000)
        }
        finally {
            $child.Dispose()
            Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null
        }
        $inShopify = (Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object handle -EQ 'item-1006'
        @($inShopify).Count | Should -Be 1 -Because 'Shopify applied the create'
        (Get-ShopifyItem -No 1006).ProductId | Should -BeNullOrEmpty -Because 'the kill came before ShopifyPS recorded it'

        $rerun = Get-ShopifyItem -No 1006 | Add-ShopifyItem -Shop live

        $rerun.Action | Should -Be 'Created'
        $rerun.Message | Should -Match '^Found product'
        $rerun.ProductId | Should -Be $inShopify.id
        $after = @((Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object handle -EQ 'item-1006')
        $after.Count | Should -Be 1
        $after[0].variants.id | Should -Be $inShopify.variants.id
        $after[0].variants.inventoryItem.id | Should -Be $inShopify.variants.inventoryItem.id
        $mirror = (Get-ShopifyProduct -Shop live -ProductId $inShopify.id).Variants
        ($mirror.Id | Sort-Object) | Should -Be ($inShopify.variants.id | Sort-Object)
        ($mirror.InventoryItemId | Sort-Object) | Should -Be ($inShopify.variants.inventoryItem.id | Sort-Object)
    }
}
