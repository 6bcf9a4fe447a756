using ShopifyPS.Erp;
using ShopifyPS.Erp.Import;
using ShopifyPS.Storage;
using ShopifyPS.Tests.Storage;

namespace ShopifyPS.Tests.Erp;

public sealed class ErpDataImporterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();
    private readonly List<RunEvent> _events = [];

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private ErpImportResult Import(bool whatIf = false) =>
        new ErpDataImporter(_store.Erp).Import(_folder.Path, whatIf, new Progress(_events), CancellationToken.None);

    private sealed class Progress(List<RunEvent> events) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => events.Add(value);
    }

    [Fact]
    public void Loads_the_files_and_counts_what_changed_on_a_second_run()
    {
        _folder.Write("items.csv", "No,Description,UnitPrice,Type\n1000,Bicycle,4000.50,Inventory\n1001,Helmet,300,NonInventory\n");
        _folder.Write("item-variants.csv", "ItemNo,Code,Description\n1000,RED,Red\n");

        var first = Import();
        Assert.Empty(first.Errors);
        Assert.Equal([("items.csv", 2L, 2L), ("item-variants.csv", 1L, 1L)], first.Files.Select(f => (f.File, f.Rows, f.Inserted)));

        _folder.Write("items.csv", "No,Description,UnitPrice,Type\n1000,Bicycle,4000.5,Inventory\n1001,Helmet,350,NonInventory\n1002,Lock,99,Inventory\n");
        var second = Import().Files.Single(f => f.File == "items.csv");
        Assert.Equal((3L, 1L, 1L, 1L, 0L), (second.Rows, second.Inserted, second.Updated, second.Unchanged, second.Failed));
    }

    [Fact]
    public void Relative_picture_paths_are_stored_as_full_paths_from_the_data_set_folder()
    {
        var absolute = Path.Combine(_folder.Path, "elsewhere", "b.png");
        _folder.Write("items.csv", $"No,PicturePath\n1000,pictures/a.png\n1001,{absolute}\n1002,https://example.com/c.png\n1003,\n");
        _folder.Write("item-variants.csv", "ItemNo,Code,PicturePath\n1000,RED,red.jpg\n");

        Assert.Empty(Import().Errors);

        var paths = _store.Erp.Rows(ErpTables.Items).Select(i => i.PicturePath);
        Assert.Equal([Path.Combine(_folder.Path, "pictures", "a.png"), absolute, "https://example.com/c.png", ""], paths);
        Assert.Equal(Path.Combine(_folder.Path, "red.jpg"), _store.Erp.Rows(ErpTables.ItemVariants).Single().PicturePath);
    }

    [Fact]
    public void Reports_each_bad_row_with_line_column_and_reason_and_loads_the_good_ones()
    {
        _folder.Write("items.csv", string.Join("\n",
            "No,Description,UnitPrice,Blocked,Type",
            "1000,Good,10,false,Inventory",
            "1001,Bad price,12;5,false,Inventory",
            "1002,\"Spans",
            "two lines\",1,maybe,Inventory",
            ",No number,1,false,Inventory",
            "1003,Bad type,1,false,Gadget",
            "1000,Again,1,false,Inventory",
            "1004,Also good,1,true,Service",
            ""));
        _folder.Write("stock.csv", "ItemNo,VariantCode,LocationCode,Inventory\n1000,,EAST,5\n9999,,EAST,1\n1000,XL,EAST,1\n");
        _folder.Write("exchange-rates.csv", "CurrencyCode,StartingDate,ExchangeRateAmount,RelationalExchangeRateAmount\nEUR,2025-13-01,1,11.5\nEUR,2025-01-01,1,11.5\n");

        var result = Import();

        var errors = result.Errors.Select(e => (e.File, e.Line, e.Column)).ToList();
        Assert.Equal(new[]
        {
            ("exchange-rates.csv", 2, "StartingDate"),
            ("items.csv", 3, "UnitPrice"), ("items.csv", 4, "Blocked"), ("items.csv", 6, "No"), ("items.csv", 7, "Type"), ("items.csv", 8, ""),
            ("stock.csv", 3, "ItemNo"), ("stock.csv", 4, "VariantCode"),
        }, errors);
        Assert.Contains("line 2", result.Errors.Single(e => e.Line == 8).Reason);
        Assert.Contains("Gadget", result.Errors.Single(e => e.Column == "Type").Reason);
        Assert.Equal(["1000", "1004"], _store.Erp.FindItems(new ItemQuery()).Select(i => i.No));
        Assert.Equal("Good", _store.Erp.Rows(ErpTables.Items, ("No", "1000")).Single().Description);
        var items = result.Files.Single(f => f.File == "items.csv");
        Assert.Equal((7L, 2L, 5L), (items.Rows, items.Inserted, items.Failed));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opened_and_the_rows_it_swallowed_are_read_on_their_own()
    {
        var lines = Enumerable.Range(1000, 20).Select(n => $"{n},Item {n},10").ToList();
        lines[9] = "1009,\"Unclosed,10";
        lines[15] = "1015,\"Quoted, fine\",10";
        _folder.Write("items.csv", "No,Description,UnitPrice\n" + string.Join("\n", lines) + "\n");

        var result = Import();

        var error = Assert.Single(result.Errors);
        Assert.Equal((11, "Description"), (error.Line, error.Column));
        Assert.Contains("never closed", error.Reason);
        var items = result.Files.Single();
        Assert.Equal((20L, 19L, 1L), (items.Rows, items.Inserted, items.Failed));
        Assert.Equal("Quoted, fine", _store.Erp.Rows(ErpTables.Items, ("No", "1015")).Single().Description);
    }

    [Fact]
    public void A_quote_left_open_on_the_last_line_fails_that_row_only()
    {
        _folder.Write("items.csv", "No,Description\n1000,Good\n1001,\"Open\n");
        var result = Import();
        Assert.Equal((3, "Description"), (Assert.Single(result.Errors).Line, result.Errors[0].Column));
        Assert.Single(_store.Erp.FindItems(new ItemQuery()));
    }

    [Fact]
    public void A_control_character_in_a_cell_fails_that_row_with_its_column()
    {
        _folder.Write("items.csv", "No,Description,PicturePath\n1000,Good,a.png\n1001,Bad,b\0.png\n1002,Also good,c.png\n");
        var result = Import();
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "PicturePath"), (error.Line, error.Column));
        Assert.Contains("U+0000", error.Reason);
        Assert.Equal(["1000", "1002"], _store.Erp.FindItems(new ItemQuery()).Select(i => i.No));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_its_first_bad_line_and_loads_with_its_encoding()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("No,Description\n1000,Oslo\n1001,Grünerløkka\n");
        File.WriteAllBytes(_folder.File("items.csv"), latin1);

        var refused = Import();
        var error = Assert.Single(refused.Errors);
        Assert.Equal((ErrorCatalog.ShopifyErpDataEncodingInvalid, 3), (error.Error, error.Line));
        Assert.False(_store.Erp.Exists(ErpTables.Items));

        var loaded = new ErpDataImporter(_store.Erp).Import(_folder.Path, false, new Progress(_events), CancellationToken.None,
            CsvEncoding.Resolve("windows-1252"));
        Assert.Empty(loaded.Errors);
        Assert.Equal("Grünerløkka", _store.Erp.Rows(ErpTables.Items, ("No", "1001")).Single().Description);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_loads()
    {
        File.WriteAllBytes(_folder.File("items.csv"), [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes("No,Description\n1000,Grünerløkka\n")]);
        Assert.Empty(Import().Errors);
        Assert.Equal("Grünerløkka", _store.Erp.Rows(ErpTables.Items).Single().Description);
    }

    [Fact]
    public void An_unknown_encoding_name_is_refused_with_its_id()
    {
        var ex = Assert.Throws<ShopifyPSException>(() => CsvEncoding.Resolve("klingon-8"));
        Assert.Equal(ErrorCatalog.ShopifyErpDataEncodingUnknown, ex.Error);
    }

    [Fact]
    public void Negative_prices_and_impossible_date_ranges_load_with_a_warning()
    {
        _folder.Write("items.csv", "No,UnitPrice,UnitCost\n1000,-5,1\n1001,5,1\n");
        _folder.Write("sales-prices.csv", "ItemNo,StartingDate,EndingDate,UnitPrice\n1001,2025-02-01,2025-01-01,4\n1001,2025-03-01,2025-04-01,4\n");

        var result = Import();

        Assert.Empty(result.Errors);
        Assert.Equal([("items.csv", 2, "UnitPrice"), ("sales-prices.csv", 2, "EndingDate")], result.Warnings.Select(w => (w.File, w.Line, w.Column)));
        Assert.Equal(2, _events.Count(e => e.Kind == RunEventKind.Warning));
        Assert.Equal(2, _store.Erp.Rows(ErpTables.SalesPrices).Count());
    }

    [Fact]
    public void An_unknown_column_is_reported_once_and_the_rest_loads()
    {
        _folder.Write("items.csv", "No,Description,UnitPirce\n1000,Bicycle,10\n");
        var result = Import();
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "UnitPirce"), (error.Line, error.Column));
        Assert.Contains("Did you mean 'UnitPrice'?", error.Reason);
        Assert.Equal("Bicycle", _store.Erp.Rows(ErpTables.Items, ("No", "1000")).Single().Description);
    }

    [Fact]
    public void A_file_without_a_required_column_loads_nothing_and_says_so_once()
    {
        _folder.Write("items.csv", "Description\nBicycle\nHelmet\n");
        var result = Import();
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "No"), (error.Line, error.Column));
        Assert.Equal(2L, result.Files.Single().Failed);
    }

    [Fact]
    public void WhatIf_counts_exactly_and_writes_nothing()
    {
        _folder.Write("items.csv", "No,Description\n1000,Bicycle\n");
        _folder.Write("item-variants.csv", "ItemNo,Code\n1000,RED\n");
        var result = Import(whatIf: true);
        Assert.Empty(result.Errors);
        Assert.All(result.Files, f => Assert.True(f.WhatIf && f.Inserted == 1));
        Assert.False(_store.Erp.Exists(ErpTables.Items));
    }

    [Fact]
    public void Rows_are_committed_in_batches_and_a_later_failure_keeps_whole_batches()
    {
        var rows = Enumerable.Range(1, ErpDataImporter.BatchSize + 5).Select(i => $"I{i:D6},Item {i}");
        _folder.Write("items.csv", "No,Description\n" + string.Join("\n", rows) + "\n");
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfterFirstBatch(cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => new ErpDataImporter(_store.Erp).Import(_folder.Path, false, progress, cancel.Token));
        Assert.Equal(ErpDataImporter.BatchSize, _store.Erp.FindItems(new ItemQuery()).Count());
    }

    private sealed class CancelAfterFirstBatch(CancellationTokenSource cancel) : IProgress<RunEvent>
    {
        public void Report(RunEvent value)
        {
            if (value.Kind == RunEventKind.Progress) cancel.Cancel();
        }
    }

    [Fact]
    public void A_file_that_is_not_part_of_the_data_set_gets_a_warning()
    {
        _folder.Write("item.csv", "No\n1\n");
        Import();
        Assert.Contains(_events, e => e.Kind == RunEventKind.Warning && e.Message.Contains("Did you mean items.csv?"));
    }
}
