# README's "A 5-minute tour": every ```powershell block of the section runs as it is, in a new pwsh process, against the
# bundled emulator that the tour's first line starts (examples/start-emulator.ps1).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $readme = Get-Content (Join-Path $root 'README.md') -Raw
    $section = [regex]::Match($readme, '(?ms)^## A 5-minute tour\r?\n(.*?)(?=^## )').Groups[1].Value
    $blocks = @([regex]::Matches($section, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value })
}

Describe 'A 5-minute tour' {
    It 'has runnable blocks that start the emulator first and ask for no input' {
        $blocks.Count | Should -BeGreaterThan 0
        ($blocks[0] -split '\r?\n')[0] | Should -Match '^\$emulator = \./examples/start-emulator\.ps1'
        foreach ($block in $blocks) {
            # Read-Host may stay in a comment; a runnable line must not wait for a person.
            @($block -split '\r?\n' | Where-Object { ($_ -replace '#.*$', '') -match 'Read-Host' }) | Should -BeNullOrEmpty
        }
        $section | Should -Not -Match '\b[EWSRPV]\d{1,2}\b' -Because 'the tour shows no internal requirement ids'
    }

    It 'runs as written against the bundled emulator, creates the products, syncs the stock and stops the emulator' {
        # The tour works in the current folder (out/, examples/, and the jackets.csv it writes): a scratch folder that
        # links to the repository's out and examples, so the working tree stays clean.
        $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'tour')
        $linkType = if ($IsWindows) { 'Junction' } else { 'SymbolicLink' }
        foreach ($folder in 'out', 'examples') { New-Item -ItemType $linkType -Path (Join-Path $work $folder) -Target (Join-Path $root $folder) | Out-Null }
        $module = Get-TestModulePath
        $tour = $blocks -join "`n"
        if ((Resolve-Path $module).Path -ne (Resolve-Path (Join-Path $root 'out/ShopifyPS/ShopifyPS.psd1') -ErrorAction SilentlyContinue).Path) {
            $tour = $tour.Replace('./out/ShopifyPS/ShopifyPS.psd1', "'$module'")   # the suite tests another build of the module
        }
        $homeFolder = Join-Path $TestDrive 'tour-home'
        $script = @"
`$ErrorActionPreference = 'Continue'
`$ProgressPreference = 'SilentlyContinue'
Set-Location '$($work.FullName)'
`$env:SHOPIFYPS_HOME = '$homeFolder'
. {
$tour
} *> `$null
"TOUR_ERRORS=`$(`$Error.Count)"
foreach (`$e in `$Error) { "TOUR_ERROR: `$e (`$(`$e.InvocationInfo.Line.Trim()))" }
if (`$emulator) {
    "TOUR_EMULATOR=`$(`$emulator.ProcessId)"
    `$state = Invoke-RestMethod -Uri "`$(`$emulator.Endpoint)/emulator/state"
    "TOUR_STATE=`$(`$state | ConvertTo-Json -Depth 12 -Compress)"
    "TOUR_ITEM=`$(Get-ShopifyItem -No OLD-123, 1001 | Select-Object No, Description | ConvertTo-Json -Compress)"
    Stop-Process -Id `$emulator.ProcessId
}
"@
        $output = @(Invoke-InFreshPwsh $script 2>&1 | ForEach-Object { "$_" })
        $text = $output -join "`n"
        $emulatorId = ($output | Where-Object { $_ -like 'TOUR_EMULATOR=*' }) -replace '^TOUR_EMULATOR='
        try {
            $emulatorId | Should -Not -BeNullOrEmpty -Because $text
            $output | Where-Object { $_ -like 'TOUR_ERROR:*' } | Should -BeNullOrEmpty
            $output | Should -Contain 'TOUR_ERRORS=0'
            $state = ($output | Where-Object { $_ -like 'TOUR_STATE=*' }) -replace '^TOUR_STATE=' | ConvertFrom-Json

            # Add-ShopifyItem created the sample company's products, next to the two the emulator started with.
            $products = @($state.products)
            $products.Count | Should -BeGreaterThan 40
            $jacket = $products | Where-Object handle -EQ 'item-1001'
            $jacket | Should -Not -BeNullOrEmpty
            # Sync-ShopifyInventory sent stock: tracked variants with quantities at the mapped location.
            $levels = @($products.variants.inventoryItem.levels | Where-Object { $_.available -gt 0 })
            $levels.Count | Should -BeGreaterThan 0
            ($jacket.variants | Where-Object { $_.inventoryItem.tracked }).Count | Should -Be 4
            # The product content step: a mapped attribute as a metafield, the marketing text, the collection, customs data.
            ($jacket.metafields | Where-Object key -EQ 'material').value | Should -Be 'Polyamide 3-layer'
            $jacket.descriptionHtml | Should -Match '<div class="productDescription"><p>Our lightest'
            $jacket.collections | Should -Be 'new-arrivals'
            $jacket.variants[0].inventoryItem.harmonizedSystemCode | Should -Be '62014010'
            # languages: nb = NOR gave the products their Norwegian title and description.
            ($jacket.translations | Where-Object { $_.locale -eq 'nb' -and $_.key -eq 'title' }).value | Should -Be 'Stormjakke skall'
            ($jacket.translations | Where-Object { $_.locale -eq 'nb' -and $_.key -eq 'body_html' }).value | Should -Match 'Vanntett'
            # Sync-ShopifyImage uploaded pictures.
            @($products.media | Where-Object { $_ }).Count | Should -BeGreaterThan 0
            # The Shopify-to-items part created the items only Shopify had.
            $text | Should -Match 'TOUR_ITEM=.*OLD-123'
        }
        finally {
            if ($emulatorId -and (Get-Process -Id $emulatorId -ErrorAction SilentlyContinue)) { Stop-Process -Id $emulatorId -Force }
        }
        Get-Process -Id $emulatorId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because 'the tour run stops the emulator it started'
    }
}
