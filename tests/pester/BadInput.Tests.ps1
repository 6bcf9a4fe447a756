# Bad input as a new user would give it: every case must end in an error with a stable ErrorId that names the file,
# line, column, key or record, and — counted before and after — nothing good may be lost or duplicated.
BeforeDiscovery {
    # Fifty items with an unclosed quote on line 11 (item 1009).
    $fifty = 1000..1049 | ForEach-Object { "$_,Item $_,10,Inventory" }
    $fifty[9] = '1009,"Unclosed,10,Inventory'
    $fifty[20] = '1020,"Quoted, fine",10,Inventory'
    $fiftyText = "No,Description,UnitPrice,Type`n" + ($fifty -join "`n") + "`n"

    # One bad row or file per case: File gets Text; Rows/Loaded are the data rows of that file and how many must load.
    $erpCases = @(
        @{ Case = 'NUL byte in a PicturePath'; File = 'items.csv'; Text = "No,Description,PicturePath`n1000,A,a.png`n1001,B,b`0.png`n1002,C,c.png`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 3; Column = 'PicturePath'; Rows = 3; Loaded = 2 }
        @{ Case = 'NUL byte in a description'; File = 'items.csv'; Text = "No,Description`n1000,A`0B`n1001,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'Description'; Rows = 2; Loaded = 1 }
        @{ Case = 'control character in an item no.'; File = 'items.csv'; Text = "No,Description`n1000,A`n10`u{1}01,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 3; Column = 'No'; Rows = 2; Loaded = 1 }
        @{ Case = 'unclosed quote on line 11 of 50 rows'; File = 'items.csv'; Text = $fiftyText; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 11; Column = 'Description'; Rows = 50; Loaded = 49 }
        @{ Case = 'unclosed quote on the last line'; File = 'items.csv'; Text = "No,Description`n1000,A`n1001,`"B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 3; Column = 'Description'; Rows = 2; Loaded = 1 }
        @{ Case = 'unclosed quote in item-variants.csv'; File = 'item-variants.csv'; Text = "ItemNo,Code,Description`n1000,RED,`"Red`n1000,BLUE,Blue`n1001,RED,Red`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'Description'; Rows = 3; Loaded = 2 }
        @{ Case = 'quote inside a field that is not quoted'; File = 'items.csv'; Text = "No,Description`n1000,A`"B`n1001,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = ''; Rows = 2; Loaded = 1 }
        @{ Case = 'more fields than the header'; File = 'items.csv'; Text = "No,Description`n1000,A,extra`n1001,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = ''; Rows = 2; Loaded = 1 }
        @{ Case = 'semicolon decimal'; File = 'items.csv'; Text = "No,UnitPrice`n1000,12;5`n1001,12.5`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'UnitPrice'; Rows = 2; Loaded = 1 }
        @{ Case = 'comma decimal in the data set'; File = 'items.csv'; Text = "No,UnitPrice`n1000,`"12,50`"`n1001,12.5`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'UnitPrice'; Rows = 2; Loaded = 1 }
        @{ Case = 'boolean that is neither'; File = 'items.csv'; Text = "No,Blocked`n1000,maybe`n1001,false`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'Blocked'; Rows = 2; Loaded = 1 }
        @{ Case = 'unknown item type'; File = 'items.csv'; Text = "No,Type`n1000,Gadget`n1001,Service`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'Type'; Rows = 2; Loaded = 1 }
        @{ Case = 'blank item no.'; File = 'items.csv'; Text = "No,Description`n,A`n1001,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'No'; Rows = 2; Loaded = 1 }
        @{ Case = 'item no. twice'; File = 'items.csv'; Text = "No,Description`n1000,A`n1000,B`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 3; Column = ''; Rows = 2; Loaded = 1 }
        @{ Case = 'header without the key column'; File = 'items.csv'; Text = "Description`nA`nB`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 1; Column = 'No'; Rows = 2; Loaded = 0 }
        @{ Case = 'date not written yyyy-MM-dd'; File = 'sales-prices.csv'; Text = "ItemNo,StartingDate,UnitPrice`n1000,31.01.2025,5`n1001,2025-01-31,5`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'StartingDate'; Rows = 2; Loaded = 1 }
        @{ Case = 'price group without its code'; File = 'sales-prices.csv'; Text = "ItemNo,SourceType,UnitPrice`n1000,CustomerPriceGroup,5`n1001,AllCustomers,5`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'SourceCode'; Rows = 2; Loaded = 1 }
        @{ Case = 'variant of an unknown item'; File = 'item-variants.csv'; Text = "ItemNo,Code`n9999,RED`n1000,RED`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'ItemNo'; Rows = 2; Loaded = 1 }
        @{ Case = 'stock of an unknown variant'; File = 'stock.csv'; Text = "ItemNo,VariantCode,LocationCode,Inventory`n1000,XL,EAST,1`n1000,,EAST,1`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'VariantCode'; Rows = 2; Loaded = 1 }
        @{ Case = 'exchange rate of zero'; File = 'exchange-rates.csv'; Text = "CurrencyCode,StartingDate,ExchangeRateAmount,RelationalExchangeRateAmount`nEUR,2025-01-01,0,11`nEUR,2025-02-01,1,11`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'ExchangeRateAmount'; Rows = 2; Loaded = 1 }
        @{ Case = 'whole number with a fraction'; File = 'extended-texts.csv'; Text = "ItemNo,AllLanguages,LineNo,Text`n1000,true,1.5,a`n1000,true,2,b`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'LineNo'; Rows = 2; Loaded = 1 }
        @{ Case = 'text without language'; File = 'extended-texts.csv'; Text = "ItemNo,AllLanguages,LineNo,Text`n1000,false,1,a`n1000,true,2,b`n"; ErrorId = 'ShopifyErpDataInvalidRow'; Line = 2; Column = 'LanguageCode'; Rows = 2; Loaded = 1 }
        @{ Case = 'file saved as ISO-8859-1'; File = 'items.csv'; Bytes = [Text.Encoding]::Latin1.GetBytes("No,Description`n1000,Oslo`n1001,Grünerløkka`n"); ErrorId = 'ShopifyErpDataEncodingInvalid'; Line = 3; Column = ''; Rows = 0; Loaded = 0 }
        @{ Case = 'file saved as Windows-1252'; File = 'item-variants.csv'; Bytes = [Text.Encoding]::Latin1.GetBytes("ItemNo,Code,Description`n1000,A,Blåbær`n"); ErrorId = 'ShopifyErpDataEncodingInvalid'; Line = 2; Column = ''; Rows = 0; Loaded = 0 }
    )
    $warningCases = @(
        @{ Case = 'negative unit price'; File = 'items.csv'; Text = "No,UnitPrice`n1000,-5`n"; Line = 2; Column = 'UnitPrice'; Expect = 'Shopify refuses a negative price' }
        @{ Case = 'negative unit cost'; File = 'items.csv'; Text = "No,UnitCost`n1000,-1`n"; Line = 2; Column = 'UnitCost'; Expect = 'Shopify refuses a negative cost' }
        @{ Case = 'tariff no. of 4 digits'; File = 'items.csv'; Text = "No,TariffNo`n1000,62.01`n"; Line = 2; Column = 'TariffNo'; Expect = "has 4 digits; Shopify takes a harmonized system code of 6 to 13 digits" }
        @{ Case = 'country of origin not a code'; File = 'items.csv'; Text = "No,CountryOfOrigin`n1000,Norway`n"; Line = 2; Column = 'CountryOfOrigin'; Expect = 'not a country code Shopify knows' }
        @{ Case = 'negative sales price'; File = 'sales-prices.csv'; Text = "ItemNo,UnitPrice`n1000,-5`n"; Line = 2; Column = 'UnitPrice'; Expect = 'negative price' }
        @{ Case = 'price ending before it starts'; File = 'sales-prices.csv'; Text = "ItemNo,StartingDate,EndingDate,UnitPrice`n1000,2025-02-01,2025-01-01,5`n"; Line = 2; Column = 'EndingDate'; Expect = 'never applies' }
        @{ Case = 'discount ending before it starts'; File = 'sales-line-discounts.csv'; Text = "Type,Code,StartingDate,EndingDate,LineDiscountPercent`nItem,1000,2025-02-01,2025-01-01,5`n"; Line = 2; Column = 'EndingDate'; Expect = 'never applies' }
        @{ Case = 'text ending before it starts'; File = 'extended-texts.csv'; Text = "ItemNo,AllLanguages,StartingDate,EndingDate,LineNo,Text`n1000,true,2025-02-01,2025-01-01,1,a`n"; Line = 2; Column = 'EndingDate'; Expect = 'never applies' }
    )
    $profile = "name: shop`ndomain: shop.myshopify.com`nauth:`n  tokenEnv: SHOP_TOKEN`nitems:`n  syncItem: ToShopify`n  skuMapping: ItemNo`n"
    $token = 'shpat_0123456789abcdef0123456789abcdef'
    # A broken copy of the valid profile above; Line/Column 0 when the problem has no position.
    $profileCases = @(
        @{ Case = 'unclosed [ in a value'; Yaml = $profile -replace 'syncItem: ToShopify', 'syncItem: [ToShopify'; ErrorId = 'ShopifyProfileSyntaxError'; Line = 6; Column = 13; Expect = "'\[' opened here is never closed" }
        @{ Case = 'unclosed { in a value'; Yaml = $profile -replace 'syncItem: ToShopify', 'syncItem: {ToShopify'; ErrorId = 'ShopifyProfileSyntaxError'; Line = 6; Column = 13; Expect = "'\{' opened here is never closed" }
        @{ Case = '50,000 nested ['; Yaml = $profile + 'locations: ' + ('[' * 50000); ErrorId = 'ShopifyProfileSyntaxError'; Line = 8; Column = 0; Expect = 'levels deep' }
        @{ Case = '50,000 nested {'; Yaml = $profile + 'locations: ' + ('{' * 50000); ErrorId = 'ShopifyProfileSyntaxError'; Line = 8; Column = 0; Expect = 'levels deep' }
        @{ Case = 'tab indentation'; Yaml = $profile -replace '  skuMapping', "`tskuMapping"; ErrorId = 'ShopifyProfileSyntaxError'; Line = 7; Column = 1; Expect = 'tab' }
        @{ Case = 'undefined alias'; Yaml = $profile -replace 'skuMapping: ItemNo', 'skuMapping: *mapping'; ErrorId = 'ShopifyProfileSyntaxError'; Line = 7; Column = 15; Expect = "names no anchor" }
        @{ Case = 'a second YAML document'; Yaml = $profile + "---`nname: other`n"; ErrorId = 'ShopifyProfileSyntaxError'; Line = 9; Column = 1; Expect = 'one YAML document' }
        @{ Case = 'a NUL byte'; Yaml = $profile + "prices:`n  currencyCode: E`0R`n"; ErrorId = 'ShopifyProfileSyntaxError'; Line = 0; Column = 0; Expect = 'Not valid YAML' }
        @{ Case = 'an empty file'; Yaml = ''; ErrorId = 'ShopifyProfileSyntaxError'; Line = 0; Column = 0; Expect = 'must be a YAML mapping' }
        @{ Case = 'a 2 MB file'; Yaml = $profile + ('# padding' * 230000); ErrorId = 'ShopifyProfileSyntaxError'; Line = 0; Column = 0; Expect = 'a profile is a few kilobytes' }
        @{ Case = 'variantPrefix of 7 characters'; Yaml = $profile + "  variantPrefix: VARIANT`n"; ErrorId = 'ShopifyProfileInvalidValue'; Line = 8; Column = 18; Expect = 'at most 5' }
        @{ Case = 'skuFieldSeparator of 4 characters'; Yaml = $profile + "  skuFieldSeparator: '||||'`n"; ErrorId = 'ShopifyProfileInvalidValue'; Line = 8; Column = 22; Expect = 'at most 3' }
        @{ Case = 'currencyCode of 11 characters'; Yaml = $profile + "prices:`n  currencyCode: NORWEGIANKR`n"; ErrorId = 'ShopifyProfileInvalidValue'; Line = 9; Column = 17; Expect = 'at most 10' }
        @{ Case = 'customerTemplateCode of 21 characters'; Yaml = $profile + "prices:`n  customerTemplateCode: ABCDEFGHIJKLMNOPQRSTU`n"; ErrorId = 'ShopifyProfileInvalidValue'; Line = 9; Column = 25; Expect = 'at most 20' }
        @{ Case = 'location filter of 40,000 parentheses'; Yaml = $profile + "locations:`n- id: gid://shopify/Location/1`n  locationFilter: '$('(' * 40000)EAST$(')' * 40000)'`n"; ErrorId = 'ShopifyProfileInvalidValue'; Line = 10; Column = 19; Expect = 'at most 250' }
        @{ Case = 'a token as tokenEnv'; Yaml = $profile -replace 'SHOP_TOKEN', $token; ErrorId = 'ShopifyProfileTokenInSetting'; Line = 4; Column = 13; Expect = 'not repeated here' }
        @{ Case = 'a hex secret as tokenFile'; Yaml = $profile -replace 'tokenEnv: SHOP_TOKEN', 'tokenFile: 0123456789abcdef0123456789abcdef'; ErrorId = 'ShopifyProfileTokenInSetting'; Line = 4; Column = 14; Expect = 'not repeated here' }
        @{ Case = 'a token as clientSecretEnv'; Yaml = $profile -replace 'tokenEnv: SHOP_TOKEN', "clientId: app`n  clientSecretEnv: shpss_0123456789abcdef0123456789abcdef"; ErrorId = 'ShopifyProfileTokenInSetting'; Line = 5; Column = 20; Expect = 'not repeated here' }
        @{ Case = 'a token as database'; Yaml = $profile + "database: $token`n"; ErrorId = 'ShopifyProfileTokenInSetting'; Line = 8; Column = 11; Expect = 'not repeated here' }
    )
    # Sync-ShopifyImage: one item per bad picture; each must be Skipped with its reason while the good ones are uploaded.
    $pictureCases = @(
        @{ Case = 'a NUL in the PicturePath'; ItemNo = '1102'; Expect = 'NUL' }
        @{ Case = 'a truncated PNG'; ItemNo = '1103'; Expect = 'truncated' }
        @{ Case = 'a PNG header followed by garbage'; ItemNo = '1104'; Expect = 'damaged|cannot be decoded' }
        @{ Case = 'a folder'; ItemNo = '1105'; Expect = 'is a folder' }
        @{ Case = 'a picture above 4472 pixels'; ItemNo = '1106'; Expect = '4600x10 pixels.*-ScaleDown' }
        @{ Case = 'a file that does not exist'; ItemNo = '1107'; Expect = 'does not exist' }
        @{ Case = 'a text file named .png'; ItemNo = '1108'; Expect = 'not a PNG, JPEG, GIF or WEBP' }
        @{ Case = 'an empty file'; ItemNo = '1109'; Expect = 'empty' }
    )
    $numberCases = @(
        @{ Case = "'12,50' under en-US"; Culture = 'en-US'; Text = '12,50' }
        @{ Case = "'12.50' under de-DE"; Culture = 'de-DE'; Text = '12.50' }
        @{ Case = "'1.234,50' under de-DE"; Culture = 'de-DE'; Text = '1.234,50' }
        @{ Case = "'1,234.50' under en-US"; Culture = 'en-US'; Text = '1,234.50' }
        @{ Case = "'ten' under nb-NO"; Culture = 'nb-NO'; Text = 'ten' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $items = "No,Description,UnitPrice,Type`n" + ((1000..1004 | ForEach-Object { "$_,Item $_,10,Inventory" }) -join "`n") + "`n"

    # A new home with items 1000..1004 loaded; returns the folder for the data set under test.
    function New-ErpHome([string] $Name) {
        $null = New-TestHome (Join-Path $TestDrive $Name)
        $base = New-Item -ItemType Directory -Force (Join-Path $TestDrive "$Name-base")
        Set-Content -Path (Join-Path $base 'items.csv') -Value $items -NoNewline -Encoding utf8NoBOM
        Import-ShopifyErpData -Path $base | Out-Null
        New-Item -ItemType Directory -Force (Join-Path $TestDrive "$Name-data")
    }

    # The error must carry our id (never a .NET exception type) and name where the problem is.
    function Assert-BadInputError($ErrorRecord, [string] $ErrorId, [string[]] $Names) {
        $ErrorRecord | Should -Not -BeNullOrEmpty
        $ErrorRecord.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $ErrorRecord.FullyQualifiedErrorId | Should -Not -Match 'Exception'
        foreach ($name in $Names) { $ErrorRecord.Exception.Message | Should -BeLike "*$name*" }
    }
}

Describe 'ERP files: <Case>' -ForEach $erpCases {
    BeforeAll {
        $data = New-ErpHome ($Case -replace '\W', '')
        $path = Join-Path $data $File
        if ($Bytes) { [IO.File]::WriteAllBytes($path, $Bytes) } else { [IO.File]::WriteAllText($path, $Text) }
        $summary = Import-ShopifyErpData -Path $data -ErrorVariable problems -ErrorAction SilentlyContinue
    }

    It 'reports the file, line and column with a stable ErrorId' {
        $expect = @("$File line $Line")
        if ($Column) { $expect += "column $Column" }
        Assert-BadInputError $problems[0] $ErrorId $expect
    }

    It 'loads every good row and accounts for every row' {
        $summary.File | Should -Be $File
        $summary.Rows | Should -Be $Rows
        $summary.Inserted + $summary.Updated + $summary.Unchanged | Should -Be $Loaded
        $summary.Failed | Should -Be ($Rows - $Loaded)
        @(Get-ShopifyItem).Count | Should -BeGreaterOrEqual 5
    }
}

Describe 'ERP files: values Shopify will refuse load with a warning: <Case>' -ForEach $warningCases {
    It 'warns with the file, line and column and keeps the row' {
        $data = New-ErpHome ($Case -replace '\W', '')
        [IO.File]::WriteAllText((Join-Path $data $File), $Text)
        $summary = Import-ShopifyErpData -Path $data -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $summary.Inserted + $summary.Updated | Should -Be 1
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "$File line $Line, column ${Column}:*"
        "$($warnings[0])" | Should -Match $Expect
    }
}

Describe 'ERP files: encodings' {
    BeforeAll { $data = New-ErpHome 'encodings' }

    It 'loads a Windows-1252 file with -Encoding windows-1252 and stores the letters' {
        [IO.File]::WriteAllBytes((Join-Path $data 'items.csv'), [Text.Encoding]::Latin1.GetBytes("No,Description`n1000,Grünerløkka`n"))
        Import-ShopifyErpData -Path $data -Encoding windows-1252 -ErrorVariable problems | Out-Null
        $problems | Should -BeNullOrEmpty
        (Get-ShopifyItem -No 1000).Description | Should -Be 'Grünerløkka'
    }

    It 'loads UTF-8 with a byte order mark and UTF-16 with one' {
        [IO.File]::WriteAllText((Join-Path $data 'items.csv'), "No,Description`n1001,Blåbær`n", [Text.UTF8Encoding]::new($true))
        [IO.File]::WriteAllText((Join-Path $data 'vendors.csv'), "No,Name`nV1,Ærlig AS`n", [Text.Encoding]::Unicode)
        Import-ShopifyErpData -Path $data -ErrorVariable problems | Out-Null
        $problems | Should -BeNullOrEmpty
        (Get-ShopifyItem -No 1001).Description | Should -Be 'Blåbær'
    }

    It 'refuses an encoding name it does not know before loading anything' {
        { Import-ShopifyErpData -Path $data -Encoding klingon-8 -ErrorAction Stop } | Should -Throw -ErrorId 'ShopifyErpDataEncodingUnknown,*'
    }

    It 'refuses a folder that does not exist, naming it' {
        $err = { Import-ShopifyErpData -Path (Join-Path $data 'nope') -ErrorAction Stop } | Should -Throw -PassThru
        Assert-BadInputError $err 'ShopifyErpDataFolderNotFound' @('nope')
    }
}

Describe 'Item numbers by culture: <Case>' -ForEach $numberCases {
    It 'is refused with ShopifyItemInvalid naming the item and the column, and the item keeps its price' {
        $null = New-ErpHome ($Case -replace '\W', '')
        $before = (Get-ShopifyItem -No 1000).UnitPrice
        $old = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            [pscustomobject]@{ No = '1000'; UnitPrice = $Text } | Set-ShopifyItem -ErrorVariable problems -ErrorAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $old }
        Assert-BadInputError $problems[0] 'ShopifyItemInvalid' @('1000', 'UnitPrice', $Text)
        (Get-ShopifyItem -No 1000).UnitPrice | Should -Be $before
        @(Get-ShopifyItem).Count | Should -Be 5
    }
}

Describe 'Item numbers by culture round-trip through Export-Csv and Import-Csv' {
    It 'reads back what Export-Csv wrote under <_>' -ForEach @('nb-NO', 'de-DE', 'en-US') {
        $null = New-ErpHome "roundtrip$($_ -replace '\W', '')"
        Set-ShopifyItem -No 1000 -UnitPrice 0.62 -UnitCost 12.5 -GrossWeight 1.25
        $csv = Join-Path $TestDrive "items-$_.csv"
        $old = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            Get-ShopifyItem | Export-Csv $csv
            Import-Csv $csv | Set-ShopifyItem -ErrorVariable problems
        }
        finally { [cultureinfo]::CurrentCulture = $old }
        $problems | Should -BeNullOrEmpty
        $item = Get-ShopifyItem -No 1000
        $item.UnitPrice, $item.UnitCost, $item.GrossWeight | Should -Be @(0.62, 12.5, 1.25)
        @(Get-ShopifyItem).Count | Should -Be 5
    }

    It "reads '12,50' under nb-NO as 12.50" {
        $null = New-ErpHome 'nbcomma'
        $old = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'nb-NO'
            [pscustomobject]@{ No = '1001'; UnitPrice = '12,50' } | Set-ShopifyItem
        }
        finally { [cultureinfo]::CurrentCulture = $old }
        (Get-ShopifyItem -No 1001).UnitPrice | Should -Be 12.5
    }
}

Describe 'Profiles: <Case>' -ForEach $profileCases {
    BeforeAll {
        $null = New-TestHome (Join-Path $TestDrive ($Case -replace '\W', ''))
        New-ShopifyShop good -Domain good.myshopify.com -TokenEnvironmentVariable GOOD_TOKEN | Out-Null
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/shop.yml'
        [IO.File]::WriteAllText($file, $Yaml)
    }

    It 'names the file, line, column and key with a stable ErrorId, and never a token' {
        $result = Test-ShopifyShop shop -Offline -ErrorVariable problems -ErrorAction SilentlyContinue
        $result.Success | Should -BeFalse
        $problem = @($problems | Where-Object { $_.FullyQualifiedErrorId -like "$ErrorId,*" })[0]
        $position = if ($Line -gt 0 -and $Column -gt 0) { "${file}:${Line}:${Column}:" } elseif ($Line -gt 0) { "${file}:${Line}:" } else { $file }
        Assert-BadInputError $problem $ErrorId @($position)
        $problem.Exception.Message | Should -Match $Expect
        $problem.Exception.Message | Should -Not -Match '0123456789abcdef'
    }

    It 'never stops the other profiles from being listed' {
        $listed = Get-ShopifyShop -ErrorVariable listErrors -ErrorAction SilentlyContinue
        $listed.Name | Should -Be @('good')
        Assert-BadInputError $listErrors[0] $ErrorId @('shop')
    }
}

Describe 'Profiles: repair of a broken profile' {
    BeforeAll { $null = New-TestHome (Join-Path $TestDrive 'repair') }

    It 'Set-ShopifyShop repairs <_> and keeps every other setting' -ForEach @('syncItem: [ToShopify', 'syncItem: {ToShopify', 'syncItem: Sideways') {
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/shop.yml'
        $null = New-Item -ItemType Directory -Force (Split-Path $file)
        [IO.File]::WriteAllText($file, "name: shop`ndomain: shop.myshopify.com`nauth:`n  tokenEnv: SHOP_TOKEN`nitems:`n  $_`n  skuMapping: ItemNo`nprices:`n  currencyCode: NOK`n")
        Set-ShopifyShop shop -SyncItem ToShopify -WarningVariable repaired -WarningAction SilentlyContinue
        "$repaired" | Should -Match ([regex]::Escape("${file}:6:"))
        $shop = Get-ShopifyShop shop
        $shop.Items.SyncItem | Should -Be 'ToShopify'
        $shop.Items.SkuMapping | Should -Be 'ItemNo'
        $shop.Prices.CurrencyCode | Should -Be 'NOK'
        $shop.Domain | Should -Be 'shop.myshopify.com'
    }

    It 'refuses to save a repair that still does not validate, and leaves the file as it was' {
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/bad.yml'
        $text = "name: bad`ndomain: NOT A DOMAIN`nauth:`n  tokenEnv: T`nitems:`n  syncItem: [ToShopify`n"
        [IO.File]::WriteAllText($file, $text)
        $err = { Set-ShopifyShop bad -SyncItem ToShopify -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -PassThru
        Assert-BadInputError $err 'ShopifyProfileInvalidDomain' @($file, 'domain')
        [IO.File]::ReadAllText($file) | Should -Be $text
    }
}

# Windows keeps no mode bits: the same rule reads the files' access lists, and the fix is an icacls command.
Describe 'Access lists of profiles and token files' -Skip:(-not $IsWindows) {
    BeforeEach {
        $null = New-TestHome (Join-Path $TestDrive "acl$([guid]::NewGuid().ToString('N'))")
        New-ShopifyShop shop -Domain shop.myshopify.com -Endpoint http://127.0.0.1:9 -AccessToken (ConvertTo-SecureString 'shpat_permissions0123456789abcdef' -AsPlainText -Force) | Out-Null
        $profileFile = Join-Path $env:SHOPIFYPS_HOME 'shops/shop.yml'
        $tokenFile = Join-Path $env:SHOPIFYPS_HOME 'secrets/shop.token'
    }

    It 'refuses a profile Everyone may change, and the icacls command it names fixes it' {
        icacls $profileFile /grant '*S-1-1-0:(M)' | Out-Null
        Test-ShopifyShop shop -Offline -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @('Everyone', "icacls `"$profileFile`" /inheritance:d /remove:g *S-1-1-0")
        icacls $profileFile /inheritance:d /remove:g '*S-1-1-0' | Out-Null
        (Test-ShopifyShop shop -Offline).Success | Should -BeTrue
    }

    It 'refuses a token file Users may read, naming the file, never the token' {
        icacls $tokenFile /grant '*S-1-5-32-545:(R)' | Out-Null
        Test-ShopifyShop shop -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @('Users', "icacls `"$tokenFile`"")
        "$problems" | Should -Not -Match 'permissions0123456789'
    }
}

Describe 'Permissions of profiles and token files' -Skip:$IsWindows {
    BeforeEach {
        $null = New-TestHome (Join-Path $TestDrive "perm$([guid]::NewGuid().ToString('N'))")
        New-ShopifyShop good -Domain good.myshopify.com -TokenEnvironmentVariable GOOD_TOKEN | Out-Null
        New-ShopifyShop shop -Domain shop.myshopify.com -Endpoint http://127.0.0.1:9 -AccessToken (ConvertTo-SecureString 'shpat_permissions0123456789abcdef' -AsPlainText -Force) | Out-Null
        $profileFile = Join-Path $env:SHOPIFYPS_HOME 'shops/shop.yml'
        $tokenFile = Join-Path $env:SHOPIFYPS_HOME 'secrets/shop.token'
    }

    It 'refuses a profile others may write, with the chmod that fixes it, and still lists the others' {
        chmod o+w $profileFile
        $result = Test-ShopifyShop shop -Offline -ErrorVariable problems -ErrorAction SilentlyContinue
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @("chmod go-w '$profileFile'")
        (Get-ShopifyShop -ErrorAction SilentlyContinue).Name | Should -Be @('good')
        chmod go-w $profileFile
        (Test-ShopifyShop shop -Offline).Success | Should -BeTrue
    }

    It 'refuses a shops folder others may write' {
        $folder = Split-Path $profileFile
        chmod o+w $folder
        Test-ShopifyShop shop -Offline -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @("chmod go-w '$folder'")
    }

    It 'refuses a token file others may read, naming the file, never the token' {
        chmod o+r $tokenFile
        Test-ShopifyShop shop -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @("chmod 600 '$tokenFile'")
        "$problems" | Should -Not -Match 'permissions0123456789'
    }

    It 'refuses a secrets folder others may write' {
        $folder = Split-Path $tokenFile
        chmod o+w $folder
        Test-ShopifyShop shop -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyInsecurePermissions' @("chmod go-w '$folder'")
    }

    It 'refuses a token with <Name> inside, naming the file and the position, never the value' -ForEach @(
        @{ Name = 'CR/LF'; Token = "shpat_sEcReT`r`nrest" }
        @{ Name = 'NUL'; Token = "shpat_sEcReT`0rest" }
        @{ Name = 'a space'; Token = 'shpat_sEcReT rest' }
    ) {
        [IO.File]::WriteAllText($tokenFile, $Token)
        Test-ShopifyShop shop -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        Assert-BadInputError $problems[0] 'ShopifyTokenMalformed' @($tokenFile, 'character 13')
        "$problems" | Should -Not -MatchExactly 'sEcReT'
    }
}

Describe 'Database paths that are not a usable file: <_>' -ForEach @('/proc/version', 'a folder') {
    It 'stops with ShopifyStoreUnusable naming the path' {
        $null = New-ErpHome "db$($_ -replace '\W', '')"
        $path = if ($_ -eq 'a folder') { (New-Item -ItemType Directory -Force (Join-Path $TestDrive 'dbfolder')).FullName } else { $_ }
        $before = @(Get-ShopifyItem).Count
        $err = { Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') -Database $path -ErrorAction Stop } | Should -Throw -PassThru
        Assert-BadInputError $err 'ShopifyStoreUnusable' @($path)
        @(Get-ShopifyItem).Count | Should -Be $before
    }
}

Describe 'Location filters: <Case>' -ForEach @(
    @{ Case = '40,000 nested parentheses'; Filter = ('(' * 40000) + 'EAST' + (')' * 40000); Column = 33 }
    @{ Case = 'an unclosed parenthesis'; Filter = '(EAST|WEST'; Column = 11 }
    @{ Case = 'a trailing |'; Filter = 'EAST|'; Column = 6 }
    @{ Case = 'an empty alternative'; Filter = 'EAST||WEST'; Column = 6 }
    @{ Case = 'an unclosed quote'; Filter = "'EAST"; Column = 6 }
    @{ Case = 'a wildcard in a range'; Filter = 'A*..C'; Column = 2 }
) {
    It 'is refused with ShopifyLocationFilterInvalid and the column, and the old filter stays' {
        $null = New-TestHome (Join-Path $TestDrive "lf$($Case -replace '\W', '')")
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/shop.yml'
        $null = New-Item -ItemType Directory -Force (Split-Path $file)
        [IO.File]::WriteAllText($file, "name: shop`ndomain: shop.myshopify.com`nauth:`n  tokenEnv: T`nlocations:`n- id: gid://shopify/Location/1`n  name: Main`n  locationFilter: MAIN`n  stockCalculation: FreeInventory`n")
        Set-ShopifyLocation -Shop shop -Location Main -LocationFilter $Filter -ErrorVariable problems -ErrorAction SilentlyContinue
        Assert-BadInputError $problems[0] 'ShopifyLocationFilterInvalid' @("column $Column", 'Main')
        $problems[0].Exception.Message.Length | Should -BeLessThan 600
        (Get-ShopifyShop shop).Locations[0].LocationFilter | Should -Be 'MAIN'
    }
}

Describe 'Pictures' {
    BeforeAll {
        $emulator = Start-TestEmulator -Token 'shpat_pester_badinput'
        $env:SHOPIFYPS_PESTER_BADINPUT = $emulator.Token
        $null = New-TestHome (Join-Path $TestDrive 'pictures-home')
        $data = Join-Path $TestDrive 'picture-data'
        $pictures = (New-Item -ItemType Directory -Force (Join-Path $data 'pictures')).FullName
        New-TestPng (Join-Path $pictures '1100.png') 40 30
        New-TestPng (Join-Path $pictures 'Grünerløkka jakke.png') 30 20 -Shade 60
        $whole = [IO.File]::ReadAllBytes((Join-Path $pictures '1100.png'))
        [IO.File]::WriteAllBytes((Join-Path $pictures 'truncated.png'), $whole[0..($whole.Length / 2)])
        [IO.File]::WriteAllBytes((Join-Path $pictures 'garbage.png'), [byte[]]($whole[0..32] + [byte[]]::new(500)))
        $null = New-Item -ItemType Directory -Force (Join-Path $pictures 'folder.png')
        New-TestPng (Join-Path $pictures 'huge.png') 4600 10
        Set-Content (Join-Path $pictures 'text.png') 'not a picture'
        $null = New-Item -ItemType File -Force (Join-Path $pictures 'empty.png')
        Set-Content (Join-Path $data 'items.csv') @(
            'No,Description,PicturePath'
            '1100,Good,pictures/1100.png', '1101,Grünerløkka,pictures/Grünerløkka jakke.png', '1102,Nul,pictures/1100.png'
            '1103,Truncated,pictures/truncated.png', '1104,Garbage,pictures/garbage.png', '1105,Folder,pictures/folder.png'
            '1106,Huge,pictures/huge.png', '1107,Missing,pictures/missing.png', '1108,Text,pictures/text.png', '1109,Empty,pictures/empty.png'
        ) -Encoding utf8NoBOM
        Import-ShopifyErpData -Path $data | Out-Null
        # A NUL cannot come through the ERP files (the import refuses it), but a script can set it.
        Set-ShopifyItem -No 1102 -PicturePath (Join-Path $pictures "a`0b.png")
        New-ShopifyShop -Name emu -Domain emu.myshopify.com -Endpoint $emulator.BaseUri -TokenEnvironmentVariable SHOPIFYPS_PESTER_BADINPUT -SyncItemImages ToShopify | Out-Null
        Add-ShopifyItem -Shop emu | Out-Null
        $results = Sync-ShopifyImage -Shop emu -ErrorVariable syncErrors -ErrorAction SilentlyContinue
        $state = Invoke-TestEmulator $emulator 'state' -Method Get
    }

    AfterAll {
        Stop-TestEmulator $emulator
        Remove-Item Env:SHOPIFYPS_PESTER_BADINPUT -ErrorAction SilentlyContinue
    }

    It 'skips <Case> with the record and the reason, reports ShopifyPictureUnusable for it, and uploads nothing for it' -ForEach $pictureCases {
        $result = $results | Where-Object ItemNo -EQ $ItemNo
        $result.Action | Should -Be 'Skipped'
        $result.Message | Should -Match $Expect
        $errors = @($syncErrors | Where-Object { $_.TargetObject.ItemNo -eq $ItemNo })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ShopifyPictureUnusable,*'
        $errors[0].Exception.Message | Should -Match $Expect
        ($state.products | Where-Object handle -EQ "item-$ItemNo").media | Should -BeNullOrEmpty
    }

    It 'uploads the good pictures, a file name with a space and æøå included, once each, and stops for nothing' {
        @($syncErrors).Count | Should -Be @($results | Where-Object Action -EQ 'Skipped').Count -Because 'each bad picture has its one error, the good ones none'
        ($results | Where-Object ItemNo -In '1100', '1101').Action | Should -Be @('Created', 'Created')
        @(($state.products | Where-Object handle -In 'item-1100', 'item-1101').media).Count | Should -Be 2
        @($state.media).Count | Should -Be 2
    }

    It 'scales a picture above the limits down with -ScaleDown' {
        $scaled = Sync-ShopifyImage -Shop emu -ItemNo 1106 -ScaleDown
        $scaled.Action | Should -Be 'Created'
        $scaled.Message | Should -Match 'scaled down from 4600x10'
    }

    It 'fails only the pictures of a fileCreate answered twice with 503, and a rerun adds each once' {
        Set-ShopifyItem -No 1100 -PicturePath (Join-Path $pictures 'Grünerløkka jakke.png')
        Invoke-TestEmulator $emulator 'faults' -Body @{ faults = @(@{ kind = 'http5xx'; status = 503; count = 2; match = 'FileCreate' }) } | Out-Null
        $faulted = Sync-ShopifyImage -Shop emu -ItemNo 1100 -ErrorVariable recordErrors -ErrorAction SilentlyContinue
        Invoke-TestEmulator $emulator 'faults' -Method Delete | Out-Null
        $faulted.Action | Should -Be 'Failed'
        Assert-BadInputError $recordErrors[0] 'ShopifySyncRecordFailed' @('1100', '503')
        (Sync-ShopifyImage -Shop emu -ItemNo 1100).Action | Should -Be 'Updated'
        $after = Invoke-TestEmulator $emulator 'state' -Method Get
        @(($after.products | Where-Object handle -EQ 'item-1100').media).Count | Should -Be 1
        @($after.media).Count | Should -Be 3
    }
}
