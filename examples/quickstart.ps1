<#
.SYNOPSIS
    The quickstart: a whole round trip against the bundled Shopify emulator, on a throw-away home folder.
.DESCRIPTION
    README's first command (./build.ps1 -Task Demo) builds the module and the emulator, then runs this:
      1. starts the emulator (a local stand-in for a Shopify store, loopback only) with a few products of its own;
      2. creates a shop profile pointing at it and checks it live;
      3. loads the sample company (examples/data) into the item store;
      4. exports the items as products (Add-ShopifyItem), with their Norwegian (nb) translations;
      5. maps Shopify's locations to ERP locations and sends the stock (Sync-ShopifyInventory);
      6. uploads the item pictures, then shows that a rerun uploads nothing (Sync-ShopifyImage);
      7. imports the products that exist only in Shopify, creating items for them (Sync-ShopifyProduct FromShopify);
    printing a result table after each step, then stops the emulator and removes the home folder.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ShopifyPS/ShopifyPS.psd1'),
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../out/emulator/ShopifyPS.Emulator.dll'),
    [string] $HomeFolder = (Join-Path ([IO.Path]::GetTempPath()) "shopifyps-quickstart-$PID")
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Write-Step([string] $text) { Write-Host "`n== $text" -ForegroundColor Cyan }

# What each step did, one line per action, so 50 products do not scroll the screen away.
function Show-Results([Parameter(ValueFromPipeline)] $Result) {
    begin { $all = [System.Collections.Generic.List[object]]::new() }
    process { $all.Add($Result) }
    end {
        $all | Group-Object Action | Sort-Object Name | Format-Table @{ n = 'Action'; e = { $_.Name } }, Count -AutoSize | Out-Host
        $all | Where-Object Action -NE Unchanged | Select-Object -First 6 | Format-Table Action, ItemNo, VariantCode, Message -AutoSize -Wrap | Out-Host
    }
}

$emulator = $null
try {
    Write-Step 'Starting the Shopify emulator'
    $token = 'shpat_quickstart_' + [guid]::NewGuid().ToString('N')
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $EmulatorPath, '--urls', 'http://127.0.0.1:0', '--token', $token, '--currency', 'NOK') { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $emulator = [System.Diagnostics.Process]::Start($start)
    $line = $emulator.StandardOutput.ReadLine()
    if ($line -notmatch '^Listening on (http://127\.0\.0\.1:\d+)$') { throw "The emulator did not start: $line" }
    $endpoint = $Matches[1]
    # Products that exist only in Shopify: step 6 imports them.
    $seed = @{ locales = @(@{ locale = 'nb'; name = 'Norwegian Bokmål'; published = $true }); products = @(
            @{ title = 'Trail Running Cap'; vendor = 'Fjellsport AS'; productType = 'Accessories'; variants = @(@{ sku = 'WEB-CAP'; price = '299.00'; barcode = '7099990000011' }) }
            @{ title = 'Merino Buff'; vendor = 'Fjellsport AS'; productType = 'Accessories'; options = @(@{ name = 'Colour'; values = @('Grey', 'Navy') })
                variants = @(@{ options = @('Grey'); sku = 'WEB-BUFF|GREY'; price = '349.00' }, @{ options = @('Navy'); sku = 'WEB-BUFF|NAVY'; price = '349.00' }) }
        ) } | ConvertTo-Json -Depth 10
    $null = Invoke-RestMethod -Method Post -Uri "$endpoint/emulator/seed" -Body $seed -ContentType 'application/json'
    Write-Host "Listening on $endpoint, with 2 products of its own and Norwegian (nb) published beside English."

    Write-Step "A shop profile (home folder $HomeFolder)"
    $env:SHOPIFYPS_HOME = $HomeFolder
    $env:SHOPIFY_DEMO_TOKEN = $token
    Import-Module $ModulePath
    New-ShopifyShop demo -Domain demo.myshopify.com -Endpoint $endpoint -TokenEnvironmentVariable SHOPIFY_DEMO_TOKEN `
        -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNoVariantCode -InventoryTracked $true `
        -SyncItemExtendedText $true -SyncItemAttributes $true -SyncItemMarketingText $true -Languages nb=NOR -CustomerPriceGroup RETAIL | Out-Host
    Test-ShopifyShop demo | Format-List Shop, Success, ShopName, Plan, ApiVersionSupported, MissingScopes | Out-Host

    Write-Step 'The ERP side: the sample company into the item store'
    Import-ShopifyErpData -Path (Join-Path $PSScriptRoot 'data') -Shop demo | Format-Table File, Rows, Inserted, Failed -AutoSize | Out-Host

    Write-Step 'Items to Shopify: Add-ShopifyItem'
    Get-ShopifyItem -Shop demo -Unmapped | Add-ShopifyItem -Shop demo | Show-Results
    Get-ShopifyProduct -Shop demo -Query 'title:Storm*' | Format-Table -AutoSize | Out-Host
    # Each product carries its Norwegian title and description (languages: nb = the ERP's NOR texts).
    $jacket = (Get-ShopifyProduct -Shop demo -Query 'title:Storm*' | Select-Object -First 1).Id
    $translations = Invoke-RestMethod -Method Post -Uri "$endpoint/admin/api/2026-04/graphql.json" -Headers @{ 'X-Shopify-Access-Token' = $token } -ContentType 'application/json' `
        -Body (@{ query = 'query T($id: ID!) { translatableResource(resourceId: $id) { translations(locale: "nb") { key value } } }'; variables = @{ id = $jacket } } | ConvertTo-Json)
    $translations.data.translatableResource.translations | Format-Table key, value -AutoSize -Wrap | Out-Host

    Write-Step 'Stock: locations and Sync-ShopifyInventory'
    $locations = Update-ShopifyLocation -Shop demo
    Set-ShopifyLocation -Shop demo -Location 'Main warehouse' -LocationFilter 'MAIN' -StockCalculation FreeInventory
    Set-ShopifyLocation -Shop demo -Location 'East store' -LocationFilter 'EAST|WEST' -StockCalculation ProjectedAvailableBalance
    Get-ShopifyLocation -Shop demo | Out-Host
    Sync-ShopifyInventory -Shop demo | Show-Results
    Get-ShopifyInventory -Shop demo -ItemNo 1001 | Out-Host

    Write-Step 'Pictures: Sync-ShopifyImage (a rerun sends nothing)'
    Set-ShopifyShop demo -SyncItemImages ToShopify
    Sync-ShopifyImage -Shop demo | Show-Results
    Sync-ShopifyImage -Shop demo | Show-Results

    Write-Step 'Shopify to items: import the products only Shopify has'
    Set-ShopifyShop demo -SyncItem FromShopify -CanUpdateShopifyProducts $false -AutoCreateUnknownItems $true -ItemTemplateCode SHOPIFY
    $imported = Sync-ShopifyProduct -Shop demo
    $imported | Show-Results
    $imported | Where-Object Action -EQ Created | Select-Object -ExpandProperty Item | Sort-Object No -Unique |
        Format-Table No, Description, UnitPrice, ItemCategoryCode, VendorNo -AutoSize | Out-Host
    Write-Host "Done: $(@($locations).Count) locations, $((Get-ShopifyItem).Count) items, run logs in $(Join-Path $HomeFolder 'logs/demo')."
}
finally {
    if ($emulator) {
        if (-not $emulator.HasExited) { $emulator.Kill() }
        $emulator.Dispose()
    }
    Remove-Module ShopifyPS -ErrorAction SilentlyContinue
    if (Test-Path $HomeFolder) { Remove-Item $HomeFolder -Recurse -Force }
}
