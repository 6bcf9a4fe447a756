using System.Diagnostics;
using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;

namespace ShopifyPS.Bench;

/// <summary>
/// What every Shopify workload stands on: the emulator as its own process (so the benchmark's CPU and memory are
/// the module's alone) at the Standard plan's limits (bucket 2000, 100 points/s: src/ShopifyPS.Emulator/README.md,
/// reference §3.2), a home folder with a store, a shop profile pointing at the emulator, and its request log.
/// </summary>
internal sealed class BenchShop : IAsyncDisposable
{
    public const int StandardBucket = 2000;
    public const double StandardRestoreRate = 100;
    private const string TokenVariable = "SHOPIFYPS_BENCH_TOKEN";
    private const string Token = "shpat_bench";

    private readonly Process _emulator;
    private readonly List<ShopifyClient> _clients = [];

    private BenchShop(Process emulator, Uri baseUri, DirectoryInfo folder, EmulatorLimits limits)
    {
        _emulator = emulator;
        Folder = folder;
        Limits = limits;
        Control = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
        Home = new ShopifyHome(folder.FullName);
        Store = SqliteStore.Open(Path.Combine(folder.FullName, "bench.db"), StoreAccess.Write, StoreOptions.Default);
        Profile = new ShopProfile
        {
            Name = "bench", Domain = "bench.myshopify.com", Endpoint = baseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = TokenVariable },
        };
    }

    public EmulatorLimits Limits { get; }
    /// <summary>A temporary folder (the home, and room for generated data), deleted with the shop.</summary>
    public DirectoryInfo Folder { get; }
    /// <summary>For the emulator's control endpoints (/emulator/seed, /emulator/state, ...).</summary>
    public HttpClient Control { get; }
    public ShopifyHome Home { get; }
    public SqliteStore Store { get; }
    /// <summary>The shop profile; workloads set the sections they need (Items, Locations) before they run.</summary>
    public ShopProfile Profile { get; }

    public static async Task<BenchShop> StartAsync(EmulatorLimits limits)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "ShopifyPS.Emulator.dll"), "--urls", "http://127.0.0.1:0", "--token", Token,
                     "--bucket", limits.Bucket.ToString(Invariant), "--restore-rate", limits.RestoreRate.ToString(Invariant),
                     "--clock-speed", limits.ClockSpeed.ToString(Invariant),
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        const string prefix = "Listening on ";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The emulator did not start: '{line}' {await process.StandardError.ReadToEndAsync()}");
        }
        // Drain its output so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Environment.SetEnvironmentVariable(TokenVariable, Token);
        return new BenchShop(process, new Uri(line[prefix.Length..] + "/"), Directory.CreateTempSubdirectory("shopifyps-bench-"), limits);
    }

    public async Task<JObject> SeedAsync(object seed)
    {
        var response = await Control.PostAsJsonAsync("emulator/seed", seed);
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client of the bench shop; its retries count towards the workload being measured.</summary>
    public ShopifyClient NewClient()
    {
        var client = new ShopifyClient(Profile, Home);
        _clients.Add(client);
        return client;
    }

    public ShopSession NewContext() =>
        new(Profile, NewClient(), Store, new Progress<RunEvent>(), false, DateOnly.FromDateTime(DateTime.Today), Home);

    /// <summary>Runs <paramref name="work"/> (which returns the number of records it handled) on a clean request log
    /// and measures it; <paramref name="floor"/> reads the workload's floor off the requests it sent (or its time).</summary>
    public async Task<WorkloadResult> MeasureAsync(string workload, Func<Task<long>> work, Func<RequestLog, Used, FloorCheck> floor)
    {
        (await Control.DeleteAsync("emulator/requests")).EnsureSuccessStatusCode();
        var retriesBefore = Retries();
        var usage = Usage.Start();
        var records = await work();
        var used = usage.Stop();
        var log = new RequestLog(JArray.Parse(await Control.GetStringAsync("emulator/requests")));
        return WorkloadResult.From(workload, records, log, Retries() - retriesBefore, used, Limits, floor(log, used));
    }

    private long Retries() => _clients.Sum(c => c.Statistics.Retries);

    /// <summary>Runs a sync job to its end and returns how many records it answered; a failed record stops the
    /// benchmark, since the figures of a failing run mean nothing.</summary>
    public static async Task<long> RunJobAsync(IAsyncEnumerable<SyncResult> results)
    {
        long records = 0;
        await foreach (var result in results)
        {
            if (result.Action == SyncAction.Failed) throw new InvalidOperationException($"The workload failed a record: {result}");
            records++;
        }
        return records;
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Store.Dispose();
        if (!_emulator.HasExited) _emulator.Kill();
        await _emulator.WaitForExitAsync();
        _emulator.Dispose();
        Folder.Delete(recursive: true);
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
}

/// <summary>The emulator's bucket, restore rate and clock speed (above 1 the bucket refills that many times faster).</summary>
internal sealed record EmulatorLimits(int Bucket, double RestoreRate, double ClockSpeed)
{
    public static EmulatorLimits Standard(double clockSpeed = 1) => new(BenchShop.StandardBucket, BenchShop.StandardRestoreRate, clockSpeed);
}

/// <summary>The emulator's request log of one measured run.</summary>
internal sealed class RequestLog(JArray entries)
{
    public const string PollOperation = "BulkOperation";

    public int Calls => entries.Count;
    public long Cost => entries.Sum(e => e.Value<long?>("actualCost") ?? 0);
    public int Throttled => entries.Count(e => e.Value<bool>("throttled"));
    /// <summary>Status polls of a bulk operation: how many depends on how long Shopify works on it, not on the engine.</summary>
    public int Polls => Count(PollOperation);

    public int Count(params string[] operations) => entries.Count(e => operations.Contains(e.Value<string>("operationName")));

    /// <summary>e.g. "ProductsCount ×1, BulkOperationRunQuery ×1, BulkOperation ×3".</summary>
    public string Breakdown() => string.Join(", ", entries.GroupBy(e => e.Value<string>("operationName")).Select(g => $"{g.Key} ×{g.Count()}"));
}
