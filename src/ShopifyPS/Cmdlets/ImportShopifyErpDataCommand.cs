using System.Management.Automation;
using ShopifyPS.Commands.Infrastructure;
using ShopifyPS.Erp.Import;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Cmdlets;

/// <summary>Loads an ERP data set folder (about_ShopifyPS, THE ERP DATA SET) into the item store: upserts every row, reports each bad
/// row as an error and writes one summary per file.</summary>
[Cmdlet(VerbsData.Import, "ShopifyErpData", SupportsShouldProcess = true)]
[OutputType(typeof(ErpFileSummary))]
public sealed class ImportShopifyErpDataCommand : StoreCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The files' text encoding when they are not UTF-8 (for example windows-1252).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Encoding { get; set; }

    protected override void Process()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!Directory.Exists(folder))
            throw Terminate(ErrorCatalog.ErpDataFolderNotFound,
                $"The folder {folder} does not exist. -Path names a folder of CSV files such as items.csv (see about_ShopifyPS).", Path);

        var encoding = Encoding is null ? null : CsvEncoding.Resolve(Encoding);

        // -WhatIf runs the whole import in a transaction that is rolled back, so the summaries say exactly what would change.
        var dryRun = WhatIfRequested;
        if (!ShouldChange(folder, $"Load the ERP data set into {DatabasePath}") && !dryRun) return;
        var store = OpenStore(StoreAccess.Write);
        var result = Run($"Import-ShopifyErpData {folder}",
            (progress, cancellation) => Task.FromResult(new ErpDataImporter(store.Erp).Import(folder, dryRun, progress, cancellation, encoding)));

        foreach (var summary in result.Files)
        {
            foreach (var error in result.Errors.Where(e => e.File == summary.File))
                WriteRecordError(error.Error, $"{error} (in {folder})", error);
            WriteObject(summary);
        }
    }
}
