using System.Diagnostics;
using ShopifyPS;
using ShopifyPS.Bench;
using ShopifyPS.Erp.Import;
using ShopifyPS.Storage;

// dotnet run --project tests/ShopifyPS.Bench -c Release -- <command> [--option value ...]
//   generate-erp --out <dir> [--items 1000] [--variants-per-item 3] [--locations 3] [--stock-rows <all>] [--seed 1]
//   import-erp   --data <dir> --database <file>     (the engine's import, timed, with peak memory)
//   pacing       [--requests-per-client 100] [--bucket 100] [--restore 50]   (three clients, one shop budget)
//   import-shop  [--products 10000] [--database <file>]   (Sync-ShopifyProduct FromShopify: bulk first import, then an unchanged one)
//   export-products --out <dir> [--items 10000] [--variants-per-item 3] [--clock-speed 1]   (export to the in-process emulator)
//   inventory    [--variants 30000] [--changed 0.05] [--bucket 2000] [--restore 100]   (Sync-ShopifyInventory, 3 locations)
var command = args.FirstOrDefault();
var options = Options(args.Skip(1).ToArray());
switch (command)
{
    case "generate-erp":
    {
        var items = Int(options, "items", 1000);
        var variants = Int(options, "variants-per-item", 3);
        var locations = Int(options, "locations", 3);
        var size = new ErpDataSize(items, variants, locations, Long(options, "stock-rows", (long)items * Math.Max(variants, 1) * locations), Int(options, "seed", 1));
        var watch = Stopwatch.StartNew();
        foreach (var (file, rows) in ErpDataGenerator.Write(Required(options, "out"), size)) Console.WriteLine($"{file,-22} {rows,10:N0} rows");
        Console.WriteLine($"Written in {watch.Elapsed.TotalSeconds:0.0} s to {Path.GetFullPath(options["out"])}");
        return 0;
    }
    case "import-erp":
    {
        var watch = Stopwatch.StartNew();
        using var store = SqliteStore.Open(Required(options, "database"), StoreAccess.Write, StoreOptions.Default);
        var result = new ErpDataImporter(store.Erp).Import(Required(options, "data"), false, new Progress<RunEvent>(), CancellationToken.None);
        watch.Stop();
        foreach (var f in result.Files) Console.WriteLine($"{f.File,-22} {f.Rows,10:N0} rows {f.Inserted,10:N0} inserted {f.Updated,8:N0} updated {f.Unchanged,10:N0} unchanged {f.Failed,6:N0} failed");
        Console.WriteLine($"rows={result.Files.Sum(f => f.Rows)} seconds={watch.Elapsed.TotalSeconds:0.0} peakWorkingSetMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576}");
        return result.Errors.Count == 0 ? 0 : 1;
    }
    case "pacing":
        return await PacingWorkload.RunAsync(Int(options, "requests-per-client", 100), Int(options, "bucket", 100), Int(options, "restore", 50));
    case "import-shop":
        return await ImportWorkload.RunAsync(Int(options, "products", 10000),
            options.TryGetValue("database", out var database) ? database : Path.Combine(Path.GetTempPath(), "shopifyps-bench-import.db"));
    case "export-products":
        return await ExportBenchmark.RunAsync(Int(options, "items", 10000), Int(options, "variants-per-item", 3),
            options.TryGetValue("clock-speed", out var speed) ? double.Parse(speed, System.Globalization.CultureInfo.InvariantCulture) : 1,
            Required(options, "out"));
    case "inventory":
        return await InventoryWorkload.RunAsync(Int(options, "variants", 30000), Double(options, "changed", 0.05), Int(options, "bucket", 2000), Double(options, "restore", 100));
    default:
        Console.Error.WriteLine("Commands: generate-erp --out <dir> [--items N] [--variants-per-item N] [--locations N] [--stock-rows N] [--seed N]; import-erp --data <dir> --database <file>; " +
            "pacing [--requests-per-client N] [--bucket N] [--restore N]; import-shop [--products N] [--database <file>]; export-products --out <dir> [--items N] [--variants-per-item N] [--clock-speed F]; " +
            "inventory [--variants N] [--changed 0.05] [--bucket N] [--restore N]");
        return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
        options[args[i][2..]] = args[++i];
    }
    return options;
}

static string Required(Dictionary<string, string> options, string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

static int Int(Dictionary<string, string> options, string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

static double Double(Dictionary<string, string> options, string name, double fallback) =>
    options.TryGetValue(name, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

static long Long(Dictionary<string, string> options, string name, long fallback) => options.TryGetValue(name, out var v) ? long.Parse(v) : fallback;
