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

# Starts a script in a new pwsh process without waiting and returns the process (for tests that stop it half-way).
function Start-InFreshPwsh([string] $Script) {
    $dll = Join-Path $PSHOME 'pwsh.dll'
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    $arguments = @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $start.ArgumentList.Add($dll)
    }
    else { $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath) }
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    [System.Diagnostics.Process]::Start($start)
}

# Starts the Shopify emulator built into out/emulator as a process on a free loopback port and returns
# an object with BaseUri, Token and Process; stop it with Stop-TestEmulator.
function Start-TestEmulator {
    param([string] $Token = 'shpat_test_token', [int] $Bucket = 0, [double] $RestoreRate = 0)
    $dll = Join-Path (Split-Path (Split-Path (Get-TestModulePath))) 'emulator/ShopifyPS.Emulator.dll'
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing. Run ./build.ps1 -Task Build." }
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--token', $Token)
    if ($Bucket -gt 0) { $arguments += '--bucket', $Bucket }
    if ($RestoreRate -gt 0) { $arguments += '--restore-rate', $RestoreRate.ToString([cultureinfo]::InvariantCulture) }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(60)) -or $line.Result -notmatch '^Listening on (http://127\.0\.0\.1:\d+)$') {
        $errors = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        throw "The emulator did not start: '$($line.Result)' $errors"
    }
    [pscustomobject]@{ BaseUri = $Matches[1]; Token = $Token; Process = $process }
}

function Stop-TestEmulator([Parameter(Mandatory)] $Emulator) {
    # SIGTERM first where there is one: the emulator then removes its folder of staged uploads and bulk results.
    if (-not $IsWindows -and -not $Emulator.Process.HasExited) {
        kill -TERM $Emulator.Process.Id 2>$null
        $null = $Emulator.Process.WaitForExit(10000)
    }
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill()
        $null = $Emulator.Process.WaitForExit(10000)
    }
    $Emulator.Process.Dispose()
}

# Calls one of the emulator's control endpoints (/emulator/seed, /emulator/reset, /emulator/faults, ...).
function Invoke-TestEmulator([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'Post', $Body) {
    $request = @{ Uri = "$($Emulator.BaseUri)/emulator/$Path"; Method = $Method; ContentType = 'application/json' }
    if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 20 }
    Invoke-RestMethod @request
}

# A new home folder with the example ERP data set (examples/data) loaded and a shop profile that points at the
# emulator; the profile reads the token from $TokenVariable, which this sets. Extra New-ShopifyShop settings in $Settings.
function New-TestShop {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $HomePath,
        [hashtable] $Settings = @{},
        [string] $TokenVariable = 'SHOPIFYPS_TEST_TOKEN'
    )
    $null = New-TestHome $HomePath
    Set-Item "Env:$TokenVariable" $Emulator.Token
    Import-ShopifyErpData -Path (Join-Path $PSScriptRoot '../../examples/data') | Out-Null
    New-ShopifyShop -Name $Name -Domain "$($Name.ToLowerInvariant()).myshopify.com" -Endpoint $Emulator.BaseUri -TokenEnvironmentVariable $TokenVariable @Settings | Out-Null
}

# Pictures for the picture suites.
function Get-Crc32([byte[]] $Bytes) {
    if (-not $script:CrcTable) {
        $script:CrcTable = [uint32[]]::new(256)
        for ($n = 0; $n -lt 256; $n++) {
            $c = [uint32]$n
            for ($k = 0; $k -lt 8; $k++) { $c = if ($c -band 1) { 0xEDB88320u -bxor ($c -shr 1) } else { $c -shr 1 } }
            $script:CrcTable[$n] = $c
        }
    }
    $crc = [uint32]::MaxValue
    foreach ($b in $Bytes) { $crc = $script:CrcTable[($crc -bxor $b) -band 0xFF] -bxor ($crc -shr 8) }
    $crc -bxor [uint32]::MaxValue
}

function Get-BigEndian([uint32] $Value) { [byte[]]@((($Value -shr 24) -band 0xFF), (($Value -shr 16) -band 0xFF), (($Value -shr 8) -band 0xFF), ($Value -band 0xFF)) }

# A valid RGB PNG of one colour: signature, IHDR, IDAT (rows compressed with ZLibStream), IEND, each chunk with its CRC.
function New-TestPng([string] $Path, [int] $Width, [int] $Height, [int] $Shade = 128) {
    $out = [System.Collections.Generic.List[byte]]::new()
    $out.AddRange([byte[]]([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)))
    $chunk = {
        param([string] $Type, [byte[]] $Data)
        $typed = [Text.Encoding]::ASCII.GetBytes($Type) + $Data
        $out.AddRange([byte[]]((Get-BigEndian $Data.Length)))
        $out.AddRange([byte[]]([byte[]]$typed))
        $out.AddRange([byte[]]((Get-BigEndian (Get-Crc32 $typed))))
    }
    & $chunk 'IHDR' ((Get-BigEndian $Width) + (Get-BigEndian $Height) + [byte[]](8, 2, 0, 0, 0))
    $pixels = [IO.MemoryStream]::new()
    $zlib = [IO.Compression.ZLibStream]::new($pixels, [IO.Compression.CompressionLevel]::Fastest, $true)
    $row = [byte[]]::new(1 + $Width * 3)
    for ($x = 1; $x -lt $row.Length; $x++) { $row[$x] = [byte](($Shade + $x % 3) % 256) }
    for ($y = 0; $y -lt $Height; $y++) { $zlib.Write($row, 0, $row.Length) }
    $zlib.Dispose()
    & $chunk 'IDAT' $pixels.ToArray()
    & $chunk 'IEND' ([byte[]]@())
    [IO.File]::WriteAllBytes($Path, $out.ToArray())
}

Export-ModuleMember -Function Get-TestModulePath, New-TestHome, New-TestShop, Invoke-InFreshPwsh, Start-InFreshPwsh, Start-TestEmulator, Stop-TestEmulator, Invoke-TestEmulator, New-TestPng
