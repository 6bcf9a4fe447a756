# A pipeline works on exactly what it delivers: empty or unbindable input touches nothing, items bind without -Shop,
# several shops stay apart, a stopped pipeline closes its run as Cancelled, -Debug never prompts, -Confirm always asks.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $emulator = Start-TestEmulator -Token 'shpat_pipelines_a'
    $other = Start-TestEmulator -Token 'shpat_pipelines_b'
    $testHome = Join-Path $TestDrive 'pipelines'
    $settings = @{ SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo'; InventoryTracked = $true; SyncItemImages = 'ToShopify' }
    New-TestShop -Emulator $emulator -Name alpha -HomePath $testHome -Settings $settings -TokenVariable SHOPIFYPS_PIPE_A
    $env:SHOPIFYPS_PIPE_B = $other.Token
    New-ShopifyShop beta -Domain beta.myshopify.com -Endpoint $other.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PIPE_B `
        -Database (Join-Path $testHome 'beta.db') @settings | Out-Null
    Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') -Shop beta | Out-Null
    Get-ShopifyItem -No 100* | Add-ShopifyItem -Shop alpha | Out-Null
    Get-ShopifyItem -No 100* -Shop beta | Add-ShopifyItem -Shop beta | Out-Null
    foreach ($shop in 'alpha', 'beta') {
        Update-ShopifyLocation -Shop $shop | Out-Null
        Set-ShopifyLocation -Shop $shop -Location 'Main warehouse' -LocationFilter 'MAIN|EAST|WEST' -StockCalculation FreeInventory
    }

    # The request log comes back as one JSON array; ForEach-Object unrolls it into its entries.
    function Get-Requests($Target) { @(Invoke-TestEmulator $Target 'requests' -Method Get | ForEach-Object { $_ }) }
    function Get-RequestCount($Target) { (Get-Requests $Target).Count }
    function Get-RunLogs([string] $Shop) { @(Get-ChildItem (Join-Path $testHome "logs/$Shop") -Filter *.jsonl -ErrorAction SilentlyContinue | Sort-Object Name) }
    function Get-LastSummary([string] $Shop) {
        $log = Get-RunLogs $Shop | Select-Object -Last 1
        (Get-Content $log.FullName | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object type -EQ summary).summary
    }
    # Every sync cmdlet that takes records, with what it needs to run on shop alpha.
    $syncCommands = @('Add-ShopifyItem', 'Sync-ShopifyProduct', 'Sync-ShopifyPrice', 'Sync-ShopifyInventory', 'Sync-ShopifyImage')
}

AfterAll {
    foreach ($e in $emulator, $other) { if ($e) { Stop-TestEmulator $e } }
    Remove-Item Env:SHOPIFYPS_PIPE_A, Env:SHOPIFYPS_PIPE_B -ErrorAction SilentlyContinue
}

Describe 'A pipeline that delivers nothing changes nothing' {
    It '<Command>: no records piped in → no request, no run, a warning and an empty summary' -ForEach @(
        @{ Command = 'Add-ShopifyItem' }, @{ Command = 'Sync-ShopifyProduct' }, @{ Command = 'Sync-ShopifyPrice' },
        @{ Command = 'Sync-ShopifyInventory' }, @{ Command = 'Sync-ShopifyImage' }
    ) {
        $requests = Get-RequestCount $emulator
        $logs = (Get-RunLogs alpha).Count

        $results = Get-ShopifyItem -ItemCategoryCode NO_SUCH | & $Command -Shop alpha -WarningVariable warned -InformationVariable info

        $results | Should -BeNullOrEmpty
        Get-RequestCount $emulator | Should -Be $requests
        (Get-RunLogs alpha).Count | Should -Be $logs
        $warned | Should -Match 'Nothing to synchronize'
        $summary = $info.MessageData | Where-Object { $_.GetType().Name -eq 'RunSummary' }
        $summary.Status | Should -Be 'Succeeded'
        ($summary.Created + $summary.Updated + $summary.Unchanged + $summary.Skipped + $summary.Failed) | Should -Be 0
    }

    It '<Command>: records that all fail to bind → nothing is touched' -ForEach @(
        @{ Command = 'Add-ShopifyItem' }, @{ Command = 'Sync-ShopifyProduct' }, @{ Command = 'Sync-ShopifyPrice' },
        @{ Command = 'Sync-ShopifyInventory' }, @{ Command = 'Sync-ShopifyImage' }
    ) {
        $requests = Get-RequestCount $emulator
        $logs = (Get-RunLogs alpha).Count

        $results = 1..3 | ForEach-Object { [pscustomobject]@{ Unrelated = $_ } } |
            & $Command -Shop alpha -ErrorAction SilentlyContinue -WarningVariable warned

        $results | Should -BeNullOrEmpty
        Get-RequestCount $emulator | Should -Be $requests
        (Get-RunLogs alpha).Count | Should -Be $logs
        $warned | Should -Match 'Nothing to synchronize'
    }
}

Describe 'Piped items are exactly what is worked on' {
    It 'items piped from Get-ShopifyItem without -Shop sync just those items (<Command>)' -ForEach @(
        @{ Command = 'Sync-ShopifyProduct'; Extra = @{ Force = $true } }, @{ Command = 'Sync-ShopifyInventory'; Extra = @{} },
        @{ Command = 'Sync-ShopifyPrice'; Extra = @{} }
    ) {
        $results = Get-ShopifyItem -No 1001 | & $Command -Shop alpha @Extra
        $results | Should -Not -BeNullOrEmpty
        $results.ItemNo | Select-Object -Unique | Should -Be '1001'
    }

    It 'products piped from Get-ShopifyProduct bind by Id' {
        $product = Get-ShopifyProduct -Shop alpha | Where-Object ItemNo -EQ '1002'
        $results = $product | Sync-ShopifyInventory
        $results | Should -Not -BeNullOrEmpty
        $results.ItemNo | Select-Object -Unique | Should -Be '1002'
    }
}

Describe 'Several shops in one pipeline stay apart' {
    It 'each product goes to its own shop: its own emulator and its own database' {
        $products = @(Get-ShopifyProduct -Shop alpha | Where-Object ItemNo -EQ '1001'; Get-ShopifyProduct -Shop beta | Where-Object ItemNo -EQ '1003')
        # Counted after reading the products: only what the sync sends is compared.
        $alphaRequests = Get-RequestCount $emulator
        $betaRequests = Get-RequestCount $other
        $alphaLogs = (Get-RunLogs alpha).Count
        $betaLogs = (Get-RunLogs beta).Count

        $results = $products | Sync-ShopifyInventory -InformationVariable info

        ($results | Where-Object ItemNo -EQ '1001').Count | Should -BeGreaterThan 0
        ($results | Where-Object ItemNo -EQ '1003').Count | Should -BeGreaterThan 0
        $summaries = $info.MessageData | Where-Object { $_.GetType().Name -eq 'RunSummary' }
        $summaries.Shop | Should -Be @('alpha', 'beta')
        (Get-RunLogs alpha).Count | Should -Be ($alphaLogs + 1)
        (Get-RunLogs beta).Count | Should -Be ($betaLogs + 1)
        $alphaNew = @(Get-Requests $emulator | Select-Object -Skip $alphaRequests)
        $betaNew = @(Get-Requests $other | Select-Object -Skip $betaRequests)
        $alphaNew.Count | Should -BeGreaterThan 0
        $betaNew.Count | Should -BeGreaterThan 0
        # beta's database holds beta's run only; alpha's products never reached beta's emulator.
        (Get-LastSummary beta).Shop | Should -Be 'beta'
        ($betaNew | ConvertTo-Json -Depth 20) | Should -Not -Match ([regex]::Escape(($products[0].Id -split '/')[-1] + '"'))
    }
}

Describe 'A stopped pipeline closes its run' {
    BeforeEach { Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'latency'; latencyMs = 400; rate = 1.0 }) } | Out-Null }
    AfterEach { Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null }

    It 'Select-Object -First 1 leaves a Cancelled run with its summary in the run log and on the information stream' {
        $result = Sync-ShopifyInventory -Shop alpha -InformationVariable info | Select-Object -First 1

        $result | Should -HaveCount 1
        (Get-LastSummary alpha).Status | Should -Be 'Cancelled'
        ($info.MessageData | Where-Object { $_.GetType().Name -eq 'RunSummary' }).Status | Should -Be 'Cancelled'
        # The store was closed with the run: the next run does not wait for a lock.
        $env:SHOPIFYPS_LOCK_TIMEOUT = '0'
        try { { Sync-ShopifyPrice -Shop alpha -WhatIf | Out-Null } | Should -Not -Throw }
        finally { Remove-Item Env:SHOPIFYPS_LOCK_TIMEOUT }
    }

    It 'a stop from another runspace leaves a Cancelled run and releases the database' {
        $before = (Get-RunLogs alpha).Count
        $ps = [powershell]::Create()
        $null = $ps.AddScript("`$env:SHOPIFYPS_HOME = '$testHome'; Import-Module '$modulePath'; Sync-ShopifyInventory -Shop alpha")
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ((Get-RunLogs alpha).Count -le $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Start-Sleep -Milliseconds 500
        $ps.Stop()
        try { $null = $ps.EndInvoke($async) } catch { }
        $ps.Dispose()

        (Get-LastSummary alpha).Status | Should -Be 'Cancelled'
        $env:SHOPIFYPS_LOCK_TIMEOUT = '0'
        try { { Sync-ShopifyPrice -Shop alpha -WhatIf | Out-Null } | Should -Not -Throw }
        finally { Remove-Item Env:SHOPIFYPS_LOCK_TIMEOUT }
    }
}

Describe 'Unattended runs never prompt' {
    It '<Command> -Debug finishes in a non-interactive pwsh on input that warns' -ForEach @(
        @{ Command = 'Add-ShopifyItem' }, @{ Command = 'Sync-ShopifyProduct' }, @{ Command = 'Sync-ShopifyPrice' },
        @{ Command = 'Sync-ShopifyInventory' }, @{ Command = 'Sync-ShopifyImage' }
    ) {
        $output = Invoke-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$testHome'; `$env:SHOPIFYPS_PIPE_A = '$($emulator.Token)'; Import-Module '$modulePath'; @() | $Command -Shop alpha -Debug -WarningVariable w 5>`$null 3>`$null; `"WARNED: `$w`"; 'FINISHED'" 2>&1 | Out-String
        $output | Should -Match 'Nothing to synchronize'
        $output | Should -Match 'FINISHED'
        $output | Should -Not -Match 'NonInteractive'
    }

    It 'Import-ShopifyErpData -Debug finishes in a non-interactive pwsh' {
        $output = Invoke-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$testHome'; Import-Module '$modulePath'; Import-ShopifyErpData -Path '$(Join-Path $PSScriptRoot '../../examples/data')' -Database '$(Join-Path $TestDrive 'debug.db')' -Debug 5>`$null | Out-Null; 'FINISHED'" 2>&1 | Out-String
        $output | Should -Match 'FINISHED'
        $output | Should -Not -Match 'NonInteractive'
    }
}

Describe '-Confirm asks before every change' {
    BeforeAll {
        Add-Type -Path (Join-Path $PSScriptRoot 'hosts/AnsweringHost.cs')
        # Runs a script in a runspace whose host answers every prompt with $Answer; returns the prompts it was shown.
        function Invoke-Answering([string] $Answer, [string] $Script) {
            $answering = [ShopifyPSTests.AnsweringHost]::new($Answer)
            $runspace = [runspacefactory]::CreateRunspace($answering)
            $runspace.Open()
            $ps = [powershell]::Create()
            $ps.Runspace = $runspace
            $null = $ps.AddScript("Import-Module '$modulePath'; $Script")
            try { $null = $ps.Invoke() } catch { } finally { $ps.Dispose(); $runspace.Dispose() }
            , $answering.Prompts
        }
        function Get-Mutations { @(Get-Requests $emulator | Where-Object { $_.document -match '^\s*mutation' }) }
    }

    It '<Name> asks, and "No" changes nothing' -ForEach @(
        @{ Name = 'Add-ShopifyItem'; Script = "Add-ShopifyItem -Shop alpha -No 1010 -Confirm" }
        @{ Name = 'Sync-ShopifyProduct'; Script = "Sync-ShopifyProduct -Shop alpha -Confirm" }
        @{ Name = 'Sync-ShopifyPrice'; Script = "Sync-ShopifyPrice -Shop alpha -Confirm" }
        @{ Name = 'Sync-ShopifyInventory'; Script = "Sync-ShopifyInventory -Shop alpha -Confirm" }
        @{ Name = 'Sync-ShopifyImage'; Script = "Sync-ShopifyImage -Shop alpha -Confirm" }
        @{ Name = 'Set-ShopifyProduct'; Script = "Get-ShopifyProduct -Shop alpha | Select-Object -First 1 | Set-ShopifyProduct -Shop alpha -SeoTitle 'Changed' -Confirm" }
        @{ Name = 'Set-ShopifyLocation'; Script = "Set-ShopifyLocation -Shop alpha -Location 'Main warehouse' -StockCalculation Disabled -Confirm" }
        @{ Name = 'Set-ShopifyShop'; Script = "Set-ShopifyShop alpha -SkuMapping VariantCode -Confirm" }
        @{ Name = 'Set-ShopifyItem'; Script = "Set-ShopifyItem -No 1001 -Description 'Changed' -Confirm" }
        @{ Name = 'Remove-ShopifyItem'; Script = "Remove-ShopifyItem -No 1001 -Confirm" }
    ) {
        $mutations = (Get-Mutations).Count
        $logs = (Get-RunLogs alpha).Count
        $profileText = Get-Content (Join-Path $testHome 'shops/alpha.yml') -Raw

        $prompts = Invoke-Answering 'No' $Script

        $prompts.Count | Should -BeGreaterThan 0 -Because "$Name must ask under -Confirm"
        (Get-Mutations).Count | Should -Be $mutations
        (Get-RunLogs alpha).Count | Should -Be $logs
        Get-Content (Join-Path $testHome 'shops/alpha.yml') -Raw | Should -Be $profileText
        (Get-ShopifyItem -No 1001).Description | Should -Not -Be 'Changed'
    }

    It 'asks, and "Yes" makes the change' {
        $logs = (Get-RunLogs alpha).Count
        $prompts = Invoke-Answering 'Yes' "Set-ShopifyItem -No 1049 -Description 'Confirmed' -Confirm; Sync-ShopifyPrice -Shop alpha -Confirm"

        $prompts.Count | Should -Be 2
        $prompts[1] | Should -Match 'alpha'
        (Get-ShopifyItem -No 1049).Description | Should -Be 'Confirmed'
        (Get-RunLogs alpha).Count | Should -Be ($logs + 1)
    }
}
