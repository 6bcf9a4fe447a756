# Translations into the shop's other languages against an emulator process that publishes Norwegian (nb) besides
# English, on the example data set (examples/data), whose items have NOR item translations, extended texts, attribute
# translations and marketing texts: languages[] maps nb to NOR.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_language_test'
    Invoke-TestEmulator $emulator 'seed' -Body @{ locales = @(@{ locale = 'nb'; name = 'Norwegian Bokmål'; published = $true }, @{ locale = 'de'; name = 'German' }) } | Out-Null
    New-TestShop -Emulator $emulator -Name lang -HomePath (Join-Path $TestDrive 'lang') -TokenVariable SHOPIFYPS_LANGUAGE_TOKEN -Settings @{
        SyncItem = 'ToShopify'; CanUpdateShopifyProducts = $true; SkuMapping = 'ItemNo'; SyncItemExtendedText = $true; SyncItemAttributes = $true
        SyncItemMarketingText = $true; Languages = 'nb=NOR'
    }

    function Invoke-Shopify([string] $Query, $Variables) {
        $body = @{ query = $Query; variables = $Variables } | ConvertTo-Json -Depth 10
        $answer = Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri)/admin/api/2026-04/graphql.json" -Headers @{ 'X-Shopify-Access-Token' = $emulator.Token } -ContentType 'application/json' -Body $body
        if ($answer.errors) { throw ($answer.errors | ConvertTo-Json -Depth 5) }
        $answer.data
    }
    function Get-ProductId([string] $ItemNo) { ((Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object handle -EQ "item-$ItemNo").id }
    # The product's translations into a locale, by key (value and whether Shopify marks it outdated).
    function Get-Translations([string] $ItemNo, [string] $Locale = 'nb') {
        $resource = (Invoke-Shopify 'query T($id: ID!, $locale: String!) { translatableResource(resourceId: $id) { translatableContent { key digest } translations(locale: $locale) { key value outdated } } }' @{ id = (Get-ProductId $ItemNo); locale = $Locale }).translatableResource
        $byKey = @{}
        foreach ($translation in $resource.translations) { $byKey[$translation.key] = $translation }
        $byKey
    }
    function Get-Registers { @(foreach ($request in (Invoke-TestEmulator $emulator 'requests' -Method Get)) { if ($request.operationName -eq 'TranslationsRegister') { $request } }) }
    function Get-Mutations { @(foreach ($request in (Invoke-TestEmulator $emulator 'requests' -Method Get)) { if ($request.document -match '^\s*mutation') { $request } }) }
    function Clear-Requests { Invoke-TestEmulator $emulator 'requests' -Method Delete | Out-Null }
    # Changes the item's NOR translation as an ERP export would: a new item-translations.csv, loaded.
    function Set-NorwegianTitle([string] $ItemNo, [string] $Title) {
        $folder = Join-Path $TestDrive "translations-$ItemNo-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $folder
        [pscustomobject]@{ ItemNo = $ItemNo; VariantCode = ''; LanguageCode = 'NOR'; Description = $Title } | Export-Csv (Join-Path $folder 'item-translations.csv')
        Import-ShopifyErpData -Path $folder | Out-Null
    }
}

AfterAll {
    if ($emulator) { Stop-TestEmulator $emulator }
    Remove-Item Env:SHOPIFYPS_LANGUAGE_TOKEN -ErrorAction SilentlyContinue
}

Describe 'The languages profile section' {
    It 'is written by -Languages and checked live by Test-ShopifyShop against the published locales' {
        $languages = (Get-ShopifyShop lang).Languages
        $languages.Locale | Should -Be 'nb'
        $languages.LanguageCode | Should -Be 'NOR'
        $languages.SyncTranslations | Should -BeTrue
        (Test-ShopifyShop lang).Success | Should -BeTrue
    }

    It 'reports a locale the shop has not added or not published as ShopifyLocaleNotPublished, and passes when its sync is off' {
        Set-ShopifyShop lang -Languages 'nb=NOR', 'de=DEU', 'fr=FRA'
        try {
            $null = Test-ShopifyShop lang -ErrorVariable problems -ErrorAction SilentlyContinue
            $problem = $problems | Where-Object { $_.FullyQualifiedErrorId -like 'ShopifyLocaleNotPublished*' }
            $problem | Should -HaveCount 1
            $problem.Exception.Message | Should -Match "'de' is not published"
            $problem.Exception.Message | Should -Match "'fr' is not a language of the shop"
            $problem.Exception.Message | Should -Not -Match "'nb'"

            $file = Join-Path $env:SHOPIFYPS_HOME 'shops/lang.yml'
            $text = Get-Content $file -Raw
            $text = $text -replace "(locale: de\r?\n\s*languageCode: DEU\r?\n\s*)syncTranslations: true", '$1syncTranslations: false'
            $text = $text -replace "(locale: fr\r?\n\s*languageCode: FRA\r?\n\s*)syncTranslations: true", '$1syncTranslations: false'
            Set-Content $file $text -NoNewline
            (Test-ShopifyShop lang).Success | Should -BeTrue
        }
        finally { Set-ShopifyShop lang -Languages 'nb=NOR' }
    }

    It 'refuses a duplicate locale, a malformed locale and an unknown key with file, line and column' {
        $file = Join-Path $env:SHOPIFYPS_HOME 'shops/broken.yml'
        Set-Content $file "name: broken`ndomain: broken.myshopify.com`nauth:`n  tokenEnv: X`nlanguages:`n- locale: nb`n  languageCode: NOR`n- locale: nb`n  languageCode: NOR`n- locale: Norsk`n  languageCode: NOR`n- locale: de`n  language: DEU`n"
        $null = Test-ShopifyShop broken -ErrorVariable problems -ErrorAction SilentlyContinue
        $messages = $problems.Exception.Message -join "`n"
        $messages | Should -Match "broken\.yml:8:11.*The locale 'nb' is listed twice"
        $messages | Should -Match "broken\.yml:10:11.*'Norsk' is not a Shopify locale"
        $messages | Should -Match "broken\.yml:13:3.*language"
        ($problems | Where-Object { $_.FullyQualifiedErrorId -like 'ShopifyProfileInvalidValue*' }).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Translations of created and updated products' {
    It '-WhatIf shows the planned translations and sends nothing' {
        Clear-Requests
        $plan = Add-ShopifyItem -Shop lang -No 1001 -WhatIf
        $plan.Message | Should -Match "translation nb title \(none\) → 'Stormjakke skall' \(new product\)"
        $plan.Message | Should -Match 'translation nb description 0 → \d+ characters'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'creates products carrying their nb title and description, built from the NOR texts' {
        Clear-Requests
        $results = Add-ShopifyItem -Shop lang -No 1001, 1003, 1004
        $results.Action | Should -Be @('Created', 'Created', 'Created')
        $results[0].Message | Should -Match 'translated into nb'
        @(Get-Registers).Count | Should -Be 3

        $nb = Get-Translations 1001
        $nb.title.value | Should -Be 'Stormjakke skall'
        $nb.body_html.value | Should -Match 'Vanntett 20 000 mm'
        $nb.body_html.value | Should -Match 'Vår letteste'
        $nb.body_html.value | Should -Match '<td class="attributeName">Materiale</td>'
        $nb.body_html.value | Should -Not -Match 'Our lightest'
        $nb.title.outdated | Should -BeFalse
        # An item without a NOR translation of its description keeps its own title (Business Central's fallback).
        (Get-Translations 1004).title.value | Should -Be 'Fleecejakke'
    }

    It 'sends nothing on a rerun' {
        Clear-Requests
        (Sync-ShopifyProduct -Shop lang).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'sends exactly the one translation the ERP changed' {
        Set-NorwegianTitle 1003 'Dunparkas «Polar» ny'
        Clear-Requests
        $plan = Sync-ShopifyProduct -Shop lang -WhatIf | Where-Object Action -EQ 'Updated'
        $plan.ItemNo | Should -Be '1003'
        $plan.Message | Should -Match "translation nb title 'Dunparkas «Polar»' → 'Dunparkas «Polar» ny' \(changed in the ERP\)"
        Get-Mutations | Should -BeNullOrEmpty

        $results = Sync-ShopifyProduct -Shop lang
        ($results | Where-Object Action -EQ 'Updated').ItemNo | Should -Be '1003'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('TranslationsRegister')
        @($sent[0].variables.translations).Count | Should -Be 1
        $sent[0].variables.translations[0].key | Should -Be 'title'
        $sent[0].variables.translations[0].value | Should -Be 'Dunparkas «Polar» ny'
        (Get-Translations 1003).title.value | Should -Be 'Dunparkas «Polar» ny'
    }

    It 'leaves a translation into a locale it does not manage alone, and a key it does not manage' {
        $id = Get-ProductId 1001
        Invoke-TestEmulator $emulator 'seed' -Body @{ locales = @(@{ locale = 'sv'; published = $true }) } | Out-Null
        $content = (Invoke-Shopify 'query C($id: ID!) { translatableResource(resourceId: $id) { translatableContent { key digest } } }' @{ id = $id }).translatableResource.translatableContent
        $title = ($content | Where-Object key -EQ 'title').digest
        $handle = ($content | Where-Object key -EQ 'handle').digest
        $answer = Invoke-Shopify 'mutation R($id: ID!, $t: [TranslationInput!]!) { translationsRegister(resourceId: $id, translations: $t) { userErrors { message code } } }' @{
            id = $id; t = @(@{ locale = 'sv'; key = 'title'; value = 'Stormjacka'; translatableContentDigest = $title }, @{ locale = 'nb'; key = 'handle'; value = 'stormjakke'; translatableContentDigest = $handle })
        }
        $answer.translationsRegister.userErrors | Should -BeNullOrEmpty
        Set-NorwegianTitle 1001 'Stormjakke skall 2'

        Sync-ShopifyProduct -Shop lang -No 1001 | Out-Null
        (Get-Translations 1001 'sv').title.value | Should -Be 'Stormjacka'
        (Get-Translations 1001).handle.value | Should -Be 'stormjakke'
        (Get-Translations 1001).title.value | Should -Be 'Stormjakke skall 2'
    }

    It 're-sends the translation whose source text changed in Shopify, against the new digest' {
        $id = Get-ProductId 1004
        $answer = Invoke-Shopify 'mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }' @{ p = @{ id = $id; title = 'Fleece jacket (new)' } }
        $answer.productUpdate.userErrors | Should -BeNullOrEmpty
        (Get-Translations 1004).title.outdated | Should -BeTrue
        Clear-Requests

        $results = Sync-ShopifyProduct -Shop lang
        $updated = $results | Where-Object Action -EQ 'Updated'
        $updated.ItemNo | Should -Be '1004'
        $updated.Message | Should -Match 'its source text changed in Shopify'
        $sent = Get-Mutations
        $sent.operationName | Should -Be @('TranslationsRegister')
        $sent[0].variables.translations.key | Should -Be 'title'
        (Get-Translations 1004).title.outdated | Should -BeFalse
        # The merchandiser's title stays: the product's own title is not ShopifyPS's to send until the ERP changes it.
        ((Invoke-TestEmulator $emulator 'state' -Method Get).products | Where-Object id -EQ $id).title | Should -Be 'Fleece jacket (new)'

        Clear-Requests
        (Sync-ShopifyProduct -Shop lang).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-Mutations | Should -BeNullOrEmpty
    }

    It 'registers the translation of a title the ERP changed against the digest of the title it sends' {
        Set-ShopifyItem -No 1004 -Description 'Fleece jacket' | Out-Null
        Clear-Requests
        $results = Sync-ShopifyProduct -Shop lang
        ($results | Where-Object Action -EQ 'Updated').Message | Should -Match 'its source text is sent now'
        (Get-Mutations).operationName | Should -Be @('ProductUpdate', 'TranslationsRegister')
        (Get-Translations 1004).title.outdated | Should -BeFalse
        (Get-Translations 1004).title.value | Should -Be 'Fleecejakke'
    }
}
