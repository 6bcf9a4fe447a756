BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $commands = Get-Command -Module ShopifyPS -CommandType Cmdlet
}

Describe 'The module manifest' {
    It 'is a valid manifest for PowerShell 7.4+ Core' {
        $manifest = Test-ModuleManifest $modulePath
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.Version | Should -Not -Be ([version]'0.0.0')
    }

    It 'lists every cmdlet explicitly and exports exactly those' {
        $data = Import-PowerShellDataFile $modulePath
        $data.CmdletsToExport | Should -Not -Contain '*'
        $data.FunctionsToExport.Count | Should -Be 0
        ($commands.Name | Sort-Object) | Should -Be ($data.CmdletsToExport | Sort-Object)
    }

    It 'exports exactly the aliases it lists, each naming one of its cmdlets' {
        $data = Import-PowerShellDataFile $modulePath
        $aliases = Get-Command -Module ShopifyPS -CommandType Alias
        ($aliases.Name | Sort-Object) | Should -Be ($data.AliasesToExport | Sort-Object)
        foreach ($alias in $aliases) { $alias.ResolvedCommandName | Should -BeIn $commands.Name }
        (Get-Alias Set-SkuMapping).ResolvedCommandName | Should -Be 'Set-ShopifySkuMapping'
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        foreach ($command in $commands) { $approved | Should -Contain $command.Verb -Because $command.Name }
    }
}

Describe 'Help' {
    It 'has a synopsis, a description and examples for <_>' -ForEach ((Get-Command -Module ShopifyPS).Name) {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+-\S+ \[' -Because 'a synopsis that repeats the syntax means no help was found'
        $help.Description | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        foreach ($example in $help.Examples.Example) { $example.Code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter of <_>' -ForEach ((Get-Command -Module ShopifyPS).Name) {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $help = Get-Help $_ -Full
        foreach ($parameter in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $entry = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
            ($entry.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'ships about_ShopifyPS' {
        (Get-Help about_ShopifyPS | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}

Describe 'Assembly isolation' {
    It 'keeps the cmdlet assembly free of references to the engine''s dependencies' {
        $references = (Get-Module ShopifyPS).NestedModules[0].ImplementingAssembly.GetReferencedAssemblies().Name
        $references | Should -Contain 'ShopifyPS.Engine'
        foreach ($dependency in 'YamlDotNet', 'Newtonsoft.Json', 'Microsoft.Data.Sqlite', 'CsvHelper', 'Polly.Core') {
            $references | Should -Not -Contain $dependency
        }
    }

    It 'loads the engine and YamlDotNet in its own load context while another YamlDotNet is loaded' {
        $otherYaml = $env:SHOPIFYPS_TEST_OTHER_YAMLDOTNET
        $otherYaml | Should -Exist
        $testHome = Join-Path $TestDrive 'isolation'
        $output = Invoke-InFreshPwsh @"
`$ErrorActionPreference = 'Stop'
`$other = [System.Reflection.Assembly]::LoadFrom('$otherYaml')
# The other YamlDotNet works before and after ShopifyPS is imported.
`$before = [YamlDotNet.Serialization.SerializerBuilder]::new().Build().Serialize(@{ a = 1 }).Trim()
`$env:SHOPIFYPS_HOME = '$testHome'
Import-Module '$modulePath'
New-ShopifyShop iso -Domain iso.myshopify.com -TokenEnvironmentVariable ISO_TOKEN | Out-Null
`$profile = Get-ShopifyShop iso
`$after = [YamlDotNet.Serialization.SerializerBuilder]::new().Build().Serialize(@{ b = 2 }).Trim()
`$ours = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' -and `$_ -ne `$other }
"other=" + `$other.GetName().Version
"otherContext=" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$other).Name
"ours=" + `$ours.GetName().Version
"oursContext=" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$ours).Name
"engineContext=" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$profile.GetType().Assembly).Name
"before=`$before"
"after=`$after"
"domain=" + `$profile.Domain
"@
        $lines = @{}
        foreach ($line in $output) { $key, $value = "$line" -split '=', 2; $lines[$key] = $value }
        $lines.other | Should -Be '13.0.0.0'
        $lines.otherContext | Should -Be 'Default'
        $lines.ours | Should -Not -Be '13.0.0.0'
        $lines.oursContext | Should -Be 'ShopifyPS.Engine'
        $lines.engineContext | Should -Be 'ShopifyPS.Engine'
        $lines.before | Should -Be 'a: 1'
        $lines.after | Should -Be 'b: 2'
        $lines.domain | Should -Be 'iso.myshopify.com'
    }
}

Describe 'Diagnostics in unattended runs' {
    It 'writes verbose text under -Debug in a non-interactive session instead of asking' {
        $folder = Join-Path $TestDrive 'debug-home'
        $output = Invoke-InFreshPwsh "`$env:SHOPIFYPS_HOME = '$folder'; Import-Module '$modulePath'; Get-ShopifyItem -Debug 5>&1 | ForEach-Object { 'debug: ' + `$_ }; 'exit ' + `$?" 2>&1 | Out-String

        $output | Should -Match 'debug: Using the database'
        $output | Should -Not -Match 'NonInteractive mode'
        $output | Should -Match 'exit True'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        New-TestHome (Join-Path $TestDrive 'completion') | Out-Null
        New-ShopifyShop contoso -Domain contoso.myshopify.com -TokenEnvironmentVariable T1 | Out-Null
        New-ShopifyShop contoso-eu -Domain contoso-eu.myshopify.com -TokenEnvironmentVariable T2 | Out-Null
        New-ShopifyShop fabrikam -Domain fabrikam.myshopify.com -TokenEnvironmentVariable T3 | Out-Null
    }

    It 'completes profile names for <_>' -ForEach 'Set-ShopifyShop -Name con', 'Test-ShopifyShop con', 'Get-ShopifyShop -Name con' {
        $result = TabExpansion2 -inputScript $_ -cursorColumn $_.Length
        $result.CompletionMatches.CompletionText | Should -Be @('contoso', 'contoso-eu')
    }

    It 'completes enum values of settings' {
        $script = 'Set-ShopifyShop contoso -SkuMapping Item'
        $result = TabExpansion2 -inputScript $script -cursorColumn $script.Length
        $result.CompletionMatches.CompletionText | Should -Be @('ItemNo', 'ItemNoVariantCode')
    }
}

Describe 'Packaging' {
    It 'publishes a .nupkg that Install-PSResource can install from a local folder repository' {
        $feed = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'feed')
        $installTo = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'modules')
        $moduleFolder = Split-Path $modulePath
        $repo = "ShopifyPSTest$PID"
        Register-PSResourceRepository -Name $repo -Uri $feed.FullName -Trusted
        try {
            & (Join-Path $PSScriptRoot '../../build/Publish-LocalPackage.ps1') -ModulePath $moduleFolder -Feed $feed.FullName
            Get-ChildItem $feed -Filter 'shopifyps.*.nupkg' | Should -HaveCount 1
            Save-PSResource -Name ShopifyPS -Repository $repo -Path $installTo.FullName -TrustRepository
        }
        finally { Unregister-PSResourceRepository -Name $repo }
        $installed = Get-ChildItem $installTo -Recurse -Filter ShopifyPS.psd1 | Select-Object -First 1
        $installed | Should -Not -BeNullOrEmpty
        Join-Path $installed.DirectoryName 'Dependencies/ShopifyPS.Engine.dll' | Should -Exist
        $output = Invoke-InFreshPwsh "Import-Module '$($installed.FullName)'; (Get-Command -Module ShopifyPS).Count"
        [int]($output | Select-Object -Last 1) | Should -Be (Get-Command -Module ShopifyPS).Count
    }
}
