using System.Text;

namespace ShopifyPS.Erp.Import;

/// <summary>
/// Loads an ERP data set folder (about_ShopifyPS, THE ERP DATA SET) into the store: every file that is there, in
/// <see cref="ErpTables.All"/> order, streamed row by row and upserted by natural key. Rows are committed in
/// batches of <see cref="BatchSize"/>, each batch all or nothing, so a run that is stopped keeps whole batches and
/// loading the folder again completes it. A bad row is reported with file, line, column and reason and the good
/// rows still load. With <c>whatIf</c> everything runs in one transaction that is rolled back: the counts are
/// exact and nothing is written. Files are read as UTF-8 unless another encoding is given; a file that is not valid
/// UTF-8 is refused whole (with its first bad line), never stored with replacement characters.
/// </summary>
public sealed class ErpDataImporter(IErpStore store)
{
    public const int BatchSize = 10_000;

    public ErpImportResult Import(string folder, bool whatIf, IProgress<RunEvent> progress, CancellationToken cancellation, Encoding? encoding = null)
    {
        if (!Directory.Exists(folder))
            throw new ShopifyPSException(ErrorCatalog.ErpDataFolderNotFound, $"The folder {folder} does not exist.", folder);
        encoding ??= new UTF8Encoding(false);
        WarnAboutUnknownFiles(folder, progress);
        var errors = new List<ErpRowError>();
        var warnings = new List<ErpRowError>();
        var summaries = new List<ErpFileSummary>();
        var batch = new Batch(store, whatIf);
        try
        {
            foreach (var table in ErpTables.All)
            {
                var path = Path.Combine(folder, table.FileName);
                if (!File.Exists(path)) continue;
                progress.Report(RunEvent.Verbose($"Loading {path}."));
                if (CsvEncoding.IsUtf8(encoding) && !CsvEncoding.HasWideByteOrderMark(path) && CsvEncoding.FirstInvalidUtf8Line(path) is { } badLine)
                {
                    errors.Add(new ErpRowError(table.FileName, badLine, "",
                        "is not valid UTF-8, so no row of this file was loaded. Save the file as UTF-8 (Excel: \"CSV UTF-8\"), " +
                        "or name its encoding: Import-ShopifyErpData -Encoding windows-1252 (what Excel writes on Western Windows).")
                        { Error = ErrorCatalog.ShopifyErpDataEncodingInvalid });
                    summaries.Add(new ErpFileSummary(table.FileName) { WhatIf = whatIf });
                    continue;
                }
                summaries.Add(LoadFile(path, table, encoding, whatIf, batch, errors, warnings, progress, cancellation));
            }
            batch.Finish();
        }
        finally
        {
            batch.Dispose();
        }
        return new ErpImportResult(summaries, errors, warnings);
    }

    private ErpFileSummary LoadFile(string path, ErpTable table, Encoding encoding, bool whatIf, Batch batch, List<ErpRowError> errors,
        List<ErpRowError> warnings, IProgress<RunEvent> progress, CancellationToken cancellation)
    {
        var summary = new ErpFileSummary(table.FileName) { WhatIf = whatIf };
        using var reader = new ErpCsvReader(path, table, encoding);
        foreach (var problem in reader.HeaderProblems) errors.Add(new ErpRowError(table.FileName, 1, problem.Column, problem.Reason));
        var links = new LinkChecker(store);
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, row, problem) in reader.Rows())
        {
            summary.Rows++;
            var error = problem ?? (reader.CanLoad ? Duplicate(table, row!, line, firstLineOfKey) ?? links.Check(table, row!) : new RowProblem("", "was not loaded: the file misses a required column (see line 1)."));
            if (error is null)
            {
                AnchorPicturePath(row!, Path.GetDirectoryName(Path.GetFullPath(path))!);
                try
                {
                    Count(summary, table.Upsert(store, row!, reader.Columns));
                    batch.RowDone();
                    if (table.Warn(row!) is { } doubt)
                    {
                        var warning = new ErpRowError(table.FileName, line, doubt.Column, doubt.Reason);
                        warnings.Add(warning);
                        progress.Report(RunEvent.Warning(warning.ToString()));
                    }
                }
                catch (RowRejectedException ex)
                {
                    error = new RowProblem("", ex.Message);
                }
            }
            if (error is not null)
            {
                summary.Failed++;
                // A file that cannot be loaded at all is reported once (line 1), not once per row.
                if (reader.CanLoad || problem is not null) errors.Add(new ErpRowError(table.FileName, line, error.Column, error.Reason));
            }
            if (summary.Rows % 1000 == 0)
            {
                if (summary.Rows % BatchSize == 0)
                    progress.Report(RunEvent.Progress($"{table.FileName}: {summary.Rows:N0} rows", reader.Position, reader.Length));
                cancellation.ThrowIfCancellationRequested();
            }
        }
        progress.Report(RunEvent.Verbose(
            $"{table.FileName}: {summary.Rows} rows, {summary.Inserted} inserted, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Failed} failed."));
        return summary;
    }

    /// <summary>A data set's PicturePath is relative to its folder: it is stored as a full path so the picture sync
    /// finds the file wherever it runs. Full paths, <c>~</c> paths and URLs stay as they are.</summary>
    private static void AnchorPicturePath(object row, string folder)
    {
        switch (row)
        {
            case Model.Item item: item.PicturePath = Anchored(item.PicturePath, folder); break;
            case Model.ItemVariant variant: variant.PicturePath = Anchored(variant.PicturePath, folder); break;
        }
    }

    private static string Anchored(string picturePath, string folder) =>
        picturePath.Length == 0 || Path.IsPathRooted(picturePath) || picturePath.StartsWith('~') || picturePath.Contains("://", StringComparison.Ordinal)
            ? picturePath
            : Path.GetFullPath(Path.Combine(folder, picturePath));

    private static RowProblem? Duplicate(ErpTable table, object row, int line, Dictionary<string, int> firstLineOfKey)
    {
        var key = table.KeyText(row);
        if (firstLineOfKey.TryAdd(key, line)) return null;
        return new RowProblem("", $"repeats the key ({table.DescribeKey(row)}) of line {firstLineOfKey[key]}; the first one was loaded.");
    }

    private static void Count(ErpFileSummary summary, UpsertOutcome outcome)
    {
        switch (outcome)
        {
            case UpsertOutcome.Inserted: summary.Inserted++; break;
            case UpsertOutcome.Updated: summary.Updated++; break;
            default: summary.Unchanged++; break;
        }
    }

    private static void WarnAboutUnknownFiles(string folder, IProgress<RunEvent> progress)
    {
        var known = ErpTables.All.Select(t => t.FileName).ToList();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).OfType<string>())
        {
            if (known.Contains(file, StringComparer.Ordinal)) continue;
            var suggestion = Closest.Match(file, known);
            progress.Report(RunEvent.Warning($"{file} is not a file of the ERP data set and was not loaded." +
                (suggestion is null ? "" : $" Did you mean {suggestion}?")));
        }
    }

    /// <summary>Rows must point at items (and variants, units of measure) that exist: loaded earlier in this run or
    /// already stored. Files are usually sorted by item, so the last confirmed item, variant and unit are remembered.</summary>
    private sealed class LinkChecker(IErpStore store)
    {
        private Model.Item? _item;
        private (string, string)? _variant;
        private (string, string)? _unit;

        public RowProblem? Check(ErpTable table, object row)
        {
            if (table.LinkOf(row) is not { } link) return null;
            if (_item?.No != link.ItemNo)
            {
                if (store.Rows(ErpTables.Items, ("No", link.ItemNo)) is not [var item])
                    return new RowProblem(link.ItemColumn, $"item '{link.ItemNo}' does not exist; add it to items.csv (or the store) first.");
                _item = item;
            }
            if (table.CheckAgainst(row, _item) is { } problem) return problem;
            return CheckVariant(link) ?? CheckUnit(link);
        }

        private RowProblem? CheckVariant(ItemLink link)
        {
            if (link.VariantCode.Length == 0 || _variant == (link.ItemNo, link.VariantCode)) return null;
            if (!store.Exists(ErpTables.ItemVariants, ("ItemNo", link.ItemNo), ("Code", link.VariantCode)))
                return new RowProblem("VariantCode", $"item '{link.ItemNo}' has no variant '{link.VariantCode}'; add it to item-variants.csv (or the store) first.");
            _variant = (link.ItemNo, link.VariantCode);
            return null;
        }

        // The base unit needs no row of its own in item-units-of-measure.csv.
        private RowProblem? CheckUnit(ItemLink link)
        {
            if (link.Unit.Length == 0 || link.Unit == _item!.BaseUnitOfMeasure || _unit == (link.ItemNo, link.Unit)) return null;
            if (!store.Exists(ErpTables.ItemUnitsOfMeasure, ("ItemNo", link.ItemNo), ("Code", link.Unit)))
                return new RowProblem("UnitOfMeasure", $"item '{link.ItemNo}' has no unit of measure '{link.Unit}' (its base unit is '{_item.BaseUnitOfMeasure}'); add it to item-units-of-measure.csv (or the store) first.");
            _unit = (link.ItemNo, link.Unit);
            return null;
        }
    }

    /// <summary>The open transaction: committed every <see cref="BatchSize"/> rows, or (what-if) never.</summary>
    private sealed class Batch(IErpStore store, bool whatIf) : IDisposable
    {
        private Storage.IStoreTransaction _transaction = store.BeginTransaction();
        private int _rows;

        public void RowDone()
        {
            if (whatIf || ++_rows < BatchSize) return;
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = store.BeginTransaction();
            _rows = 0;
        }

        public void Finish()
        {
            if (!whatIf) _transaction.Commit();
        }

        public void Dispose() => _transaction.Dispose();
    }
}
