BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $moduleFolder = Split-Path $modulePath
    $runtime = [ShopifyPS.Commands.Infrastructure.NativeRuntime]
    $expected = 'win-x64', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64'
    $nativeFiles = @{ win = 'e_sqlite3.dll'; linux = 'libe_sqlite3.so'; osx = 'libe_sqlite3.dylib' }
}

Describe 'The package' {
    BeforeAll {
        # The same step as ./build.ps1 -Task Package, from the module the suites run against, in its own process
        # (publishing reads the module's files).
        $feed = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'feed')
        $script = Join-Path $PSScriptRoot '../../build/Publish-LocalPackage.ps1'
        $null = Invoke-InFreshPwsh "& '$script' -ModulePath '$moduleFolder' -Feed '$($feed.FullName)'"
        $package = Get-ChildItem $feed -Filter 'ShopifyPS.*.nupkg' | Select-Object -First 1
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
        $entries = $zip.Entries.FullName | ForEach-Object { [uri]::UnescapeDataString($_) }
        $reader = [System.IO.StreamReader]::new($zip.GetEntry('ShopifyPS.psd1').Open())
        $manifestText = $reader.ReadToEnd()
        $reader.Dispose()
        $zip.Dispose()
        $manifestFile = Join-Path $TestDrive 'packaged.psd1'
        Set-Content -Path $manifestFile -Value $manifestText
        $psData = (Import-PowerShellDataFile $manifestFile).PrivateData.PSData
    }

    It 'carries the native SQLite library of <_>' -ForEach @('win-x64', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64') {
        $file = $nativeFiles[($_ -split '-')[0]]
        $entries | Should -Contain "Dependencies/runtimes/$_/native/$file"
    }

    It 'ships the platforms the load context knows, and no others' {
        $shipped = $entries | Where-Object { $_ -match '^Dependencies/runtimes/([^/]+)/native/' } | ForEach-Object { $Matches[1] } | Sort-Object -Unique
        $shipped | Should -Be ($runtime::Shipped | Sort-Object)
        ($runtime::Shipped | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'has release notes from the changelog, platform tags, and no links the repository does not have' {
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $changelog = Get-Content (Join-Path $PSScriptRoot '../../CHANGELOG.md') -Raw
        $changelog | Should -Match ([regex]::Escape(($psData.ReleaseNotes -split "`n")[0].Trim()))
        $psData.Tags | Should -Contain 'PSEdition_Core'
        foreach ($platform in 'Windows', 'Linux', 'MacOS') { $psData.Tags | Should -Contain $platform }
        $psData.Keys | Should -Not -Contain 'LicenseUri'
        $psData.Keys | Should -Not -Contain 'ProjectUri'
    }
}

Describe 'Choosing the native library' {
    It 'picks <Rid> on <Os> <Arch> (musl: <Musl>)' -ForEach @(
        @{ Os = 'Windows'; Arch = 'X64'; Musl = $false; Rid = 'win-x64'; File = 'e_sqlite3.dll' }
        @{ Os = 'Windows'; Arch = 'Arm64'; Musl = $false; Rid = 'win-arm64'; File = 'e_sqlite3.dll' }
        @{ Os = 'Linux'; Arch = 'X64'; Musl = $false; Rid = 'linux-x64'; File = 'libe_sqlite3.so' }
        @{ Os = 'Linux'; Arch = 'Arm64'; Musl = $false; Rid = 'linux-arm64'; File = 'libe_sqlite3.so' }
        @{ Os = 'Linux'; Arch = 'X64'; Musl = $true; Rid = 'linux-musl-x64'; File = 'libe_sqlite3.so' }
        @{ Os = 'OSX'; Arch = 'X64'; Musl = $false; Rid = 'osx-x64'; File = 'libe_sqlite3.dylib' }
        @{ Os = 'OSX'; Arch = 'Arm64'; Musl = $false; Rid = 'osx-arm64'; File = 'libe_sqlite3.dylib' }
    ) {
        $os = [System.Runtime.InteropServices.OSPlatform]::$Os
        $runtime::IdentifierFor($os, $Arch, $Musl) | Should -Be $Rid
        $relative = $runtime::RelativePath($Rid, $os, 'e_sqlite3')
        Join-Path $moduleFolder "Dependencies/$relative" | Should -Exist
        Split-Path $relative -Leaf | Should -Be $File
    }

    It 'finds the SkiaSharp library, whose imported name already starts with lib, for <Rid>' -ForEach @(
        @{ Os = 'Windows'; Rid = 'win-x64'; File = 'libSkiaSharp.dll' }
        @{ Os = 'Linux'; Rid = 'linux-x64'; File = 'libSkiaSharp.so' }
        @{ Os = 'Linux'; Rid = 'linux-musl-x64'; File = 'libSkiaSharp.so' }
    ) {
        $relative = $runtime::RelativePath($Rid, [System.Runtime.InteropServices.OSPlatform]::$Os, 'libSkiaSharp')
        Split-Path $relative -Leaf | Should -Be $File
        Join-Path $moduleFolder "Dependencies/$relative" | Should -Exist
    }

    It 'picks nothing for a platform the package has no library for (<Os> <Arch>, musl: <Musl>)' -ForEach @(
        @{ Os = 'Windows'; Arch = 'X86'; Musl = $false }
        @{ Os = 'Linux'; Arch = 'Arm64'; Musl = $true }
        @{ Os = 'FreeBSD'; Arch = 'X64'; Musl = $false }
    ) {
        $runtime::IdentifierFor([System.Runtime.InteropServices.OSPlatform]::$Os, $Arch, $Musl) | Should -BeNullOrEmpty
    }

    It 'finds the library of this machine' {
        $rid = $runtime::IdentifierFor($runtime::CurrentOS, [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture, $runtime::CurrentIsMusl)
        $rid | Should -BeIn $expected
        Join-Path $moduleFolder "Dependencies/$($runtime::RelativePath($rid, $runtime::CurrentOS, 'e_sqlite3'))" | Should -Exist
    }
}
