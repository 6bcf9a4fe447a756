<#
.SYNOPSIS
    The 5-minute tour: imports the built module, creates a shop profile in a throw-away home folder
    and shows it. Run it through README's first command (./build.ps1 -Task Demo), which builds first.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ShopifyPS/ShopifyPS.psd1'),
    [string] $HomeFolder = (Join-Path ([IO.Path]::GetTempPath()) "shopifyps-quickstart-$PID")
)
$ErrorActionPreference = 'Stop'
$env:SHOPIFYPS_HOME = $HomeFolder
Import-Module $ModulePath

Write-Host "`n== The commands of ShopifyPS" -ForegroundColor Cyan
Get-Command -Module ShopifyPS | Format-Table CommandType, Name, Version -AutoSize | Out-Host

Write-Host "== A shop profile (in $HomeFolder)" -ForegroundColor Cyan
$env:SHOPIFY_DEMO_TOKEN = 'shpat_emulator'
New-ShopifyShop demo -Domain demo.myshopify.com -Endpoint http://127.0.0.1:5123 -TokenEnvironmentVariable SHOPIFY_DEMO_TOKEN `
    -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo -Force | Out-Host
Test-ShopifyShop demo | Out-Host
Get-Content (Join-Path $HomeFolder 'shops/demo.yml') | Out-Host

Write-Host "== The ERP side: load the sample company into the item store" -ForegroundColor Cyan
Import-ShopifyErpData -Path (Join-Path $PSScriptRoot 'data') -Shop demo | Out-Host
Get-ShopifyItem -No 100* | Out-Host
Set-ShopifyItem -No 1001 -UnitPrice 2799 -PassThru | Format-List No, Description, UnitPrice, Variants, Barcodes | Out-Host
Remove-Item $HomeFolder -Recurse -Force
