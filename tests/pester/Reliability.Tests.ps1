# The reliability suite (issue 9): the same end-to-end sequence on the example data set under Shopify faults, with a
# sync killed half-way, with two runs at once, on a broken or read-only database, and a search for the token in
# everything a run leaves behind. The default run has at least one case of each kind; SHOPIFYPS_RELIABILITY_FULL=1
# runs the whole matrix (every fault, a kill in every sync cmdlet).
BeforeDiscovery {
    $full = $env:SHOPIFYPS_RELIABILITY_FULL -eq '1'
    # Count-based rules hit one request at most 5 times in a row, so the client's 6 attempts always get through.
    $faultCases = @(
        @{ Fault = 'a THROTTLED storm'; Default = $true; Rules = @(
                foreach ($operation in 'ProductSet', 'BulkOperationRunMutation', 'ProductVariantsBulkUpdate', 'BulkOperationRunQuery') { @{ kind = 'throttled'; count = 5; match = $operation } }) }
        @{ Fault = 'dropped connections after Shopify applied the write'; Default = $true; Rules = @(
                foreach ($operation in 'ProductSet', 'StagedUploadsCreate', 'BulkOperationRunMutation', 'InventorySetQuantities', 'ProductVariantsBulkUpdate') { @{ kind = 'dropAfter'; count = 2; match = $operation } }) }
        # Picture sync: every media and file mutation loses its answer once (Shopify applied it), and fileCreate answers 503.
        @{ Fault = 'lost answers to every media and file mutation'; Default = $true; Rules = @(
                foreach ($operation in 'StagedUploadsCreate', 'FileCreate', 'FileUpdate', 'FileDelete', 'ProductVariantAppendMedia', 'ProductVariantDetachMedia') { @{ kind = 'dropAfter'; count = 1; match = $operation } }) }
        # A bad network for a while: at random, 3 in 10 of these writes are applied by Shopify and their answers lost
        # (the first fileCreate's always, so that a run with few pictures meets the fault too).
        @{ Fault = 'lost answers to 30% of file and media writes'; Default = $true; Rules = @(
                @{ kind = 'dropAfter'; count = 1; match = 'FileCreate' }
                foreach ($operation in 'StagedUploadsCreate', 'FileCreate', 'ProductVariantAppendMedia') { @{ kind = 'dropAfter'; rate = 0.3; match = $operation } }) }
        @{ Fault = '503 on fileCreate'; Default = $true; Rules = @(@{ kind = 'http5xx'; count = 1; status = 503; match = 'FileCreate' }) }
        @{ Fault = '429 with Retry-After'; Default = $false; Rules = @(
                @{ kind = 'http429'; count = 2; retryAfter = 1 }
                @{ kind = 'http429'; count = 1; retryAfter = 1; match = 'InventorySetQuantities' }) }
        @{ Fault = '10% of responses 503'; Default = $false; Rules = @(@{ kind = 'http5xx'; rate = 0.1; status = 503 }) }
        @{ Fault = 'slow responses'; Default = $false; Rules = @(@{ kind = 'latency'; rate = 0.2; latencyMs = 400 }) }
    ) | Where-Object { $full -or $_.Default }
    $killCases = @(
        @{ Step = 'Add-ShopifyItem'; Default = $false }
        @{ Step = 'Sync-ShopifyInventory'; Default = $true }
        @{ Step = 'Sync-ShopifyPrice'; Default = $false }
        @{ Step = 'Sync-ShopifyProduct ToShopify'; Default = $false }
        @{ Step = 'Sync-ShopifyProduct FromShopify'; Default = $false }
        @{ Step = 'Sync-ShopifyImage'; Default = $false }
    ) | Where-Object { $full -or $_.Default }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_reliability' -Bucket 20000 -RestoreRate 1000

    # The sequence: every step a sync cmdlet (run here, or in a child process that is killed), after its preparation.
    $steps = @(
        @{ Name = 'Add-ShopifyItem'; Command = 'Add-ShopifyItem -Shop rel'; Watch = 'ProductSet'; KillAfter = 5 }
        # The first inventory sync stocks ~200 levels with one bulk mutation: killed while it polls the operation.
        @{ Name = 'Sync-ShopifyInventory'; Command = 'Sync-ShopifyInventory -Shop rel'; Watch = 'BulkOperationRunMutation'; KillAfter = 1 }
        @{ Name = 'Sync-ShopifyPrice'; Command = 'Sync-ShopifyPrice -Shop rel'; Watch = 'ProductVariantsBulkUpdate'; KillAfter = 2
            Prepare = { Get-ShopifyItem -No 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008 | ForEach-Object { [pscustomobject]@{ No = $_.No; UnitPrice = $_.UnitPrice + 100 } } | Set-ShopifyItem } }
        @{ Name = 'Sync-ShopifyProduct ToShopify'; Command = 'Sync-ShopifyProduct -Shop rel'; Watch = 'ProductSet'; KillAfter = 2
            Prepare = { Get-ShopifyItem -No 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017 | ForEach-Object { [pscustomobject]@{ No = $_.No; Description = "$($_.Description) II" } } | Set-ShopifyItem } }
        @{ Name = 'Sync-ShopifyImage'; Command = 'Sync-ShopifyImage -Shop rel'; Watch = 'StagedUploadsCreate'; KillAfter = 1; Latency = 1500 }
        @{ Name = 'Sync-ShopifyProduct FromShopify'; Command = "Sync-ShopifyProduct -Shop rel -Query 'vendor:Outside'"; Watch = 'Products'; KillAfter = 1; Latency = 1500
            Prepare = { Set-ShopifyShop rel -SyncItem FromShopify } }
    )
    # Products that exist only in Shopify, for the import.
    $outsideProducts = @{ products = @(1..6 | ForEach-Object {
                @{ title = "Outside $_"; vendor = 'Outside'; variants = @(@{ sku = "OUT-$_"; price = "$(10 + $_).00"; cost = '7.00' }) } }) }

    # A new home with the example data set and shop 'rel' on a fresh emulator shop, its two locations fed by the ERP.
    function New-ReliabilityShop([string] $Name) {
        Invoke-TestEmulator $emulator 'reset' -Body @{ seed = $outsideProducts } | Out-Null
        New-TestShop -Emulator $emulator -Name rel -HomePath (Join-Path $TestDrive $Name) -Settings @{
            SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNoVariantCode'; InventoryTracked = $true; SyncItemImages = 'ToShopify'
            AutoCreateUnknownItems = $true; ItemTemplateCode = 'SHOPIFY'
        }
        Update-ShopifyLocation -Shop rel | Out-Null
        Set-ShopifyLocation -Shop rel -Location 'Main warehouse' -LocationFilter MAIN -StockCalculation ProjectedAvailableBalance
        Set-ShopifyLocation -Shop rel -Location 'East store' -LocationFilter 'EAST|WEST' -StockCalculation FreeInventory
    }

    function Invoke-Step($Step) {
        $results = & ([scriptblock]::Create("$($Step.Command) -ErrorAction Stop"))
        $results.Action | Should -Not -Contain 'Failed' -Because $Step.Name
    }

    # Runs every step; the one named $Kill first in a child process that is killed (SIGKILL) half-way, then again.
    function Invoke-Sequence([string] $Kill) {
        foreach ($step in $steps) {
            if ($step.Prepare) { & $step.Prepare }
            if ($step.Name -eq $Kill) { Stop-StepHalfway $step }
            Invoke-Step $step
        }
    }

    # The emulator's request log, one request at a time (Invoke-RestMethod hands over the JSON array as one object).
    function Get-RequestLog { $log = Invoke-TestEmulator $emulator 'requests' -Method Get; $log }
    function Get-Requests([string] $Operation) { @(Get-RequestLog | Where-Object operationName -EQ $Operation) }

    function Wait-Requests([System.Diagnostics.Process] $Process, [string] $Operation, [int] $Count) {
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        while (-not $Process.HasExited -and (Get-Requests $Operation).Count -lt $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    }

    function Start-Step([string] $Command, [string] $Prefix = '') {
        Start-InFreshPwsh "$Prefix; Import-Module '$(Get-TestModulePath)'; $Command | Out-Null; if (`$Error.Count) { exit 1 }"
    }

    function Stop-StepHalfway($Step) {
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = ($Step.Latency ?? 300) } | Out-Null
        $child = Start-Step $Step.Command
        try {
            Wait-Requests $child $Step.Watch $Step.KillAfter
            $child.HasExited | Should -BeFalse -Because "the kill must land in the middle of $($Step.Name)"
            $child.Kill($true)
            $null = $child.WaitForExit(10000)
        }
        finally {
            $child.Dispose()
            Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = 0 } | Out-Null
        }
    }

    # What the sequence leaves in Shopify and in the store, without ids and times (they differ from run to run).
    function Get-SyncState {
        $state = Invoke-TestEmulator $emulator 'state' -Method Get
        $locations = @{}; foreach ($location in $state.locations) { $locations[$location.id] = $location.name }
        $handles = @{}; foreach ($product in $state.products) { $handles[$product.id] = $product.handle }
        [ordered]@{
            Shopify   = @(foreach ($product in $state.products | Sort-Object handle) {
                    [ordered]@{
                        Product  = $product.handle, $product.title, $product.status, $product.vendor, "media=$(@($product.media).Count)" -join ' | '
                        Variants = @(foreach ($variant in $product.variants | Sort-Object title) {
                                $levels = @($variant.inventoryItem.levels | ForEach-Object { "$($locations[$_.locationId])=$($_.available)" } | Sort-Object) -join ', '
                                "$($variant.title) sku=$($variant.sku) price=$($variant.price) compareAt=$($variant.compareAtPrice) cost=$($variant.inventoryItem.cost) [$levels]"
                            })
                    }
                })
            Items     = @(Get-ShopifyItem -Shop rel | ForEach-Object {
                    "$($_.No) '$($_.Description)' $($_.UnitPrice) $($_.UnitCost) $($_.VendorNo) product=$($handles[$_.ProductId]) variants=$(@($_.VariantIds).Count)" })
            # Files in the shop's library: a file ShopifyPS created and never attached would show here.
            Files     = @($state.media).Count
            Inventory = @(Get-ShopifyInventory -Shop rel | ForEach-Object { "$($_.ItemNo)/$($_.VariantCode)@$($_.Location): $($_.ShopifyStock) $($_.CalculatedStock)" } | Sort-Object)
            Products  = @(Get-ShopifyProduct -Shop rel | Sort-Object Handle | ForEach-Object {
                    "$($_.Handle) '$($_.Title)' $($_.Status): $(@($_.Variants | ForEach-Object { "$($_.Sku)=$($_.Price)/$($_.InventoryQuantity)" }) -join ' ')" })
        } | ConvertTo-Json -Depth 6
    }

    # One product per item and one level per variant and location, in Shopify and in the store's mirror.
    function Assert-NoDuplicates {
        $state = Invoke-TestEmulator $emulator 'state' -Method Get
        @($state.products.title | Sort-Object -Unique).Count | Should -Be @($state.products).Count -Because 'every item has one product'
        foreach ($variant in $state.products.variants) {
            @($variant.inventoryItem.levels.locationId | Sort-Object -Unique).Count | Should -Be @($variant.inventoryItem.levels).Count
        }
        $rows = @(Get-ShopifyInventory -Shop rel | ForEach-Object { "$($_.VariantId)@$($_.LocationId)" })
        @($rows | Sort-Object -Unique).Count | Should -Be $rows.Count
    }

    New-ReliabilityShop 'baseline'
    Invoke-Sequence
    $baseline = Get-SyncState
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_TEST_TOKEN -ErrorAction SilentlyContinue
}

Describe 'The fault-free sequence' -Tag Reliability {
    It 'exports every item, stocks both locations, changes prices and titles, and imports the products only Shopify has' {
        $state = $baseline | ConvertFrom-Json
        $state.Shopify.Count | Should -Be 54   # 48 exportable items + 6 products only in Shopify
        $state.Items | Where-Object { $_ -match '^OUT-\d' } | Should -HaveCount 6
        $state.Items | Where-Object { $_ -match "^1010 'Hiking Boot Mid II'" } | Should -HaveCount 1
        ($state.Inventory -match '@East store').Count | Should -BeGreaterThan 0
        # The item picture and the variant S picture of 1001 are both media of its product; 1003 has its item picture.
        $state.Shopify.Product | Where-Object { $_ -like 'item-1001 |*| media=2' } | Should -HaveCount 1
        $state.Shopify.Product | Where-Object { $_ -like 'item-1003 |*| media=1' } | Should -HaveCount 1
        Assert-NoDuplicates
    }
}

Describe 'Faults injected by Shopify' -Tag Reliability {
    It 'ends in the state of a fault-free run after <Fault>' -ForEach $faultCases {
        New-ReliabilityShop ($Fault -replace '\W', '-')
        Invoke-TestEmulator $emulator 'faults' -Body @{ faults = $Rules } | Out-Null
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        Invoke-Sequence
        $log = @(Get-RequestLog)
        Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null
        @($log | Where-Object { $_.fault -or $_.durationMs -ge 400 }).Count | Should -BeGreaterThan 0 -Because 'the faults must have been injected'
        Get-SyncState | Should -Be $baseline
    }
}

Describe 'A sync killed half-way' -Tag Reliability {
    It 'leaves no duplicates and loses nothing when <Step> is killed and run again' -ForEach $killCases {
        New-ReliabilityShop ("kill-$Step" -replace '\W', '-')
        Invoke-Sequence -Kill $Step
        Assert-NoDuplicates
        Get-SyncState | Should -Be $baseline
    }
}

Describe 'Two runs at once' -Tag Reliability {
    It 'stops the second with ShopifyStoreBusy or lets it wait, never both writing, and ends consistent' {
        New-ReliabilityShop 'concurrent'
        Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
        Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = 200 } | Out-Null
        $first = Start-Step 'Add-ShopifyItem -Shop rel'
        try {
            Wait-Requests $first 'ProductSet' 3
            $first.HasExited | Should -BeFalse -Because 'the first run must still hold the lock'
            $env:SHOPIFYPS_LOCK_TIMEOUT = '1'
            { Sync-ShopifyInventory -Shop rel -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyStoreBusy,ShopifyPS.Commands.Cmdlets.SyncShopifyInventoryCommand' -ExpectedMessage "*$(Join-Path $TestDrive 'concurrent/shopifyps.db')*SHOPIFYPS_LOCK_TIMEOUT*"
            Get-Requests 'Locations' | Should -BeNullOrEmpty -Because 'the stopped run sent nothing'
            $second = Start-Step 'Sync-ShopifyInventory -Shop rel' "`$env:SHOPIFYPS_LOCK_TIMEOUT = '300'"
            $first.WaitForExit(); $second.WaitForExit()
            $first.ExitCode | Should -Be 0
            $second.ExitCode | Should -Be 0
        }
        finally {
            $env:SHOPIFYPS_LOCK_TIMEOUT = $null
            foreach ($child in $first, $second) { if ($child -and -not $child.HasExited) { $child.Kill($true) } }
            Invoke-TestEmulator $emulator 'config' -Body @{ latencyMs = 0 } | Out-Null
        }
        # The waiting run started only when the first had finished: every item it stocked had its product.
        $log = @(Get-RequestLog)
        $lastExport = ($log | Where-Object operationName -EQ 'ProductSet' | Select-Object -Last 1).time
        $log | Where-Object { $_.operationName -like 'Inventory*' -or $_.operationName -eq 'Locations' } |
            ForEach-Object { [DateTimeOffset]$_.time | Should -BeGreaterThan ([DateTimeOffset]$lastExport) }
        foreach ($step in $steps | Select-Object -Skip 2) {
            if ($step.Prepare) { & $step.Prepare }
            Invoke-Step $step
        }
        Assert-NoDuplicates
        Get-SyncState | Should -Be $baseline
    }
}

Describe 'A broken database' -Tag Reliability {
    BeforeAll {
        New-ReliabilityShop 'database'
        $database = Join-Path $TestDrive 'database/shopifyps.db'
        # root ignores file modes, so for root the files are made immutable as well.
        $isRoot = (id -u) -eq '0'
        function Set-ReadOnly([string] $Path, [bool] $On) {
            if ($On) { chmod a-w $Path; if ($isRoot) { chattr +i $Path } }
            else { if ($isRoot) { chattr -i $Path }; chmod u+w $Path }
        }
    }

    It 'refuses a read-only database file for writing, naming the file and the fix, and still reads it' {
        Set-ReadOnly $database $true
        try {
            (Get-ShopifyItem -No 1001).Description | Should -Be 'Storm Shell Jacket'
            Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
            { Sync-ShopifyInventory -Shop rel -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.SyncShopifyInventoryCommand' -ExpectedMessage "*$database*read-only*write access*"
            { Set-ShopifyItem -No 1001 -UnitPrice 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.SetShopifyItemCommand'
            @(Get-RequestLog) | Should -BeNullOrEmpty -Because 'nothing is sent when nothing can be recorded'
        }
        finally { Set-ReadOnly $database $false }
        (Get-ShopifyItem -No 1001).UnitPrice | Should -Be 2999
    }

    It 'refuses a read-only home folder with the folder and the fix' {
        $folder = Join-Path $TestDrive 'database'
        Remove-Item "$database.lock"
        Set-ReadOnly $folder $true
        try {
            { Set-ShopifyItem -No 1001 -UnitPrice 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.SetShopifyItemCommand' -ExpectedMessage "*$database.lock*write access to the folder $folder*"
        }
        finally { Set-ReadOnly $folder $false }
        (Get-ShopifyItem -No 1001).UnitPrice | Should -Be 2999
    }

    It 'stops a sync whose run log cannot be written before it records or sends anything' {
        $logs = New-Item -ItemType Directory -Force (Join-Path $TestDrive 'database/logs')
        Set-ReadOnly $logs $true
        try {
            Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null
            { Sync-ShopifyInventory -Shop rel -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyRunLogNotWritable,ShopifyPS.Commands.Cmdlets.SyncShopifyInventoryCommand' -ExpectedMessage "*$(Join-Path $logs 'rel')*write access*"
            @(Get-RequestLog) | Should -BeNullOrEmpty
        }
        finally { Set-ReadOnly $logs $false }
    }

    It 'stops every command on a corrupt database with ShopifyStoreUnusable, the file and what to do, and leaves the file as it was' {
        Remove-Item "$database-wal", "$database-shm" -ErrorAction SilentlyContinue
        $garbage = [byte[]]::new(64KB)
        [Random]::new(9).NextBytes($garbage)
        [IO.File]::WriteAllBytes($database, $garbage)
        { Get-ShopifyItem -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.GetShopifyItemCommand' -ExpectedMessage "*$database*backup*"
        { Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.ImportShopifyErpDataCommand'
        { Sync-ShopifyPrice -Shop rel -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyStoreUnusable,ShopifyPS.Commands.Cmdlets.SyncShopifyPriceCommand'
        [IO.File]::ReadAllBytes($database) | Should -Be $garbage
    }
}

Describe 'The access token' -Tag Reliability {
    BeforeAll {
        $token = 'shpat_R3liab1lityS3cr3t7f4e9a0c2b'
        $wrongToken = 'shpat_Wr0ngT0ken5b8d1e6f3a7c9042'
        $tokenEmulator = Start-TestEmulator -Token $token -Bucket 20000 -RestoreRate 1000
        $tokenHome = New-TestHome (Join-Path $TestDrive 'token')
        $env:SHOPIFYPS_RELIABILITY_SECRET = $token
        $Error.Clear()
        $captured = & {
            # The preferences, not -Debug: on a compiled cmdlet -Debug asks before every verbose and debug message.
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') -Verbose
            New-ShopifyShop -Name filed -Domain filed.myshopify.com -Endpoint $tokenEmulator.BaseUri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) `
                -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo -InventoryTracked $true -Verbose
            New-ShopifyShop -Name fromenv -Domain fromenv.myshopify.com -Endpoint $tokenEmulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_RELIABILITY_SECRET `
                -SyncItem FromShopify -AutoCreateUnknownItems $true -ItemTemplateCode SHOPIFY -Verbose
            Test-ShopifyShop filed -Verbose
            Test-ShopifyShop fromenv -Verbose
            Update-ShopifyLocation -Shop filed -Verbose
            Set-ShopifyLocation -Shop filed -Location 'Main warehouse' -LocationFilter MAIN -StockCalculation FreeInventory -Verbose
            Add-ShopifyItem -Shop filed -No 1001, 1006, 1014 -Verbose
            Sync-ShopifyInventory -Shop filed -Verbose
            Set-ShopifyItem -No 1006 -UnitPrice 519
            Sync-ShopifyPrice -Shop filed -Verbose
            Sync-ShopifyProduct -Shop filed -Verbose
            Sync-ShopifyProduct -Shop fromenv -Verbose
            Get-ShopifyProduct -Shop fromenv -Verbose
            # Shopify refuses a wrong token: the failure must not echo it either.
            $env:SHOPIFYPS_RELIABILITY_SECRET = $wrongToken
            try { Test-ShopifyShop fromenv -Verbose } catch { $_ }
            try { Update-ShopifyLocation -Shop fromenv -Verbose -ErrorAction Stop } catch { $_ }
            try { Sync-ShopifyProduct -Shop fromenv -Verbose -ErrorAction Stop } catch { $_ }
        } *>&1
        $env:SHOPIFYPS_RELIABILITY_SECRET = $token

        # Everything a person or a log collector could see: each record as shown and as data, each error with its
        # exceptions (ToString() includes the inner ones), and every file the runs left, as bytes.
        $texts = [Collections.Generic.List[string]]::new()
        foreach ($record in @($captured) + @($Error)) {
            $texts.Add(($record | Out-String -Width 500))
            if ($record -is [Management.Automation.ErrorRecord]) {
                $texts.Add($record.Exception.ToString())
                $texts.Add("$($record.ErrorDetails) $($record.TargetObject) $($record.CategoryInfo) $($record.ScriptStackTrace)")
                for ($inner = $record.Exception; $inner; $inner = $inner.InnerException) { $texts.Add("$($inner.Message) $($inner | Format-List * -Force | Out-String)") }
            }
            elseif ($record -is [Management.Automation.InformationRecord]) { $texts.Add(($record.MessageData | Format-List * -Force | Out-String -Width 500)) }
            else { $texts.Add(($record | Format-List * -Force | Out-String -Width 500)) }
        }
        $tokenFile = Join-Path $tokenHome 'secrets/filed.token'
        $files = @(Get-ChildItem $tokenHome -Recurse -File | Where-Object FullName -NE $tokenFile)
    }

    AfterAll {
        if ($tokenEmulator) { Stop-TestEmulator $tokenEmulator }
        Remove-Item Env:SHOPIFYPS_RELIABILITY_SECRET -ErrorAction SilentlyContinue
    }

    It 'ran the whole sequence, the wrong token ending in ShopifyAuthenticationFailed' {
        @($captured | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 10
        @($captured | Where-Object { $_ -is [Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($captured | Where-Object { $_.PSObject.TypeNames[0] -eq 'ShopifyPS.SyncResult' -and $_.Action -eq 'Created' }).Count | Should -BeGreaterThan 3
        $failures = @($captured | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $failures.Count | Should -Be 3
        $failures.FullyQualifiedErrorId | Should -Be @(
            'ShopifyAuthenticationFailed,ShopifyPS.Commands.Cmdlets.TestShopifyShopCommand'
            'ShopifyAuthenticationFailed,ShopifyPS.Commands.Cmdlets.UpdateShopifyLocationCommand'
            'ShopifyAuthenticationFailed,ShopifyPS.Commands.Cmdlets.SyncShopifyProductCommand')
        (Get-ChildItem (Join-Path $tokenHome 'logs') -Recurse -Filter *.jsonl).Count | Should -BeGreaterThan 5
        $files.Name | Should -Contain 'shopifyps.db'
        $files.Name | Should -Contain 'filed.yml'
    }

    It 'appears in no output stream, error, exception, log, profile or database file' {
        foreach ($secret in $token, $wrongToken) {
            foreach ($text in $texts) { $text.Contains($secret) | Should -BeFalse -Because "the output must not hold the token: $text" }
            foreach ($file in $files) {
                $bytes = [IO.File]::ReadAllBytes($file.FullName)
                foreach ($encoding in [Text.Encoding]::Latin1, [Text.Encoding]::Unicode) {
                    $encoding.GetString($bytes).Contains($secret) | Should -BeFalse -Because "$($file.FullName) must not hold the token"
                }
            }
        }
    }

    It 'is kept only in the owner-only token file' {
        (Get-Content $tokenFile -Raw).Trim() | Should -Be $token
        if (-not $IsWindows) { (Get-Item $tokenFile).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }
}
