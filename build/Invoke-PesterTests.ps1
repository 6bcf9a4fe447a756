<#
.SYNOPSIS
    Runs the Pester suites against the built module and writes the pass/fail counts to a JSON file.
    Pester comes from its NuGet package (restored by build/Tools.proj), not from PSGallery.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string[]] $Tag,
    [string[]] $ExcludeTag
)
$ErrorActionPreference = 'Stop'
$toolsProject = Join-Path $PSScriptRoot 'Tools.proj'
& dotnet restore $toolsProject --nologo -v q | Out-Null
if ($LASTEXITCODE -ne 0) { throw "Restoring the build tools ($toolsProject) failed." }
$packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
$downloads = @{}
foreach ($download in ([xml](Get-Content $toolsProject)).Project.ItemGroup.PackageDownload) {
    $downloads[$download.Include] = Join-Path $packages.Trim() "$($download.Include.ToLowerInvariant())/$($download.Version.Trim('[', ']'))"
}
Import-Module (Join-Path $downloads.Pester 'tools/Pester.psd1') -Force
# The isolation test loads this other YamlDotNet before the module.
$env:SHOPIFYPS_TEST_OTHER_YAMLDOTNET = Join-Path $downloads.YamlDotNet 'lib/netstandard2.0/YamlDotNet.dll'

# Tests find the module through this variable, so they always import the built copy.
$env:SHOPIFYPS_TEST_MODULE = (Resolve-Path $ModuleManifest).Path

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
$result = Invoke-Pester -Configuration $configuration
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
