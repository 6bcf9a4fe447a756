# Tokens from a SecretManagement vault: the profile names the secret, the session's Get-Secret reads it. Microsoft's module
# is not available here, so a stand-in Get-Secret function in this session plays the vault, as any vault extension would.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Token 'shpat_vault_secret_4242'
    $testHome = New-TestHome (Join-Path $TestDrive 'vault')
    Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') | Out-Null
    $script:vault = @{ 'Company/ContosoToken' = ConvertTo-SecureString $emulator.Token -AsPlainText -Force }
    $script:asked = [System.Collections.Generic.List[string]]::new()
    function global:Get-Secret {
        param([string] $Name, [string] $Vault)
        $script:asked.Add("$Vault/$Name")
        $key = "$(if ($Vault) { $Vault } else { 'Default' })/$Name"
        if (-not $script:vault.ContainsKey($key)) { Write-Error "The secret $Name was not found."; return }
        $script:vault[$key]
    }
}

AfterAll {
    Remove-Item Function:\Get-Secret -ErrorAction SilentlyContinue
    if ($emulator) { Stop-TestEmulator $emulator }
}

Describe 'A profile whose token is a vault secret' {
    BeforeAll {
        New-ShopifyShop vaulted -Domain vaulted.myshopify.com -Endpoint $emulator.BaseUri -SecretName ContosoToken -SecretVault Company `
            -SyncItem ToShopify -CanUpdateShopifyProducts $true -SkuMapping ItemNo | Out-Null
    }

    It 'names the secret and vault in the profile, never the token' {
        $yaml = Get-Content (Join-Path $testHome 'shops/vaulted.yml') -Raw
        $yaml | Should -Match 'secretName: ContosoToken'
        $yaml | Should -Match 'secretVault: Company'
        $yaml | Should -Not -Match 'tokenEnv|tokenFile'
        (Test-ShopifyShop vaulted -Offline).Success | Should -BeTrue
    }

    It 'runs a real sync with the token Get-Secret returns' {
        $script:asked.Clear()
        $results = @(Get-ShopifyItem -No 1001, 1002 | Add-ShopifyItem -Shop vaulted)

        $results.Action | Should -Be @('Created', 'Created')
        $script:asked | Should -Contain 'Company/ContosoToken'
        (Get-ShopifyProduct -Shop vaulted -Sku 1001).Title | Should -Be 'Storm Shell Jacket'
    }

    It 'accepts a secret stored as plain text, from the default vault' {
        $script:vault['Default/PlainToken'] = $emulator.Token
        Set-ShopifyShop vaulted -SecretName PlainToken -SecretVault ''
        (Get-Content (Join-Path $testHome 'shops/vaulted.yml') -Raw) | Should -Not -Match 'secretVault'

        (Test-ShopifyShop vaulted).Success | Should -BeTrue
    }

    It 'leaves the token nowhere on disk' {
        $files = Get-ChildItem $testHome -Recurse -File | Where-Object Extension -NotIn '.db', '.db-wal', '.db-shm'
        foreach ($file in $files) { Get-Content $file.FullName -Raw | Should -Not -Match $emulator.Token -Because $file.FullName }
    }

    It 'reports a secret the vault does not have as ShopifySecretUnavailable, naming the secret' {
        Set-ShopifyShop vaulted -SecretName Missing -SecretVault Company
        $failure = { Get-ShopifyProduct -Shop vaulted } | Should -Throw -ErrorId 'ShopifySecretUnavailable,ShopifyPS.Commands.Cmdlets.GetShopifyProductCommand' -PassThru
        $failure.Exception.Message | Should -Match "secret 'Missing' in the vault 'Company'"
        $failure.Exception.Message | Should -Match 'was not found'
    }

    It 'says that SecretManagement must be installed when no Get-Secret is there' -Skip:([bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)) {
        Set-ShopifyShop vaulted -SecretName ContosoToken -SecretVault Company
        $standIn = Get-Item Function:\Get-Secret
        Remove-Item Function:\Get-Secret
        try {
            $failure = { Get-ShopifyProduct -Shop vaulted } | Should -Throw -ErrorId 'ShopifySecretUnavailable,ShopifyPS.Commands.Cmdlets.GetShopifyProductCommand' -PassThru
        }
        finally { Set-Item Function:\global:Get-Secret $standIn.ScriptBlock }
        $failure.Exception.Message | Should -Match 'Microsoft.PowerShell.SecretManagement must be installed and imported'
    }

    It 'does not ask the vault to show or complete a profile' {
        $script:asked.Clear()
        Get-ShopifyShop vaulted | Out-Null
        $line = 'Get-ShopifyInventory -Shop vaulted -Location '
        TabExpansion2 -inputScript $line -cursorColumn $line.Length | Out-Null
        $script:asked | Should -BeNullOrEmpty
    }
}

Describe 'Replacing a token source' {
    It 'New-ShopifyShop -Force with another token source removes the token file it replaced' {
        $token = ConvertTo-SecureString 'shpat_file_token' -AsPlainText -Force
        New-ShopifyShop swapped -Domain swapped.myshopify.com -AccessToken $token | Out-Null
        $file = Join-Path $testHome 'secrets/swapped.token'
        $file | Should -Exist

        New-ShopifyShop swapped -Domain swapped.myshopify.com -AccessToken $token -Force | Out-Null
        $file | Should -Exist -Because 'a new -AccessToken writes the same file'
        New-ShopifyShop swapped -Domain swapped.myshopify.com -SecretName SwappedToken -Force | Out-Null
        $file | Should -Not -Exist
    }

    It 'Set-ShopifyShop with another token source removes the token file it replaced' {
        New-ShopifyShop moved -Domain moved.myshopify.com -AccessToken (ConvertTo-SecureString 'shpat_x' -AsPlainText -Force) | Out-Null
        Set-ShopifyShop moved -TokenEnvironmentVariable MOVED_TOKEN
        Join-Path $testHome 'secrets/moved.token' | Should -Not -Exist
    }
}
