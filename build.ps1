<#
.SYNOPSIS
    The one entry point: builds the module into out/ShopifyPS, runs every test, packages it, runs the quickstart.
.PARAMETER Task
    Build (default): the importable module in out/ShopifyPS. Test: Build, then xunit and Pester.
    Package: Build, then a .nupkg in out/package. Demo: Build, then examples/quickstart.ps1.
    Bench: the benchmark harness's run-all (not part of Test): one table, also written into BENCHMARKS.md.
.PARAMETER Scale
    Bench only: workload sizes as a share of the full ones (0.1 for a quick run).
.PARAMETER BenchSet
    Bench only: Standard (the performance model) or Plus (100,000 items x 10 variants at 3 locations).
.PARAMETER ClockSpeed
    Bench only: the emulator's clock speed (10 refills the bucket ten times faster; the Plus set is run at 10).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    [double] $Scale = 1,
    [ValidateSet('Standard', 'Plus')]
    [string] $BenchSet = 'Standard',
    [double] $ClockSpeed = 1
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'ShopifyPS'
$resultsOut = Join-Path $out 'test-results'
$nativeRuntimes = 'win-x64', 'win-arm64', 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64'

function Invoke-Native([string] $command, [string[]] $arguments) {
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh of the same version as this one, whether it runs as an installed pwsh or as the dotnet tool.
function Get-PwshCommand {
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet' -and (Test-Path $dll)) { return 'dotnet', @($dll) }
    return [Environment]::ProcessPath, @()
}

function Invoke-FreshPwsh([string[]] $arguments) {
    $command, $prefix = Get-PwshCommand
    Invoke-Native $command (@($prefix) + @('-NoProfile', '-NonInteractive') + $arguments)
}

function Get-Version { ([xml](Get-Content (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup.VersionPrefix }

# The CHANGELOG section of this version, or the Unreleased one while the version has none, for the manifest's ReleaseNotes.
function Get-ReleaseNotes {
    $version = [regex]::Escape((Get-Version))
    $text = Get-Content (Join-Path $root 'CHANGELOG.md') -Raw
    foreach ($heading in "## \[$version\]", '## \[Unreleased\]') {
        if ($text -match "(?ms)^$heading[^\n]*\n(.*?)(?=^## |\z)") { return $Matches[1].Trim() }
    }
    throw "CHANGELOG.md has neither a [$(Get-Version)] nor an [Unreleased] section."
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'ShopifyPS.sln'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:ErrorsOnly')
    $enginePublish = Join-Path $out 'obj/engine'
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/ShopifyPS.Engine'), '-c', $Configuration, '-o', $enginePublish, '--nologo', '-v', 'q', '-clp:ErrorsOnly')

    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Force -Path (Join-Path $moduleOut 'Dependencies')
    $cmdletBin = Join-Path $root "src/ShopifyPS/bin/$Configuration/net8.0"
    Copy-Item (Join-Path $cmdletBin 'ShopifyPS.dll'), (Join-Path $cmdletBin 'ShopifyPS.pdb') $moduleOut
    # The engine and its dependencies go to Dependencies/, where only the module's load context looks.
    Copy-Item (Join-Path $enginePublish '*.dll'), (Join-Path $enginePublish 'ShopifyPS.Engine.pdb') $dependencies
    # The native SQLite library of every platform the module supports, in the runtimes/<rid>/native layout that
    # EngineLoadContext picks from (the same list as NativeRuntime.Shipped; a Pester test keeps the two in step).
    foreach ($rid in $nativeRuntimes) {
        $native = Join-Path $enginePublish "runtimes/$rid/native"
        if (-not (Test-Path $native)) { throw "No native SQLite library for $rid in $enginePublish/runtimes." }
        $target = New-Item -ItemType Directory -Force -Path (Join-Path $dependencies "runtimes/$rid/native")
        Copy-Item (Join-Path $native '*') $target -Exclude '*.pdb'
        # SkiaSharp ships one universal macOS library under runtimes/osx: each macOS identifier gets it.
        $universal = Join-Path $enginePublish 'runtimes/osx/native'
        if ($rid -like 'osx-*' -and (Test-Path $universal)) { Copy-Item (Join-Path $universal '*') $target }
    }

    $manifest = Get-Content (Join-Path $root 'ShopifyPS.psd1') -Raw
    $manifest = $manifest -replace "ModuleVersion(\s*)= '[^']*'", "ModuleVersion`$1= '$(Get-Version)'"
    $notes = (Get-ReleaseNotes) -replace "'", "''"
    $manifest = $manifest -replace "ReleaseNotes(\s*)= '[^']*'", { "ReleaseNotes$($_.Groups[1].Value)= '$notes'" }
    Set-Content -Path (Join-Path $moduleOut 'ShopifyPS.psd1') -Value $manifest -Encoding utf8
    Copy-Item (Join-Path $root 'module/ShopifyPS.format.ps1xml'), (Join-Path $root 'module/ShopifyPS.psm1') $moduleOut
    $helpOut = New-Item -ItemType Directory -Force -Path (Join-Path $moduleOut 'en-US')
    Copy-Item (Join-Path $root 'module/en-US/*.help.txt') $helpOut
    # Help is generated in a separate process: importing the module here would lock its files.
    Invoke-FreshPwsh @('-File', (Join-Path $root 'build/ConvertTo-Maml.ps1'),
        '-ModuleManifest', (Join-Path $moduleOut 'ShopifyPS.psd1'),
        '-HelpSource', (Join-Path $root 'module/help'),
        '-Destination', (Join-Path $helpOut 'ShopifyPS.dll-Help.xml'))
    # The Shopify emulator for the Pester suites and the benchmark: dotnet out/emulator/ShopifyPS.Emulator.dll
    $emulatorOut = Join-Path $out 'emulator'
    if (Test-Path $emulatorOut) { Remove-Item $emulatorOut -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/ShopifyPS.Emulator'), '-c', $Configuration, '-o', $emulatorOut, '--nologo', '-v', 'q', '-clp:ErrorsOnly')
    Write-Host "Built ShopifyPS $(Get-Version) into $moduleOut"
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $resultsOut) { Remove-Item $resultsOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Force -Path $resultsOut

    # xunit: every test project in the solution, results as trx so they can be counted.
    & dotnet test (Join-Path $root 'ShopifyPS.sln') -c $Configuration --no-build --nologo -v q `
        --logger 'console;verbosity=minimal' --logger 'trx' --results-directory $resultsOut
    $xunitExit = $LASTEXITCODE
    $xunitPassed = 0; $xunitFailed = 0
    foreach ($trx in Get-ChildItem $resultsOut -Filter *.trx) {
        $counters = ([xml](Get-Content -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $xunitPassed += [int]$counters.passed
        $xunitFailed += [int]$counters.failed + [int]$counters.error
    }
    if ($xunitExit -ne 0 -and $xunitFailed -eq 0) { $xunitFailed = 1 }

    # Pester: a fresh pwsh that imports the BUILT module.
    $summary = Join-Path $resultsOut 'pester-summary.json'
    & { Invoke-FreshPwsh @('-File', (Join-Path $root 'build/Invoke-PesterTests.ps1'),
            '-ModuleManifest', (Join-Path $moduleOut 'ShopifyPS.psd1'),
            '-TestPath', (Join-Path $root 'tests/pester'), '-SummaryPath', $summary) } 2>&1 | Out-Host
    $pester = if (Test-Path $summary) { Get-Content $summary -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1 } }

    $passed = $xunitPassed + $pester.Passed
    $failed = $xunitFailed + $pester.Failed
    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $feed = Join-Path $out 'package'
    if (Test-Path $feed) { Remove-Item $feed -Recurse -Force }
    $null = New-Item -ItemType Directory -Force -Path $feed
    # PSResourceGet (in the box since PowerShell 7.4) writes a .nupkg that Install-PSResource reads back.
    Invoke-FreshPwsh @('-File', (Join-Path $root 'build/Publish-LocalPackage.ps1'), '-ModulePath', $moduleOut, '-Feed', $feed)
    Get-ChildItem $feed -Filter *.nupkg | ForEach-Object { Write-Host "Packaged $($_.FullName)" }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-FreshPwsh @('-File', (Join-Path $root 'examples/quickstart.ps1'))
}

# The benchmark workloads (BENCHMARKS.md) against the emulator, one process each; the table goes between BENCHMARKS.md's markers.
function Invoke-Bench {
    $project = Join-Path $root 'tests/ShopifyPS.Bench'
    Invoke-Native dotnet @('build', $project, '-c', 'Release', '--nologo', '-v', 'q', '-clp:ErrorsOnly')
    $arguments = @((Join-Path $project 'bin/Release/net10.0/ShopifyPS.Bench.dll'), 'run-all', '--set', $BenchSet.ToLowerInvariant(),
        '--scale', $Scale.ToString([cultureinfo]::InvariantCulture), '--clock-speed', $ClockSpeed.ToString([cultureinfo]::InvariantCulture))
    # Only full-size figures belong in BENCHMARKS.md; a quick run just prints its table.
    if ($Scale -eq 1) { $arguments += '--write', (Join-Path $root 'BENCHMARKS.md') }
    Invoke-Native dotnet $arguments
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
    }
}
finally { Pop-Location }
