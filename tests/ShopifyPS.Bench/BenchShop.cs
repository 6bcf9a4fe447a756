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
/// the module's alone) at the Standard plan's limits (bucket 2000, 100 points/s: src/ShopifyPS.Emulator/README.md),
/// a home folder with a store, a shop profile pointing at the emulator, and its request log. The workload prepares
/// the store and the shop in this process; each measured job runs in a fresh process of its own (<see cref="MeasuredJob"/>).
/// </summary>
internal sealed class BenchShop : IAsyncDisposable
{
    public const int StandardBucket = 2000;
    public const double StandardRestoreRate = 100;
    public const string ProfileName = "bench";
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
        Store = OpenStore();
        Profile = new ShopProfile
        {
            Name = ProfileName, Domain = "bench.myshopify.com", Endpoint = baseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = TokenVariable },
        };
    }

    public EmulatorLimits Limits { get; }
    /// <summary>A temporary folder (the home, and room for generated data), deleted with the shop.</summary>
    public DirectoryInfo Folder { get; }
    /// <summary>For the emulator's control endpoints (/emulator/seed, /emulator/state, ...).</summary>
    public HttpClient Control { get; }
    public ShopifyHome Home { get; }
    /// <summary>The home's database, for the setup; closed while a measured job has it.</summary>
    public SqliteStore Store { get; private set; }
    /// <summary>The shop profile; workloads set the sections they need (Items, Locations) before they run.</summary>
    public ShopProfile Profile { get; }

    public static async Task<BenchShop> StartAsync(EmulatorLimits limits)
    {
        var folder = Directory.CreateTempSubdirectory("shopifyps-bench-");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "ShopifyPS.Emulator.dll"), "--urls", "http://127.0.0.1:0", "--token", Token,
                     "--bucket", limits.Bucket.ToString(Invariant), "--restore-rate", limits.RestoreRate.ToString(Invariant),
                     "--clock-speed", limits.ClockSpeed.ToString(Invariant), "--files", folder.FullName,
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        const string prefix = "Listening on ";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            process.Kill();
            folder.Delete(recursive: true);
            throw new InvalidOperationException($"The emulator did not start: '{line}' {await process.StandardError.ReadToEndAsync()}");
        }
        // Drain its output so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Environment.SetEnvironmentVariable(TokenVariable, Token);
        return new BenchShop(process, new Uri(line[prefix.Length..] + "/"), folder, limits);
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

    /// <summary>Runs <paramref name="job"/> in a fresh process on a clean request log (the profile saved for it, the store
    /// handed over) and measures it there; <paramref name="floor"/> reads the workload's floor off the requests it sent.</summary>
    public async Task<WorkloadResult> MeasureAsync(string workload, MeasuredJob job, Func<RequestLog, FloorCheck> floor)
    {
        new ShopProfileStore(Home).Save(Profile);
        (await Control.DeleteAsync("emulator/requests")).EnsureSuccessStatusCode();
        Store.Dispose();
        JobUsage usage;
        try
        {
            usage = await Task.Run(() => BenchProcess.Run<JobUsage>(job.Arguments(Home.Root)));
        }
        finally
        {
            Store = OpenStore();
        }
        var log = await RequestLogAsync();
        return WorkloadResult.From(workload, usage.Records, log, usage.Retries, usage.Used, Limits, floor(log));
    }

    /// <summary>Runs <paramref name="work"/> (which returns the number of records it handled) in this process on a clean
    /// request log and measures it, for a workload with no setup to keep apart (pacing); <paramref name="floor"/> reads
    /// the workload's floor off the requests it sent (or its time).</summary>
    public async Task<WorkloadResult> MeasureInProcessAsync(string workload, Func<Task<long>> work, Func<RequestLog, Used, FloorCheck> floor)
    {
        (await Control.DeleteAsync("emulator/requests")).EnsureSuccessStatusCode();
        var retriesBefore = Retries();
        var usage = Usage.Start();
        var records = await work();
        var used = usage.Stop();
        var log = await RequestLogAsync();
        return WorkloadResult.From(workload, records, log, Retries() - retriesBefore, used, Limits, floor(log, used));
    }

    private async Task<RequestLog> RequestLogAsync() =>
        new(JArray.Parse(await Control.GetStringAsync("emulator/requests")), JArray.Parse(await Control.GetStringAsync("emulator/staged-uploads")));

    private SqliteStore OpenStore() => SqliteStore.Open(Home.DefaultDatabase, StoreAccess.Write, StoreOptions.Default);

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

/// <summary>The emulator's request log of one measured run, and the staged uploads the emulator received.</summary>
internal sealed class RequestLog(JArray entries, JArray uploads)
{
    public const string PollOperation = "BulkOperation";
    /// <summary>Shopify's limit per staged file of bulk mutation variables (the emulator refuses a larger upload).</summary>
    public const long BulkFileLimit = 100L * 1024 * 1024;

    public int Calls => entries.Count;
    public long Cost => entries.Sum(e => e.Value<long?>("actualCost") ?? 0);
    public int Throttled => entries.Count(e => e.Value<bool>("throttled"));
    /// <summary>Status polls of a bulk operation: how many depends on how long Shopify works on it, not on the engine.</summary>
    public int Polls => Count(PollOperation);

    /// <summary>The least number of files (of at most <see cref="BulkFileLimit"/>) that the variables of the run's bulk
    /// mutations need: per mutation document, its uploaded bytes over the limit, rounded up; at least one file for each
    /// of the <paramref name="mutations"/> the floor expects, even one the run did not send. Judged on what the
    /// emulator received, not on what the engine counted.</summary>
    public (int Files, long Bytes) BulkMutationFiles(int mutations)
    {
        var sizes = uploads.ToDictionary(u => u.Value<string>("key")!, u => u.Value<long>("size"));
        var byDocument = entries.Where(e => e.Value<string>("operationName") == "BulkOperationRunMutation")
            .Select(e => e["variables"]!)
            .GroupBy(v => v.Value<string>("mutation"), v => sizes.GetValueOrDefault(v.Value<string>("stagedUploadPath")!))
            .Select(g => g.Sum())
            .ToList();
        var files = byDocument.Sum(bytes => (int)Math.Max(1, (bytes + BulkFileLimit - 1) / BulkFileLimit)) + Math.Max(0, mutations - byDocument.Count);
        return (files, byDocument.Sum());
    }

    public int Count(params string[] operations) => entries.Count(e => operations.Contains(e.Value<string>("operationName")));

    /// <summary>e.g. "BulkOperationRunQuery ×1, BulkOperation ×3".</summary>
    public string Breakdown() => string.Join(", ", entries.GroupBy(e => e.Value<string>("operationName")).Select(g => $"{g.Key} ×{g.Count()}"));
}
