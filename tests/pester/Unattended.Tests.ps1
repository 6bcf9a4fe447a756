# R1: unattended runs — examples/scheduled-sync.ps1's exit codes and run logs, and the quickstart (README's first command).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'unattended')
    $emulator = Start-TestEmulator -Token 'shpat_unattended_test'
    $env:SHOPIFYPS_UNATTENDED_TOKEN = $emulator.Token
    $examples = Join-Path $PSScriptRoot '../../examples'
    $scheduled = Join-Path $examples 'scheduled-sync.ps1'
    New-ShopifyShop nightly -Domain nightly.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_UNATTENDED_TOKEN `
        -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo -InventoryTracked $true | Out-Null
    Import-ShopifyErpData -Path (Join-Path $examples 'data') -Shop nightly | Out-Null
    Get-ShopifyItem -No 100* | Add-ShopifyItem -Shop nightly | Out-Null
    Update-ShopifyLocation -Shop nightly | Out-Null
    Set-ShopifyLocation -Shop nightly -Location 'Main warehouse' -LocationFilter 'MAIN|EAST|WEST' -StockCalculation FreeInventory

    # Runs the scheduled script as a scheduler would: a new process, no profile, no input; returns output and exit code.
    function Invoke-Scheduled([string] $Arguments, [hashtable] $Environment = @{}) {
        $settings = ($Environment.GetEnumerator() | ForEach-Object { "`$env:$($_.Key) = '$($_.Value)'" }) -join '; '
        $output = Invoke-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$testHome'; $settings; & '$scheduled' -Shop nightly -ModulePath '$modulePath' $Arguments; exit `$LASTEXITCODE" 2>&1
        [pscustomobject]@{ Output = ($output | Out-String); ExitCode = $LASTEXITCODE }
    }
    function Get-RunLogs { @(Get-ChildItem (Join-Path $testHome 'logs/nightly') -Filter *.jsonl -ErrorAction SilentlyContinue) }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_UNATTENDED_TOKEN -ErrorAction SilentlyContinue
}

Describe 'scheduled-sync.ps1' {
    It 'exits 0 when every record synced and leaves one JSONL run log per sync with records and a summary' {
        $before = Get-RunLogs
        $run = Invoke-Scheduled "-Sync Products, Prices, Inventory"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'Products sync of nightly: Succeeded'
        $run.Output | Should -Match 'Inventory sync of nightly: Succeeded'
        $logs = Get-RunLogs | Where-Object { $_.FullName -notin $before.FullName }
        $logs | Should -HaveCount 3
        $inventoryLog = $logs | Where-Object Name -Like '*-inventory.jsonl'
        $lines = Get-Content $inventoryLog.FullName | ForEach-Object { $_ | ConvertFrom-Json }
        $summary = $lines | Where-Object type -EQ summary
        $summary.summary.Status | Should -Be 'Succeeded'
        $summary.summary.ApiCalls | Should -BeGreaterThan 0
        foreach ($field in 'Created', 'Updated', 'Unchanged', 'Skipped', 'Failed', 'ActualCost', 'Throttled', 'Retries', 'Duration') {
            $summary.summary.PSObject.Properties.Name | Should -Contain $field
        }
        @($lines | Where-Object type -EQ record).Count | Should -Be ($summary.summary.Created + $summary.summary.Updated + $summary.summary.Unchanged + $summary.summary.Skipped + $summary.summary.Failed)
    }

    It 'passes -Debug on to the commands and still never asks for input' {
        $run = Invoke-Scheduled "-Sync Prices, Inventory -Debug"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'NonInteractive'
        $run.Output | Should -Match 'Inventory sync of nightly: Succeeded'
    }

    It 'exits 1 when the run completed but some records failed' {
        $data = Join-Path $TestDrive 'bad-data'
        New-Item -ItemType Directory $data | Out-Null
        Set-Content (Join-Path $data 'items.csv') "No,Description,UnitPrice`n1001,Storm Shell Jacket,not-a-number"
        $run = Invoke-Scheduled "-Sync Inventory -ErpDataPath '$data'"

        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Output | Should -Match '1 rows refused'
        $run.Output | Should -Match 'Inventory sync of nightly: Succeeded'
    }

    It 'exits 2 when the run cannot start, and says why' {
        $run = Invoke-Scheduled "-Sync Inventory" @{ SHOPIFYPS_UNATTENDED_TOKEN = '' }

        $run.ExitCode | Should -Be 2 -Because $run.Output
        $run.Output | Should -Match 'SHOPIFYPS_UNATTENDED_TOKEN'
        $run.Output | Should -Not -Match 'shpat_unattended_test'
    }

    It 'exits 2 instead of overlapping a run that holds the database' {
        $locked = Join-Path $TestDrive 'locked'
        $holder = Start-InFreshPwsh @"
`$env:SHOPIFYPS_HOME = '$testHome'
Import-Module '$modulePath'
# A writer holds the lock from its first record to the end of its pipeline, as a long sync would. The marker is
# written after Set-ShopifyItem has taken its first record, so after it holds the lock.
& { [pscustomobject]@{ No = 'ZZ-LOCK'; Description = 'Lock holder' }; New-Item '$locked' | Out-Null; Start-Sleep -Seconds 60 } | Set-ShopifyItem | Out-Null
"@
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path $locked) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            $locked | Should -Exist
            $run = Invoke-Scheduled "-Sync Products -LockTimeoutSeconds 1"
        }
        finally { if (-not $holder.HasExited) { $holder.Kill() } }
        $run.ExitCode | Should -Be 2 -Because $run.Output
        $run.Output | Should -Match 'ShopifyStoreBusy' 
    }
}

Describe 'The quickstart' {
    It 'runs the whole tour against the bundled emulator and cleans up' {
        $folder = Join-Path $TestDrive 'quickstart-home'
        $output = Invoke-InFreshPwsh "& '$(Join-Path $examples 'quickstart.ps1')' -ModulePath '$modulePath' -HomeFolder '$folder'" 2>&1 | Out-String

        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'Items to Shopify: Add-ShopifyItem'
        $output | Should -Match 'Created\s+48'
        $output | Should -Match 'title\s+Stormjakke skall' -Because 'the products carry their Norwegian translations'
        $output | Should -Match 'WEB-CAP\s+Trail Running Cap'
        $output | Should -Match '(?s)== Pictures.*Created\s+7.*Unchanged\s+7.*== Shopify to items' -Because 'a rerun uploads no picture again'
        $output | Should -Match 'Done: 3 locations, 52 items'
        $folder | Should -Not -Exist
    }
}
