using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Runtime;

/// <summary>The state of one running emulator: the shop, the cost bucket, faults, the log and settings.</summary>
internal sealed class EmulatorRuntime : IDisposable
{
    public EmulatorRuntime(EmulatorOptions options)
    {
        Options = options;
        Store = new ShopStore { Currency = options.Currency };
        Bucket = new LeakyBucket(options.BucketSize, options.RestoreRate);
        Bucket.Configure(null, null, options.ClockSpeed);
        MediaProcessingMs = options.MediaProcessingMs;
        Bulk = new BulkRunner(this);
        Files = new FileArea(options.FilesPath);
    }

    public EmulatorOptions Options { get; }
    public ShopStore Store { get; }

    /// <summary>One bucket: the emulator has one app (one token) and one store.</summary>
    public LeakyBucket Bucket { get; }
    public Faults Faults { get; } = new();
    public RequestLog Log { get; } = new();
    public BulkRunner Bulk { get; }
    public FileArea Files { get; }

    /// <summary>Extra latency added to every GraphQL response (config endpoint).</summary>
    public int LatencyMs { get; set; }

    public int MediaProcessingMs { get; set; }

    /// <summary>Where the emulator listens, e.g. http://127.0.0.1:5123/ (set once Kestrel has bound).</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public void Dispose() => Files.Dispose();
}
