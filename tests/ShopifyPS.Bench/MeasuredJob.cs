using System.Text.Json;
using ShopifyPS.Erp;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Import;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Bench;

/// <summary>
/// One sync job a workload measures, run by <c>measure</c> in a fresh process: it opens the store and the shop profile
/// its workload prepared in the bench home, runs the job against the running emulator as a session of the module does,
/// and saves what it used. So the figures hold the engine's work only, not what the setup (ERP rows, seeding, mirror
/// links) left in a process.
/// </summary>
internal sealed record MeasuredJob(string Kind, int From = 0, int Count = 0)
{
    public static readonly MeasuredJob Inventory = new("inventory");
    public static readonly MeasuredJob Import = new("import");
    public static readonly MeasuredJob SyncLinked = new("sync-linked");

    /// <summary>Adds the items I{from:D7} .. I{from + count − 1:D7} (the generated ERP's numbers).</summary>
    public static MeasuredJob AddItems(int from, int count) => new("add-items", from, count);

    public string[] Arguments(string home) => ["measure", "--job", Kind, "--home", home, "--from", $"{From}", "--count", $"{Count}"];

    /// <summary>The child's side: runs the job named in <paramref name="options"/> and writes its <see cref="JobUsage"/>.</summary>
    public static async Task<int> MeasureAsync(IReadOnlyDictionary<string, string> options)
    {
        var job = new MeasuredJob(options["job"], int.Parse(options["from"], Invariant), int.Parse(options["count"], Invariant));
        var home = new ShopifyHome(options["home"]);
        var profile = new ShopProfileStore(home).Load(BenchShop.ProfileName);
        var client = new ShopifyClient(profile, home);
        using var session = new ShopSession(profile, client, SqliteStore.Open(home.DefaultDatabase, StoreAccess.Write, StoreOptions.Default), new Progress<RunEvent>(), false, DateOnly.FromDateTime(DateTime.Today), home);
        var usage = Usage.StartInFreshProcess();
        var records = await BenchShop.RunJobAsync(job.Run(session));
        var used = usage.Stop();
        File.WriteAllText(options["json"], JsonSerializer.Serialize(new JobUsage(records, client.Statistics.Retries, used.Wall.TotalSeconds, used.Cpu.TotalSeconds, used.PeakBytes)));
        return 0;
    }

    private IAsyncEnumerable<SyncResult> Run(ShopSession session) => Kind switch
    {
        "inventory" => InventorySync.RunAsync(session, new InventorySyncOptions()),
        "import" => ProductImportJob.RunAsync(session, new ImportOptions(), CancellationToken.None),
        "sync-linked" => new ProductExportJob(session).SyncLinkedAsync([], false, CancellationToken.None),
        "add-items" => new ProductExportJob(session).AddItemsAsync(
            new ItemSelection { Numbers = Enumerable.Range(From, Count).Select(i => $"I{i:D7}").ToList() }, CancellationToken.None),
        _ => throw new ArgumentException($"--job {Kind}: expected inventory, import, sync-linked or add-items."),
    };

    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;
}

/// <summary>What a measured job handled and used, as its process saves it for the workload.</summary>
internal sealed record JobUsage(long Records, long Retries, double WallSeconds, double CpuSeconds, long PeakBytes)
{
    public Used Used => new(TimeSpan.FromSeconds(WallSeconds), TimeSpan.FromSeconds(CpuSeconds), PeakBytes);
}
