# Every way a hand-edited profile can be wrong gets an error that names the file, line, column, key
# and what is allowed (about_ShopifyPS (PROFILE KEYS)). The base profile below is valid; each case breaks one thing.
BeforeDiscovery {
    $valid = @'
name: shop
domain: shop.myshopify.com
auth:
  tokenEnv: SHOP_TOKEN
items:
  syncItem: ToShopify
  skuMapping: ItemNo
prices:
  currencyCode: EUR
'@
    $cases = @(
        @{ Case = 'unknown top-level key'; Yaml = $valid + "`ncolour: red"; ErrorId = 'ShopifyProfileUnknownKey'; Key = 'colour'; Line = 10; Expect = 'Allowed here: name, domain' }
        @{ Case = 'misspelt nested key'; Yaml = $valid -replace 'skuMapping', 'skuMaping'; ErrorId = 'ShopifyProfileUnknownKey'; Key = 'items.skuMaping'; Line = 7; Expect = "Did you mean 'skuMapping'" }
        @{ Case = 'wrong enum value'; Yaml = $valid -replace 'skuMapping: ItemNo', 'skuMapping: ItemNumber'; ErrorId = 'ShopifyProfileInvalidValue'; Key = 'items.skuMapping'; Line = 7; Expect = "Did you mean 'ItemNo'.*Allowed values: Blank, ItemNo, VariantCode, ItemNoVariantCode, VendorItemNo, BarCode" }
        @{ Case = 'enum value far from any'; Yaml = $valid -replace 'syncItem: ToShopify', 'syncItem: Sideways'; ErrorId = 'ShopifyProfileInvalidValue'; Key = 'items.syncItem'; Line = 6; Expect = 'Allowed values: Disabled, ToShopify, FromShopify' }
        @{ Case = 'text for a boolean'; Yaml = $valid + "`nallowOutgoingRequests: sometimes"; ErrorId = 'ShopifyProfileWrongType'; Key = 'allowOutgoingRequests'; Line = 10; Expect = "Expected true or false, found 'sometimes'" }
        @{ Case = 'list where a mapping belongs'; Yaml = $valid -replace "auth:\r?\n  tokenEnv: SHOP_TOKEN", "auth:`n  - SHOP_TOKEN"; ErrorId = 'ShopifyProfileWrongType'; Key = 'auth'; Line = 4; Expect = 'Expected a mapping' }
        @{ Case = 'mapping where a value belongs'; Yaml = $valid -replace 'domain: shop.myshopify.com', "domain:`n  host: shop.myshopify.com"; ErrorId = 'ShopifyProfileWrongType'; Key = 'domain'; Line = 3; Expect = 'Expected a single value' }
        @{ Case = 'not a shopify domain'; Yaml = $valid -replace 'shop.myshopify.com', 'https://shop.example.com'; ErrorId = 'ShopifyProfileInvalidDomain'; Key = 'domain'; Line = 2; Expect = "'<store>.myshopify.com'" }
        @{ Case = 'http endpoint that is not loopback'; Yaml = $valid + "`nendpoint: http://shop.example.com"; ErrorId = 'ShopifyProfileInsecureEndpoint'; Key = 'endpoint'; Line = 10; Expect = 'http is allowed only for loopback' }
        @{ Case = 'endpoint that is no URL'; Yaml = $valid + "`nendpoint: ftp://127.0.0.1"; ErrorId = 'ShopifyProfileInvalidEndpoint'; Key = 'endpoint'; Line = 10; Expect = 'not an http\(s\) URL' }
        @{ Case = 'both update flags on'; Yaml = $valid + "`n  canUpdateShopifyProducts: true`n  shopifyCanUpdateItems: true" -replace 'prices:\r?\n  currencyCode: EUR\r?\n', ''; ErrorId = 'ShopifyProfileConflictingUpdateFlags'; Key = 'items.shopifyCanUpdateItems'; Line = 9; Expect = 'exclude each other' }
        @{ Case = 'duplicate location ids'; Yaml = $valid + "`nlocations:`n- id: gid://shopify/Location/1`n- id: gid://shopify/Location/1"; ErrorId = 'ShopifyProfileDuplicateLocation'; Key = 'locations[1].id'; Line = 12; Expect = 'listed twice' }
        @{ Case = 'no auth at all'; Yaml = $valid -replace "auth:\r?\n  tokenEnv: SHOP_TOKEN\r?\n", ''; ErrorId = 'ShopifyProfileMissingAuth'; Key = 'auth'; Line = 0; Expect = 'auth.tokenEnv, auth.tokenFile, auth.secretName .*or auth.clientId' }
        @{ Case = 'client id without secret'; Yaml = $valid -replace 'tokenEnv: SHOP_TOKEN', 'clientId: abc'; ErrorId = 'ShopifyProfileMissingAuth'; Key = 'auth'; Line = 4; Expect = 'need both auth.clientId and auth.clientSecretEnv' }
        @{ Case = 'two token sources'; Yaml = $valid -replace 'tokenEnv: SHOP_TOKEN', "tokenEnv: SHOP_TOKEN`n  tokenFile: /tmp/t"; ErrorId = 'ShopifyProfileAmbiguousAuth'; Key = 'auth'; Line = 4; Expect = 'only one of' }
        @{ Case = 'missing domain'; Yaml = $valid -replace "domain: shop.myshopify.com\r?\n", ''; ErrorId = 'ShopifyProfileMissingKey'; Key = 'domain'; Line = 0; Expect = "'domain' is required" }
        @{ Case = 'name that is not the file name'; Yaml = $valid -replace 'name: shop', 'name: other'; ErrorId = 'ShopifyProfileInvalidName'; Key = 'name'; Line = 1; Expect = "does not match the file name 'shop'" }
        @{ Case = 'api version that does not exist'; Yaml = $valid + "`napiVersion: 2026-05"; ErrorId = 'ShopifyProfileInvalidApiVersion'; Key = 'apiVersion'; Line = 10; Expect = 'YYYY-01, -04, -07 or -10' }
        @{ Case = 'broken YAML'; Yaml = $valid + "`nitems: [unclosed"; ErrorId = 'ShopifyProfileSyntaxError'; Key = '(file)'; Line = 10; Expect = "Not valid YAML: The '\[' opened here is never closed" }
        @{ Case = 'duplicate key'; Yaml = $valid + "`ndomain: again.myshopify.com"; ErrorId = 'ShopifyProfileSyntaxError'; Key = '(file)'; Line = 10; Expect = 'Duplicate key domain' }
        @{ Case = 'a list instead of a profile'; Yaml = "- name: shop"; ErrorId = 'ShopifyProfileSyntaxError'; Key = '(file)'; Line = 1; Expect = 'must be a YAML mapping' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $testHome = New-TestHome (Join-Path $TestDrive 'bad')
    $shops = New-Item -ItemType Directory -Force (Join-Path $testHome 'shops')
}

Describe 'A bad profile: <Case>' -ForEach $cases {
    BeforeAll {
        $file = Join-Path $shops 'shop.yml'
        Set-Content -Path $file -Value $Yaml -NoNewline
    }

    It 'is reported by Test-ShopifyShop with the ErrorId, file, position, key and what is allowed' {
        $result = Test-ShopifyShop shop -ErrorVariable problems -ErrorAction SilentlyContinue
        $result.Success | Should -BeFalse
        $problem = $problems | Where-Object { $_.FullyQualifiedErrorId -like "$ErrorId,*" } | Select-Object -First 1
        $problem | Should -Not -BeNullOrEmpty -Because "expected $ErrorId among: $($problems.FullyQualifiedErrorId -join ', ')"
        $message = $problem.Exception.Message
        $message | Should -BeLike "$file*"
        if ($Line -gt 0) { $message | Should -Match ([regex]::Escape("${file}:${Line}:")) }
        else { $message | Should -BeLike "${file}: $($Key): *" -Because 'a key that is not in the file has no position to show' }
        $message | Should -Match ([regex]::Escape(": $($Key): "))
        $message | Should -Match $Expect
        $problem.TargetObject.Key | Should -Be $Key
    }

    It 'stops a command that needs the profile, with the same ErrorId' {
        { Set-ShopifyShop shop -LanguageCode 'ENU' -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,ShopifyPS.Commands.Cmdlets.SetShopifyShopCommand"
        Get-Content $file -Raw | Should -Be $Yaml -Because 'a refused change must leave the file alone'
    }
}
