using System.Globalization;
using System.Text.Json;
using ShopifyPS.Bench;

// dotnet run --project tests/ShopifyPS.Bench -c Release -- <command> [--option value ...]
//   run-all         [--set standard|plus] [--scale 1] [--clock-speed 1] [--write BENCHMARKS.md]   (every workload of the set, one table)
//   measure         --job <inventory|import|sync-linked|add-items> --home <dir> --from N --count N --json <file>
//                   (one measured sync job, started by a workload in a fresh process: see MeasuredJob.cs)
//   erp-load        [--items 100000] [--variants-per-item 3] [--locations 4] [--stock-rows 1000000] [--data <dir>]
//   export-products [--items 10000] [--variants-per-item 3]   (bulk export, unchanged re-sync, 99 single productSets)
//   import-shop     [--products 10000] [--variants-per-product 1]   (Sync-ShopifyProduct FromShopify: bulk first import, then an unchanged one)
//   inventory       [--variants 30000] [--variants-per-product 3] [--changed 0.05]   (Sync-ShopifyInventory, 3 locations)
//   pacing          [--requests-per-client 300]   (three clients, one shop budget)
//   generate-erp    --out <dir> [--items 1000] [--variants-per-item 3] [--locations 3] [--stock-rows <all, at most 1M>] [--seed 1]
// The Shopify workloads take [--clock-speed 1] (the emulator's bucket refills that many times faster); every
// workload takes [--json <file>] to save its results for run-all.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = args.FirstOrDefault();
var options = Options(args.Skip(1).ToArray());
var limits = EmulatorLimits.Standard(Double(options, "clock-speed", 1));
IReadOnlyList<WorkloadResult> results;
switch (command)
{
    case "run-all":
        return RunAll.Run(options.GetValueOrDefault("set", "standard"), Double(options, "scale", 1), Double(options, "clock-speed", 1), options.GetValueOrDefault("write"));
    case "measure":
        return await MeasuredJob.MeasureAsync(options);
    case "generate-erp":
        foreach (var (file, rows) in ErpDataGenerator.Write(Required(options, "out"), ErpSize(options, 1000, 3))) Console.WriteLine($"{file,-22} {rows,10:N0} rows");
        return 0;
    case "erp-load":
        results = ErpLoadWorkload.Run(ErpSize(options, 100_000, 4), options.GetValueOrDefault("data"));
        break;
    case "export-products":
        results = await ExportWorkload.RunAsync(Int(options, "items", 10_000), Int(options, "variants-per-item", 3), limits);
        break;
    case "import-shop":
        results = await ImportWorkload.RunAsync(Int(options, "products", 10_000), Int(options, "variants-per-product", 1), limits);
        break;
    case "inventory":
        results = await InventoryWorkload.RunAsync(Int(options, "variants", 30_000), Int(options, "variants-per-product", 3), Double(options, "changed", 0.05), limits);
        break;
    case "pacing":
        results = await PacingWorkload.RunAsync(Int(options, "requests-per-client", 300), limits);
        break;
    default:
        Console.Error.WriteLine("Commands: run-all, erp-load, export-products, import-shop, inventory, pacing, generate-erp (options: see the top of Program.cs).");
        return 2;
}
Console.WriteLine(ResultTable.Render(results));
if (options.TryGetValue("json", out var json)) File.WriteAllText(json, JsonSerializer.Serialize(results, BenchProcess.Json));
return 0;

static ErpDataSize ErpSize(Dictionary<string, string> options, int items, int locations)
{
    var count = Int(options, "items", items);
    var variants = Int(options, "variants-per-item", 3);
    var at = Int(options, "locations", locations);
    return new ErpDataSize(count, variants, at, Long(options, "stock-rows", Math.Min(1_000_000L, (long)count * Math.Max(variants, 1) * at)), Int(options, "seed", 1));
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

static int Int(Dictionary<string, string> options, string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

static double Double(Dictionary<string, string> options, string name, double fallback) =>
    options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

static long Long(Dictionary<string, string> options, string name, long fallback) => options.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;
