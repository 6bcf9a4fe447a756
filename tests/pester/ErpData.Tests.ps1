BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $exampleData = Join-Path $PSScriptRoot '../../examples/data'
    $exampleFiles = Get-ChildItem $exampleData -Filter *.csv

    # Inserts $Row as line 3 of a copied CSV file (after the header and the first data row).
    function Add-BadRow([string] $File, [string] $Row) {
        $lines = [Collections.Generic.List[string]](Get-Content $File -Encoding utf8)
        $lines.Insert(2, $Row)
        Set-Content -Path $File -Value $lines -Encoding utf8
    }

    # Starts a pwsh process that imports the module and runs $Script; returns the process (its output goes to $OutFile).
    function Start-Pwsh([string] $Script, [string] $OutFile) {
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("Import-Module '$(Get-TestModulePath)'; $Script"))
        $dll = Join-Path $PSHOME 'pwsh.dll'
        $arguments = @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            Start-Process dotnet -ArgumentList (@($dll) + $arguments) -PassThru -RedirectStandardOutput $OutFile -RedirectStandardError "$OutFile.err"
        }
        else {
            Start-Process ([Environment]::ProcessPath) -ArgumentList $arguments -PassThru -RedirectStandardOutput $OutFile -RedirectStandardError "$OutFile.err"
        }
    }
}

Describe 'The example ERP data set' {
    BeforeAll { $testHome = New-TestHome (Join-Path $TestDrive 'example') }

    It 'loads every file without an error' {
        $summaries = Import-ShopifyErpData -Path $exampleData -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $summaries | Should -HaveCount $exampleFiles.Count
        foreach ($summary in $summaries) {
            $summary.Failed | Should -Be 0 -Because $summary.File
            $summary.Inserted | Should -Be $summary.Rows -Because $summary.File
            $summary.Rows | Should -Be ((Import-Csv (Join-Path $exampleData $summary.File)).Count) -Because $summary.File
        }
        Join-Path $testHome 'shopifyps.db' | Should -Exist
    }

    It 'opens the database with the native SQLite library from the module''s Dependencies folder' {
        $dependencies = Join-Path (Split-Path (Get-TestModulePath)) 'Dependencies'
        $native = (Get-Process -Id $PID).Modules | Where-Object ModuleName -Like '*e_sqlite3*'
        $native | Should -Not -BeNullOrEmpty
        $native[0].FileName | Should -BeLike "$dependencies*"
    }

    It 'lists items with their columns, variants and barcodes' {
        $items = Get-ShopifyItem
        $items | Should -HaveCount 50
        $jacket = Get-ShopifyItem -No 1001
        $jacket.Description | Should -Be 'Storm Shell Jacket'
        $jacket.UnitPrice | Should -Be 2999
        $jacket.PriceIncludesVat | Should -BeTrue
        $jacket.Variants.Code | Should -Be @('L', 'M', 'S', 'XL')
        $jacket.Barcodes | Should -HaveCount 4
        ($jacket.Barcodes | Where-Object VariantCode -EQ 'M').ReferenceNo | Should -Match '^\d{13}$'
        $jacket.ProductId | Should -BeNullOrEmpty
        (Get-ShopifyItem -No 102*).No | Should -Be @('1020', '1021', '1022', '1023', '1024', '1025', '1026', '1027', '1028', '1029')
        (Get-ShopifyItem -ItemCategoryCode tents).No | Should -Be @('1023', '1024', '1025', '1026', '1027', '1028')
    }

    It 'reports an item no. that does not exist' {
        Get-ShopifyItem -No 'NOPE' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemNotFound,ShopifyPS.Commands.Cmdlets.GetShopifyItemCommand'
    }

    It 'finds nothing changed when it is loaded again' {
        $again = Import-ShopifyErpData -Path $exampleData
        ($again | Measure-Object Unchanged -Sum).Sum | Should -Be ($again | Measure-Object Rows -Sum).Sum
    }

    It 'lists unmapped items per shop' {
        New-ShopifyShop contoso -Domain contoso.myshopify.com -TokenEnvironmentVariable T | Out-Null
        (Get-ShopifyItem -Shop contoso -Unmapped) | Should -HaveCount 50
        { Get-ShopifyItem -Unmapped -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyShopRequired,ShopifyPS.Commands.Cmdlets.GetShopifyItemCommand'
    }
}

Describe 'A corrupted copy of the data set' {
    BeforeAll {
        $testHome = New-TestHome (Join-Path $TestDrive 'corrupted')
        $copy = Join-Path $TestDrive 'corrupted-data'
        Copy-Item $exampleData $copy -Recurse
        # One bad row per file, each of a different kind.
        $bad = [ordered]@{
            'setup.csv'                  = ',orphan value'                                      # missing key
            'currencies.csv'             = 'GBP,one cent'                                       # bad number
            'exchange-rates.csv'         = 'EUR,2025-02-30,1,11.5'                              # bad date
            'vat-setup.csv'              = 'DOMESTIC,HIGH,25'                                   # key repeated in the file
            'customer-templates.csv'     = 'RETAIL,DOMESTIC,maybe,true'                         # bad boolean
            'no-series.csv'              = ',X0001,'                                            # missing key
            'item-templates.csv'         = 'GADGETS,Gadget,PCS,ACCESS,HIGH,GEAR,ITEM'           # bad enum value
            'vendors.csv'                = 'V10000,Someone else'                                # key repeated
            'item-categories.csv'        = ',No code'                                           # missing key
            'locations.csv'              = 'MAIN,Another main'                                  # key repeated
            'items.csv'                  = '9001,Bad price,Inventory,PCS,,12;5,true,1,1,,,ACCESS,GEAR,HIGH,false,false,,,'  # bad number
            'item-variants.csv'          = '9999,X,Variant of nothing,false,'                   # missing item
            'item-units-of-measure.csv'  = '1001,BOX,0'                                         # a unit of no pieces
            'item-references.csv'        = '1001,NOPE,PCS,BarCode,,7049999999999'               # missing variant
            'item-vendors.csv'           = '9999,,V10000,X-1'                                   # missing item
            'item-translations.csv'      = '1001,,,Uten språk'                                  # missing key part
            'item-attributes.csv'        = '9999,Material,Wood'                                 # missing item
            'marketing-texts.csv'        = '9999,,Text of nothing'                              # missing item
            'attribute-translations.csv' = ',Blue,NOR,Blå'                                      # missing key
            'extended-texts.csv'         = '1001,NOR,false,,,ten,Text'                          # bad whole number
            'sales-prices.csv'           = '1001,,,CustomerPriceGroup,,,2025-01-01,,0,1,true,true' # group without its code
            'sales-line-discounts.csv'   = 'Item,9999,,AllCustomers,,,,,0,5'                    # missing item
            'stock.csv'                  = '1002,S,EAST,lots,0,0,0'                             # bad number
        }
        $bad.Keys | Should -HaveCount $exampleFiles.Count
        foreach ($file in $bad.Keys) { Add-BadRow (Join-Path $copy $file) $bad[$file] }
        $summaries = Import-ShopifyErpData -Path $copy -ErrorVariable problems -ErrorAction SilentlyContinue
    }

    It 'reports each bad row once with file, line, column and reason' {
        $problems | Should -HaveCount $bad.Count
        foreach ($problem in $problems) {
            $problem.FullyQualifiedErrorId | Should -Be 'ShopifyErpDataInvalidRow,ShopifyPS.Commands.Cmdlets.ImportShopifyErpDataCommand'
            $problem.TargetObject.Line | Should -Be 3 -Because $problem.TargetObject.File
            $problem.TargetObject.Reason | Should -Not -BeNullOrEmpty
            $problem.Exception.Message | Should -BeLike "$($problem.TargetObject.File) line 3*"
        }
        ($problems.TargetObject.File | Sort-Object) | Should -Be ($bad.Keys | Sort-Object)
        ($problems.TargetObject | Where-Object File -EQ 'items.csv').Column | Should -Be 'UnitPrice'
        ($problems.TargetObject | Where-Object File -EQ 'item-references.csv').Column | Should -Be 'VariantCode'
        ($problems.TargetObject | Where-Object File -EQ 'item-units-of-measure.csv').Reason | Should -BeLike '*greater than 0*'
        ($problems.TargetObject | Where-Object File -EQ 'vendors.csv').Reason | Should -BeLike '*line 2*'
    }

    It 'loads every good row' {
        foreach ($summary in $summaries) {
            $summary.Failed | Should -Be 1 -Because $summary.File
            $summary.Inserted | Should -Be ($summary.Rows - 1) -Because $summary.File
        }
        Get-ShopifyItem | Should -HaveCount 50
        (Get-ShopifyItem -No 1001).Variants | Should -HaveCount 4
        Get-ShopifyItem -No 9001 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Strings round-trip verbatim' {
    BeforeAll {
        $testHome = New-TestHome (Join-Path $TestDrive 'strings')
        $tricky = "Quote `"q`", comma, newline`nsecond line; Unicode æøå ÆØÅ 😀 — ñ; SQL '); DROP TABLE items; --"
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'strings-data')
        [pscustomobject]@{ No = 'X''1'; Description = $tricky; Type = 'Inventory'; UnitPrice = '12.50'; VendorItemNo = ' padded, "vendor" ' ; PicturePath = 'C:\pictures\a b\ø.png' },
        [pscustomobject]@{ No = 'Y,2 "q"'; Description = '%_*?[]'; Type = 'Service'; UnitPrice = '0.1'; VendorItemNo = ''; PicturePath = '' } |
            Export-Csv (Join-Path $folder 'items.csv')
        [pscustomobject]@{ ItemNo = 'X''1'; Code = 'R,1'; Description = $tricky; Blocked = 'true' } |
            Export-Csv (Join-Path $folder 'item-variants.csv')
        [pscustomobject]@{ ItemNo = 'X''1'; VariantCode = 'R,1'; ReferenceType = 'BarCode'; ReferenceNo = '0012"3' } |
            Export-Csv (Join-Path $folder 'item-references.csv')
        Import-ShopifyErpData -Path $folder -ErrorAction Stop | Out-Null
    }

    It 'through Import, Get, Export-Csv, Import-Csv | Set and Get' {
        $before = Get-ShopifyItem | Sort-Object No
        ($before | Where-Object No -EQ 'X''1').Description | Should -BeExactly $tricky
        ($before | Where-Object No -EQ 'X''1').Variants[0].Description | Should -BeExactly $tricky
        ($before | Where-Object No -EQ 'X''1').VendorItemNo | Should -BeExactly ' padded, "vendor" '

        $csv = Join-Path $TestDrive 'items-export.csv'
        $before | Export-Csv $csv
        $otherDatabase = Join-Path $TestDrive 'other.db'
        Import-Csv $csv | Set-ShopifyItem -Database $otherDatabase -ErrorAction Stop
        $after = Get-ShopifyItem -Database $otherDatabase | Sort-Object No

        $after | Should -HaveCount $before.Count
        for ($i = 0; $i -lt $before.Count; $i++) {
            foreach ($property in $before[$i].PSObject.Properties.Name) {
                "$($after[$i].$property)" | Should -BeExactly "$($before[$i].$property)" -Because "$($before[$i].No).$property"
            }
        }
        $after[0].Variants[0].Blocked | Should -BeTrue
        $after[0].Barcodes[0].ReferenceNo | Should -BeExactly '0012"3'
    }

    It 'and loading the export back into the same store changes nothing' {
        $csv = Join-Path $TestDrive 'items-again.csv'
        Get-ShopifyItem | Export-Csv $csv
        $verbose = Import-Csv $csv | Set-ShopifyItem -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Item *' }
        $verbose | Should -HaveCount 2
        $verbose.Message | ForEach-Object { $_ | Should -BeLike '*: Unchanged; variants 0 saved, 0 removed; barcodes 0 saved, 0 removed.' }
    }
}

Describe 'Set-ShopifyItem and Remove-ShopifyItem' {
    BeforeEach { $testHome = New-TestHome (Join-Path $TestDrive ([guid]::NewGuid())) }

    It 'creates an item, then changes only what is passed' {
        Set-ShopifyItem -No 500 -Description 'Lamp' -UnitPrice 99 -Blocked 'yes' -Variants 'S', @{ Code = 'M'; Description = 'Medium' } -Barcodes 7040000000500 | Out-Null
        $item = Set-ShopifyItem -No 500 -UnitCost 40 -PassThru
        $item.Description | Should -Be 'Lamp'
        $item.UnitPrice | Should -Be 99
        $item.UnitCost | Should -Be 40
        $item.Blocked | Should -BeTrue
        $item.Variants.Code | Should -Be @('M', 'S')
        $item.Barcodes.ReferenceNo | Should -Be '7040000000500'
    }

    It 'reports a bad item and goes on with the next one' {
        $rows = [pscustomobject]@{ No = 'A'; Barcodes = '[{"ReferenceNo":"1","VariantCode":"NONE"}]' }, [pscustomobject]@{ No = 'B'; Description = 'Fine' }
        $rows | Set-ShopifyItem -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemInvalid,ShopifyPS.Commands.Cmdlets.SetShopifyItemCommand'
        $problems[0].Exception.Message | Should -BeLike '*NONE*'
        (Get-ShopifyItem).No | Should -Be 'B'
    }

    It 'supports -WhatIf without creating a database' {
        Set-ShopifyItem -No 1 -Description 'x' -WhatIf
        Join-Path $testHome 'shopifyps.db' | Should -Not -Exist
        Import-ShopifyErpData -Path $exampleData -WhatIf | ForEach-Object { $_.WhatIf | Should -BeTrue; $_.Inserted | Should -Be $_.Rows }
        Join-Path $testHome 'shopifyps.db' | Should -Not -Exist
    }

    It 'removes items only when confirmed and reports unknown ones' {
        Set-ShopifyItem -No 700 -Description 'Going' -Variants 'A' | Out-Null
        Remove-ShopifyItem 700 -WhatIf
        Get-ShopifyItem 700 | Should -Not -BeNullOrEmpty
        Get-ShopifyItem 700 | Remove-ShopifyItem -Confirm:$false
        Get-ShopifyItem 700 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Remove-ShopifyItem 700 -Force -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'ShopifyItemNotFound,ShopifyPS.Commands.Cmdlets.RemoveShopifyItemCommand'
        (Get-Command Remove-ShopifyItem).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Two runs on one database' {
    BeforeAll {
        $testHome = New-TestHome (Join-Path $TestDrive 'concurrent')
        $database = Join-Path $TestDrive 'concurrent.db'
        $big = New-Item -ItemType Directory (Join-Path $TestDrive 'big-data')
        $count = 20000
        $items = [Collections.Generic.List[string]]::new(); $items.Add('No,Description,UnitPrice')
        $stock = [Collections.Generic.List[string]]::new(); $stock.Add('ItemNo,LocationCode,Inventory')
        for ($i = 0; $i -lt $count; $i++) { $items.Add("I$i,Item $i,$i.5"); $stock.Add("I$i,MAIN,$i"); $stock.Add("I$i,EAST,1") }
        Set-Content (Join-Path $big 'items.csv') $items
        Set-Content (Join-Path $big 'stock.csv') $stock
        $import = "try { Import-ShopifyErpData -Path '$big' -Database '$database' -ErrorAction Stop | Out-Null; 'OK' } catch { `$_.FullyQualifiedErrorId }"
    }

    It 'stops the second writer with ShopifyStoreBusy while the first holds the lock' {
        $signal = Join-Path $TestDrive 'locked.txt'
        $holder = Start-Pwsh "& { [pscustomobject]@{ No = 'HOLD' }; Set-Content '$signal' 'locked'; Start-Sleep 60 } | Set-ShopifyItem -Database '$database'" (Join-Path $TestDrive 'holder.txt')
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path $signal) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $signal | Should -Exist
            $env:SHOPIFYPS_LOCK_TIMEOUT = '1'
            { Import-ShopifyErpData -Path $big -Database $database -ErrorAction Stop } |
                Should -Throw -ErrorId 'ShopifyStoreBusy,ShopifyPS.Commands.Cmdlets.ImportShopifyErpDataCommand'
        }
        finally {
            $env:SHOPIFYPS_LOCK_TIMEOUT = $null
            Stop-Process -Id $holder.Id -Force -ErrorAction SilentlyContinue
            $holder.WaitForExit()
        }
        # The holder was killed mid-pipeline: the operating system released its lock and its unfinished work left nothing behind.
        Import-ShopifyErpData -Path $big -Database $database -WhatIf | Out-Null
    }

    It 'lets two concurrent imports finish one after the other and keeps the database consistent' {
        $outputs = 1..2 | ForEach-Object { Join-Path $TestDrive "import-$_.txt" }
        $processes = $outputs | ForEach-Object { Start-Pwsh "`$env:SHOPIFYPS_LOCK_TIMEOUT = '300'; $import" $_ }
        $processes | ForEach-Object { $_.WaitForExit() }
        foreach ($output in $outputs) { (Get-Content $output) | Should -Be 'OK' -Because (Get-Content "$output.err" -Raw) }

        $check = Import-ShopifyErpData -Path $big -Database $database
        ($check | Where-Object File -EQ 'items.csv').Unchanged | Should -Be $count
        ($check | Where-Object File -EQ 'stock.csv').Unchanged | Should -Be (2 * $count)
        ($check | Measure-Object Failed -Sum).Sum | Should -Be 0
        (Get-ShopifyItem -Database $database -No 'I1999*').UnitPrice | Should -Be @(1999.5, 19990.5, 19991.5, 19992.5, 19993.5, 19994.5, 19995.5, 19996.5, 19997.5, 19998.5, 19999.5)
    }

    It 'keeps whole batches of an import that is killed and completes them when it runs again' {
        $crashed = Join-Path $TestDrive 'crashed.db'
        $process = Start-Pwsh "Import-ShopifyErpData -Path '$big' -Database '$crashed' | Out-Null" (Join-Path $TestDrive 'crashed.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        while (-not $process.HasExited -and -not ((Test-Path "$crashed-wal") -and (Get-Item "$crashed-wal").Length -gt 300KB) -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        $process.WaitForExit()

        # Batches are 10,000 rows and items.csv comes first: whatever survived is whole batches.
        (Get-ShopifyItem -Database $crashed | Measure-Object).Count | Should -BeIn @(0, 10000, 20000)
        $again = Import-ShopifyErpData -Path $big -Database $crashed
        ($again | Measure-Object Failed -Sum).Sum | Should -Be 0
        $items = $again | Where-Object File -EQ 'items.csv'
        $items.Inserted + $items.Unchanged | Should -Be $count
        (Get-ShopifyItem -Database $crashed | Measure-Object).Count | Should -Be $count
    }

    It 'ends both with one ok and the other ok or busy when they may not wait' {
        $outputs = 1..2 | ForEach-Object { Join-Path $TestDrive "nowait-$_.txt" }
        $processes = $outputs | ForEach-Object { Start-Pwsh "`$env:SHOPIFYPS_LOCK_TIMEOUT = '0'; $import" $_ }
        $processes | ForEach-Object { $_.WaitForExit() }
        $results = $outputs | ForEach-Object { Get-Content $_ }
        $results | Should -Contain 'OK'
        $results | ForEach-Object { $_ | Should -BeIn @('OK', 'ShopifyStoreBusy,ShopifyPS.Commands.Cmdlets.ImportShopifyErpDataCommand') }
        (Import-ShopifyErpData -Path $big -Database $database | Measure-Object Failed -Sum).Sum | Should -Be 0
    }
}
