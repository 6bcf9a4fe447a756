<#
.SYNOPSIS
    Starts the bundled Shopify emulator for README's "A 5-minute tour" and returns where it listens.
.DESCRIPTION
    Builds nothing: it runs out/emulator/ShopifyPS.Emulator.dll (./build.ps1 -Task Build puts it there) on a free
    loopback port, with a new access token in $env:SHOPIFY_CONTOSO_TOKEN, Norwegian (nb) published beside English, two
    products that exist only in Shopify (one of them has the SKU OLD-123) and a custom collection 'New arrivals', so
    every step of the tour has something to work on.

    Unless $env:SHOPIFYPS_HOME is already set, it points $env:SHOPIFYPS_HOME at a new temporary folder, so the tour's
    profiles, item store and logs never touch your real ones (~/.shopifyps).

    Returns an object with Endpoint (pass it to New-ShopifyShop -Endpoint), TokenVariable, ProcessId and Home.
    Stop the emulator with: Stop-Process -Id $emulator.ProcessId
.EXAMPLE
    $emulator = ./examples/start-emulator.ps1
    New-ShopifyShop contoso -Domain contoso.myshopify.com -Endpoint $emulator.Endpoint -TokenEnvironmentVariable SHOPIFY_CONTOSO_TOKEN
#>
[CmdletBinding()]
param(
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../out/emulator/ShopifyPS.Emulator.dll'),
    [string] $TokenVariable = 'SHOPIFY_CONTOSO_TOKEN'
)
$ErrorActionPreference = 'Stop'

if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built: $EmulatorPath is missing. Run ./build.ps1 -Task Build first." }
if (-not $env:SHOPIFYPS_HOME) {
    $env:SHOPIFYPS_HOME = Join-Path ([IO.Path]::GetTempPath()) "shopifyps-tour-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
}

$token = 'shpat_tour_' + [guid]::NewGuid().ToString('N')
$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in $EmulatorPath, '--urls', 'http://127.0.0.1:0', '--token', $token, '--currency', 'NOK') { $start.ArgumentList.Add($argument) }
$start.RedirectStandardOutput = $true
$start.UseShellExecute = $false
$process = [System.Diagnostics.Process]::Start($start)
$line = $process.StandardOutput.ReadLine()
if ($line -notmatch '^Listening on (http://127\.0\.0\.1:\d+)$') {
    if (-not $process.HasExited) { $process.Kill() }
    throw "The emulator did not start: $line"
}
$endpoint = $Matches[1]
Set-Item "Env:$TokenVariable" $token

# Products that exist only in Shopify, for the tour's "Shopify to items" part, Norwegian (nb) published beside English,
# so the tour's products get their translations, and a collection new products join.
$seed = @{
    locales = @(@{ locale = 'nb'; name = 'Norwegian Bokmål'; published = $true })
    products = @(
        @{ title = 'Trail Running Cap'; vendor = 'Fjellsport AS'; productType = 'Accessories'; variants = @(@{ sku = 'WEB-CAP'; price = '299.00' }) }
        @{ title = 'Storm Jacket (old listing)'; vendor = 'Fjellsport AS'; productType = 'Jackets'; variants = @(@{ sku = 'OLD-123'; price = '1999.00' }) }
    )
    collections = @(@{ title = 'New arrivals'; handle = 'new-arrivals' })
} | ConvertTo-Json -Depth 10
$null = Invoke-RestMethod -Method Post -Uri "$endpoint/emulator/seed" -Body $seed -ContentType 'application/json'

Write-Host "Shopify emulator listening on $endpoint (process $($process.Id)); token in `$env:$TokenVariable; home folder $env:SHOPIFYPS_HOME."
[pscustomobject]@{ Endpoint = $endpoint; TokenVariable = $TokenVariable; ProcessId = $process.Id; Home = $env:SHOPIFYPS_HOME }
