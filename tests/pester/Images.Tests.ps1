# Sync-ShopifyImage against a Shopify emulator process, with pictures the tests generate: PNGs and JPEGs of
# several sizes, a corrupt file and one too large for Shopify (more than 4472 pixels on a side).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'images')
    $emulator = Start-TestEmulator -Token 'shpat_pester_images'
    $env:SHOPIFYPS_PESTER_IMAGES = $emulator.Token
    $graphql = "$($emulator.BaseUri)/admin/api/2026-04/graphql.json"

    # A valid baseline greyscale JPEG of uniform grey: every 8x8 block is coded as "DC difference 0, end of block".
    function New-TestJpeg([string] $Path, [int] $Width, [int] $Height, [int] $Quality = 1) {
        $out = [System.Collections.Generic.List[byte]]::new()
        $out.AddRange([byte[]]([byte[]](0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0)))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xDB, 0x00, 0x43, 0x00))); $out.AddRange([byte[]]([byte[]]::new(64).ForEach({ [byte]$Quality })))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xC0, 0x00, 0x0B, 0x08, ($Height -shr 8), ($Height -band 0xFF), ($Width -shr 8), ($Width -band 0xFF), 0x01, 0x01, 0x11, 0x00)))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xC4, 0x00, 0x14, 0x00, 1) + [byte[]]::new(15) + [byte[]]@(0)))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xC4, 0x00, 0x14, 0x10, 1) + [byte[]]::new(15) + [byte[]]@(0)))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00)))
        $bits = [math]::Ceiling($Width / 8) * [math]::Ceiling($Height / 8) * 2
        $scan = [byte[]]::new([math]::Ceiling($bits / 8))
        if ($bits % 8) { $scan[-1] = [byte]((1 -shl (8 - $bits % 8)) - 1) }
        $out.AddRange([byte[]]($scan))
        $out.AddRange([byte[]]([byte[]](0xFF, 0xD9)))
        [IO.File]::WriteAllBytes($Path, $out.ToArray())
    }

    function Invoke-Shopify([string] $Query, $Variables) {
        $body = @{ query = $Query; variables = $Variables } | ConvertTo-Json -Depth 10
        $answer = Invoke-RestMethod -Uri $graphql -Method Post -ContentType 'application/json' -Headers @{ 'X-Shopify-Access-Token' = $emulator.Token } -Body $body
        if ($answer.errors) { throw ($answer.errors | ConvertTo-Json -Depth 5) }
        $answer.data
    }

    # Media added by the shop's staff (not by ShopifyPS): staged upload, file, attached to the product, optionally shown on a variant.
    function Add-StaffMedia([string] $ProductId, [string] $File, [string] $VariantId) {
        $target = (Invoke-Shopify 'mutation($i: [StagedUploadInput!]!) { stagedUploadsCreate(input: $i) { stagedTargets { url resourceUrl } } }' @{
                i = @(@{ resource = 'IMAGE'; filename = (Split-Path $File -Leaf); mimeType = 'image/png'; httpMethod = 'PUT' }) }).stagedUploadsCreate.stagedTargets[0]
        Invoke-RestMethod -Uri $target.url -Method Put -InFile $File | Out-Null
        $id = (Invoke-Shopify 'mutation($f: [FileCreateInput!]!) { fileCreate(files: $f) { files { id } } }' @{ f = @(@{ originalSource = $target.resourceUrl; contentType = 'IMAGE' }) }).fileCreate.files[0].id
        for ($i = 0; $i -lt 100 -and (Invoke-Shopify 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on MediaImage { fileStatus } } }' @{ ids = @($id) }).nodes[0].fileStatus -ne 'READY'; $i++) { Start-Sleep -Milliseconds 50 }
        Invoke-Shopify 'mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { userErrors { message } } }' @{ f = @(@{ id = $id; referencesToAdd = @($ProductId) }) } | Out-Null
        if ($VariantId) {
            Invoke-Shopify 'mutation($p: ID!, $vm: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $p, variantMedia: $vm) { userErrors { message } } }' @{
                p = $ProductId; vm = @(@{ variantId = $VariantId; mediaIds = @($id) }) } | Out-Null
        }
        $id
    }

    function Get-ProductMedia([string] $ProductId) {
        (Invoke-Shopify 'query($id: ID!) { product(id: $id) { media(first: 20) { nodes { id } } } }' @{ id = $ProductId }).product.media.nodes.id
    }

    function Get-VariantMedia([string] $VariantId) {
        (Invoke-Shopify 'query($id: ID!) { productVariant(id: $id) { media(first: 5) { nodes { id } } } }' @{ id = $VariantId }).productVariant.media.nodes.id
    }

    function Get-SentMutations {
        $log = Invoke-TestEmulator $emulator 'requests' -Method Get
        @(foreach ($request in $log) { if ($request.document -match '^\s*mutation') { $request.operationName } })
    }

    $data = Join-Path $TestDrive 'data'
    $pictures = (New-Item -ItemType Directory -Path (Join-Path $data 'pictures') -Force).FullName
    New-TestPng (Join-Path $pictures '1000.png') 64 48
    New-TestJpeg (Join-Path $pictures '1000-red.jpg') 16 16
    New-TestJpeg (Join-Path $pictures '1001.jpg') 800 600
    New-TestPng (Join-Path $pictures '1002.png') 300 200 -Shade 40
    Set-Content -Path (Join-Path $pictures '1003-corrupt.png') -Value 'this is not a picture'
    New-TestPng (Join-Path $pictures '1004-huge.png') 5001 4
    New-TestPng (Join-Path $TestDrive 'staff.png') 20 10 -Shade 200
    Set-Content -Path (Join-Path $data 'items.csv') -Value @(
        'No,Description,PicturePath'
        '1000,Jacket,pictures/1000.png'
        '1001,Parka,pictures/1001.jpg'
        '1002,Fleece,pictures/1002.png'
        '1003,Cap,pictures/1003-corrupt.png'
        '1004,Poster,pictures/1004-huge.png'
        '1005,Scarf,'
    )
    Set-Content -Path (Join-Path $data 'item-variants.csv') -Value @('ItemNo,Code,Description,PicturePath', '1000,RED,Red,pictures/1000-red.jpg', '1000,BLUE,Blue,')
    Import-ShopifyErpData -Path $data | Out-Null

    New-ShopifyShop -Name emu -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_IMAGES `
        -SyncItemImages ToShopify -SkuMapping ItemNoVariantCode | Out-Null
    # The products and their item links come from the export, as in real use.
    Add-ShopifyItem -Shop emu | Out-Null
    $productOf = @{}
    $variantOf = @{}
    foreach ($p in (Invoke-TestEmulator $emulator 'state' -Method Get).products) {
        $itemNo = $p.handle -replace '^item-', ''
        $productOf[$itemNo] = $p.id
        foreach ($v in $p.variants) {
            $code = if ($v.sku -like '*|*') { $v.sku.Split('|')[1] } else { '' }
            $variantOf["$itemNo/$code"] = $v.id
        }
    }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_PESTER_IMAGES -ErrorAction SilentlyContinue
}

Describe 'Sync-ShopifyImage to Shopify' {
    It 'uploads the pictures and reports bad files as skipped with the reason and an error, the rest still syncing' {
        $results = Sync-ShopifyImage -Shop emu -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'ShopifyPictureUnusable,ShopifyPS.Commands.Cmdlets.SyncShopifyImageCommand'
        $errors.TargetObject.ItemNo | Should -Be @('1003', '1004')
        $results[0].PSObject.TypeNames[0] | Should -Be 'ShopifyPS.SyncResult'
        ($results | Where-Object { $_.ItemNo -eq '1000' -and -not $_.VariantCode }).Action | Should -Be 'Created'
        ($results | Where-Object VariantCode -EQ 'RED').Action | Should -Be 'Created'
        ($results | Where-Object ItemNo -EQ '1001').Action | Should -Be 'Created'
        ($results | Where-Object ItemNo -EQ '1002').Action | Should -Be 'Created'
        $corrupt = $results | Where-Object ItemNo -EQ '1003'
        $corrupt.Action | Should -Be 'Skipped'
        $corrupt.Message | Should -Match 'not a PNG, JPEG, GIF or WEBP'
        $huge = $results | Where-Object ItemNo -EQ '1004'
        $huge.Action | Should -Be 'Skipped'
        $huge.Message | Should -Match '5001x4 pixels'

        (Get-ProductMedia $productOf['1000']).Count | Should -Be 2
        Get-VariantMedia $variantOf['1000/RED'] | Should -HaveCount 1
        Get-VariantMedia $variantOf['1000/BLUE'] | Should -BeNullOrEmpty
        Get-ProductMedia $productOf['1001'] | Should -HaveCount 1
        Get-ProductMedia $productOf['1003'] | Should -BeNullOrEmpty
        Get-ProductMedia $productOf['1004'] | Should -BeNullOrEmpty
    }

    It 'uploads nothing when run again without changes' {
        $before = Get-ProductMedia $productOf['1000']
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $results = Sync-ShopifyImage -Shop emu -InformationVariable info -ErrorAction SilentlyContinue

        ($results | Where-Object Action -NE 'Skipped').Action | Sort-Object -Unique | Should -Be 'Unchanged'
        (Invoke-TestEmulator $emulator 'requests' -Method Get).Count | Should -Be 0
        Get-ProductMedia $productOf['1000'] | Should -Be $before
        ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData.Unchanged | Should -Be 4
    }

    It 'replaces the media it uploaded when a picture changes' {
        $old = Get-ProductMedia $productOf['1001']
        New-TestJpeg (Join-Path $pictures '1001.jpg') 1024 768 -Quality 2

        $result = Sync-ShopifyImage -Shop emu -ItemNo 1001

        $result.Action | Should -Be 'Updated'
        $result.Message | Should -Match ([regex]::Escape("Replaced media $old"))
        $new = Get-ProductMedia $productOf['1001']
        $new | Should -HaveCount 1
        $new | Should -Not -Be $old
        (Get-SentMutations) | Should -Contain 'FileDelete'
    }

    It 'lists with -WhatIf what would be replaced and changes nothing' {
        New-TestPng (Join-Path $pictures '1002.png') 300 200 -Shade 90
        $before = Get-ProductMedia $productOf['1002']
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null

        $planned = Get-ShopifyItem -No 1002 | Sync-ShopifyImage -Shop emu -WhatIf

        $planned.Action | Should -Be 'Updated'
        $planned.Planned | Should -BeTrue
        $planned.Message | Should -Match '^Would replace media'
        Get-SentMutations | Should -BeNullOrEmpty
        Get-ProductMedia $productOf['1002'] | Should -Be $before
        (Sync-ShopifyImage -Shop emu -ItemNo 1002).Action | Should -Be 'Updated'
    }
}

Describe 'Sync-ShopifyImage from Shopify' {
    BeforeAll {
        Set-ShopifyShop -Shop emu -SyncItemImages FromShopify
        $script:scarfMedia = Add-StaffMedia $productOf['1005'] (Join-Path $TestDrive 'staff.png')
        $script:blueMedia = Add-StaffMedia $productOf['1000'] (Join-Path $TestDrive 'staff.png') $variantOf['1000/BLUE']
    }

    It 'downloads the images into the home folder and links them from the items' {
        $results = Sync-ShopifyImage -Shop emu

        ($results | Where-Object ItemNo -EQ '1005').Action | Should -Be 'Created'
        $scarf = Join-Path $testHome 'pictures/emu/1005.png'
        (Get-ShopifyItem -No 1005).PicturePath | Should -Be $scarf
        [IO.File]::ReadAllBytes($scarf) | Should -Be ([IO.File]::ReadAllBytes((Join-Path $TestDrive 'staff.png')))
        ($results | Where-Object VariantCode -EQ 'BLUE').Action | Should -Be 'Created'
        $blue = (Get-ShopifyItem -No 1000).Variants | Where-Object Code -EQ 'BLUE'
        $blue.PicturePath | Should -Be (Join-Path $testHome 'pictures/emu/1000_BLUE.png')
        # Pictures ShopifyPS uploaded are the items' own: nothing to download.
        ($results | Where-Object ItemNo -EQ '1001').Action | Should -Be 'Unchanged'
    }

    It 'downloads nothing when the media has not changed' {
        $results = Sync-ShopifyImage -Shop emu
        $results.Action | Sort-Object -Unique | Should -Be 'Unchanged'
    }
}

Describe 'Sync-ShopifyImage with picture sync disabled' {
    It 'stops with ShopifyImageSyncDisabled' {
        Set-ShopifyShop -Shop emu -SyncItemImages Disabled
        { Sync-ShopifyImage -Shop emu -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyImageSyncDisabled,ShopifyPS.Commands.Cmdlets.SyncShopifyImageCommand'
    }
}
