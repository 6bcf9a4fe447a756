using ShopifyPS.Erp.Import;
namespace ShopifyPS;

/// <summary>A row of the ERP data set that was not loaded: where it is and why. <see cref="Line"/> is the line
/// the row starts on (the header is line 1); <see cref="Column"/> is blank when the whole row is at fault.</summary>
public sealed record ErpRowError(string File, int Line, string Column, string Reason)
{
    /// <summary>Why it was not loaded: a bad row, or a file that could not be read at all.</summary>
    public ErrorId Error { get; init; } = ErrorCatalog.ErpDataInvalidRow;

    public override string ToString() =>
        Column.Length == 0 ? $"{File} line {Line}: {Reason}" : $"{File} line {Line}, column {Column}: {Reason}";
}

/// <summary>What an import did (or, with -WhatIf, would do) with one file.</summary>
public sealed class ErpFileSummary
{
    internal ErpFileSummary(string file) => File = file;

    public string File { get; }
    public long Rows { get; internal set; }
    public long Inserted { get; internal set; }
    public long Updated { get; internal set; }
    public long Unchanged { get; internal set; }
    public long Failed { get; internal set; }
    /// <summary>True when nothing was written (-WhatIf): the counts say what would have happened.</summary>
    public bool WhatIf { get; internal set; }
}

/// <summary>The summaries in load order, every row that failed, and the loaded rows that hold values Shopify will
/// refuse or that can never apply (negative prices, an ending date before the starting date).</summary>
public sealed record ErpImportResult(IReadOnlyList<ErpFileSummary> Files, IReadOnlyList<ErpRowError> Errors, IReadOnlyList<ErpRowError> Warnings);
