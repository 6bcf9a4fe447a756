# Shared set-up for the Pester suites: every suite imports the BUILT module (build/Invoke-PesterTests.ps1
# sets SHOPIFYPS_TEST_MODULE) and works in its own home folder, so tests never touch ~/.shopifyps.

function Get-TestModulePath {
    if (-not $env:SHOPIFYPS_TEST_MODULE) { throw 'Run the suites through ./build.ps1 -Task Test (SHOPIFYPS_TEST_MODULE is not set).' }
    $env:SHOPIFYPS_TEST_MODULE
}

function New-TestHome([string] $Path) {
    $null = New-Item -ItemType Directory -Force -Path $Path
    $env:SHOPIFYPS_HOME = $Path
    $Path
}

# Runs a script in a new pwsh process (a clean load context) and returns its output lines.
function Invoke-InFreshPwsh([string] $Script) {
    $dll = Join-Path $PSHOME 'pwsh.dll'
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        & dotnet $dll -NoProfile -NonInteractive -EncodedCommand $encoded
    }
    else {
        & ([Environment]::ProcessPath) -NoProfile -NonInteractive -EncodedCommand $encoded
    }
}

Export-ModuleMember -Function Get-TestModulePath, New-TestHome, Invoke-InFreshPwsh
