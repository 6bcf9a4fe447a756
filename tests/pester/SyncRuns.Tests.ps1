# Get-ShopifySyncRun: the run history of a shop, from the database and the run logs.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_runs_test'
    New-TestShop -Emulator $emulator -Name runs -HomePath (Join-Path $TestDrive 'runs') -TokenVariable SHOPIFYPS_RUNS_TOKEN -Settings @{
        SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo' }
    $created = @(Get-ShopifyItem -No 100* | Add-ShopifyItem -Shop runs)
    $prices = @(Sync-ShopifyPrice -Shop runs)
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_RUNS_TOKEN -ErrorAction SilentlyContinue
}

Describe 'Get-ShopifySyncRun' {
    It 'lists the runs newest first with kind, status, counts, API calls, cost and exit code' {
        $runs = @(Get-ShopifySyncRun -Shop runs)

        $runs | Should -HaveCount 2
        $runs[0].Kind | Should -Be 'Prices'
        $runs[1].Kind | Should -Be 'Products'
        $runs[1].Status | Should -Be 'Succeeded'
        $runs[1].Created | Should -Be @($created | Where-Object Action -EQ Created).Count
        $runs[1].ApiCalls | Should -BeGreaterThan 0
        $runs[1].Cost | Should -BeGreaterThan 0
        $runs[1].Throttled | Should -Be 0
        $runs[1].ExitCode | Should -Be 0
        $runs[1].Duration | Should -BeOfType [timespan]
        $runs[0].Unchanged + $runs[0].Updated | Should -Be $prices.Count
        $runs[1].LogPath | Should -Exist
    }

    It 'filters by id, last, status and start' {
        $newest = Get-ShopifySyncRun -Shop runs -Last 1
        $newest.Kind | Should -Be 'Prices'
        (Get-ShopifySyncRun -Shop runs -Id $newest.Id).Id | Should -Be $newest.Id
        @(Get-ShopifySyncRun -Shop runs -Status Failed, Interrupted) | Should -HaveCount 0
        @(Get-ShopifySyncRun -Shop runs -Status Succeeded) | Should -HaveCount 2
        @(Get-ShopifySyncRun -Shop runs -Since (Get-Date).AddMinutes(5)) | Should -HaveCount 0
        $newest | Get-ShopifySyncRun | Select-Object -ExpandProperty Id | Should -Be $newest.Id
    }

    It 'reads each run''s records from its log only on request' {
        (Get-ShopifySyncRun -Shop runs -Last 1).Records | Should -BeNullOrEmpty
        $run = Get-ShopifySyncRun -Shop runs -Status Succeeded -IncludeRecords | Where-Object Kind -EQ Products
        $run.Records | Should -HaveCount $created.Count
        ($run.Records | Where-Object Action -EQ Created).ItemNo | Should -Be ($created | Where-Object Action -EQ Created).ItemNo
    }

    It 'reports an unknown run id as ShopifyRunNotFound' {
        Get-ShopifySyncRun -Shop runs -Id 99999 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -Be 'ShopifyRunNotFound,ShopifyPS.Commands.Cmdlets.GetShopifySyncRunCommand'
    }

    It 'shows a table with the run''s figures' {
        $table = Get-ShopifySyncRun -Shop runs | Format-Table | Out-String -Width 200
        foreach ($header in 'Id', 'Kind', 'Started', 'Duration', 'Status', 'Records', 'Calls/Cost/Throttled', 'Exit') { $table | Should -Match $header }
        $table | Should -Match 'Succeeded'
    }

}

Describe 'Records as JSON' {
    It 'writes enum values also by name, so ConvertTo-Json output reads without the numbers' {
        $run = Get-ShopifySyncRun -Shop runs -Last 1 | ConvertTo-Json | ConvertFrom-Json
        $run.KindName | Should -Be 'Prices'
        $run.StatusName | Should -Be 'Succeeded'

        $result = $created | Select-Object -First 1 | ConvertTo-Json | ConvertFrom-Json
        $result.ActionName | Should -Be 'Created'

        Sync-ShopifyPrice -Shop runs -InformationVariable info | Out-Null
        $summary = ($info | Where-Object Tags -Contains 'Summary').MessageData | ConvertTo-Json | ConvertFrom-Json
        $summary.KindName | Should -Be 'Prices'
        $summary.StatusName | Should -Be 'Succeeded'

        $location = Update-ShopifyLocation -Shop runs -WarningAction SilentlyContinue | Select-Object -First 1 | ConvertTo-Json | ConvertFrom-Json
        $location.StockCalculationName | Should -Be 'Disabled'
    }
}

Describe 'Runs that did not finish' {
    BeforeEach { Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null }
    AfterEach { Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null }

    It 'shows a run that failed as Failed with exit code 2 and the reason' {
        Set-ShopifyShop runs -CurrencyCode USD
        try { Sync-ShopifyPrice -Shop runs | Out-Null } catch { } finally { Set-ShopifyShop runs -CurrencyCode '' }

        $run = Get-ShopifySyncRun -Shop runs -Last 1
        $run.Status | Should -Be 'Failed'
        $run.ExitCode | Should -Be 2
        $run.Message | Should -Match 'USD'
    }

    It 'shows a run where some records failed with exit code 1' {
        # Shopify refuses a negative price for that variant only; the other variants of the run go through.
        $price = (Get-ShopifyItem -No 1001).UnitPrice
        Set-ShopifyItem -No 1001 -UnitPrice -5
        try { Sync-ShopifyPrice -Shop runs -ErrorAction SilentlyContinue | Out-Null } finally { Set-ShopifyItem -No 1001 -UnitPrice $price }

        $run = Get-ShopifySyncRun -Shop runs -Last 1
        $run.Status | Should -Be 'Succeeded'
        $run.Failed | Should -BeGreaterThan 0
        $run.ExitCode | Should -Be 1
    }

    It 'shows a run stopped with Ctrl+C as Cancelled' {
        Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'latency'; latencyMs = 500; rate = 1.0 }) } | Out-Null
        $logs = Join-Path $env:SHOPIFYPS_HOME 'logs/runs'
        $before = @(Get-ChildItem $logs -Filter *.jsonl).Count
        # PowerShell.Stop() is what Ctrl+C does to a running pipeline.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; Sync-ShopifyProduct -Shop runs -Force")
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (@(Get-ChildItem $logs -Filter *.jsonl).Count -le $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Start-Sleep -Milliseconds 500
        $ps.Stop()
        try { $null = $ps.EndInvoke($async) } catch { }
        $ps.Dispose()

        $run = Get-ShopifySyncRun -Shop runs -Last 1
        $run.Status | Should -Be 'Cancelled'
        $run.ExitCode | Should -Be 2
    }

    It 'shows a run whose process was killed as Interrupted' {
        Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'latency'; latencyMs = 1500; rate = 1.0 }) } | Out-Null
        $logs = Join-Path $env:SHOPIFYPS_HOME 'logs/runs'
        $before = @(Get-ChildItem $logs -Filter *.jsonl).Count
        $process = Start-InFreshPwsh "Import-Module '$(Get-TestModulePath)'; Sync-ShopifyProduct -Shop runs -Force"
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (@(Get-ChildItem $logs -Filter *.jsonl).Count -le $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Start-Sleep -Milliseconds 500
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }

        $run = Get-ShopifySyncRun -Shop runs -Last 1
        $run.Status | Should -Be 'Interrupted'
        $run.FinishedAt | Should -BeNullOrEmpty
    }
}
