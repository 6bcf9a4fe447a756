<#
.SYNOPSIS
    An unattended sync for a scheduler (cron, systemd timer, Windows Task Scheduler).
.DESCRIPTION
    Runs the chosen syncs for one shop without any prompt, optionally after loading a fresh ERP export, and
    ends with an exit code the scheduler can act on:
      0  every record synced (or was unchanged/skipped by rule)
      1  the runs completed but some records failed (see the run logs)
      2  a run failed or could not start (profile, token, database busy, Shopify unreachable, ...)
    Every sync writes a JSONL run log under <home>/logs/<shop>/ (records by action, API calls, cost,
    THROTTLED, retries, duration). Two runs never overlap: a run waits for the database's write lock for
    -LockTimeoutSeconds and then stops with exit code 2.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File scheduled-sync.ps1 -Shop contoso -ErpDataPath /srv/erp/export
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File scheduled-sync.ps1 -Shop contoso -Debug
    The same with HTTP-level detail from every command (document, cost, request id; never the token), without prompts.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Shop,
    [ValidateSet('Products', 'Prices', 'Images', 'Inventory')]
    [string[]] $Sync = @('Products', 'Prices', 'Inventory'),
    # A folder of ERP CSV files (about_ShopifyPS (THE ERP DATA SET)) to load before syncing.
    [string] $ErpDataPath,
    [int] $LockTimeoutSeconds = 600,
    # Defaults to the module installed for this user; the repository's build can be named explicitly.
    [string] $ModulePath = 'ShopifyPS'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
$env:SHOPIFYPS_LOCK_TIMEOUT = "$LockTimeoutSeconds"

# -Verbose and -Debug given to this script go on to every ShopifyPS command (they never make one ask for input).
$diagnostics = @{}
foreach ($switch in 'Verbose', 'Debug') { if ($PSBoundParameters.ContainsKey($switch)) { $diagnostics[$switch] = $PSBoundParameters[$switch] } }

$exitCode = 0
try {
    Import-Module $ModulePath
    if ($ErpDataPath) {
        $files = Import-ShopifyErpData -Path $ErpDataPath -Shop $Shop -ErrorAction SilentlyContinue -ErrorVariable badRows @diagnostics
        $rows = ($files | Measure-Object Rows -Sum).Sum
        Write-Output "ERP data: $rows rows from $(@($files).Count) files, $($badRows.Count) rows refused."
        if ($badRows) { $exitCode = 1 }
    }
    foreach ($kind in $Sync) {
        $command = @{ Products = 'Sync-ShopifyProduct'; Prices = 'Sync-ShopifyPrice'; Images = 'Sync-ShopifyImage'; Inventory = 'Sync-ShopifyInventory' }[$kind]
        # Failed records are errors of their own; they must not stop the next sync.
        & $command -Shop $Shop -ErrorAction SilentlyContinue -InformationVariable information @diagnostics | Out-Null
        $summary = $information | Where-Object { $_.Tags -contains 'Summary' } | Select-Object -Last 1 -ExpandProperty MessageData
        if (-not $summary) { throw "$command ended without a summary." }
        Write-Output "$summary"
        $exitCode = [Math]::Max($exitCode, $summary.ExitCode)
    }
}
catch {
    Write-Output "Run failed: $($_.Exception.Message)"
    [Console]::Error.WriteLine("$($_.FullyQualifiedErrorId): $($_.Exception.Message)")
    $exitCode = 2
}
exit $exitCode
