namespace ShopifyPS.Emulator;

/// <summary>Settings for one emulator instance (command line flags map onto these).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The access token clients must send in X-Shopify-Access-Token.</summary>
    public string Token { get; set; } = "shpat_emulator";

    /// <summary>
    /// Bucket size (throttleStatus.maximumAvailable). Shopify does not publish today's bucket sizes;
    /// 2000 keeps the 20-second ratio of the observed 1000/50 pair at the Standard plan's 100/s.
    /// </summary>
    public int BucketSize { get; set; } = 2000;

    /// <summary>Points restored per second (Standard plan: 100).</summary>
    public double RestoreRate { get; set; } = 100;

    /// <summary>Shop currency (shop.currencyCode, MoneyV2.currencyCode).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Listen URL; only loopback hosts are accepted. Port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>Optional seed file (see README, "Seed format") loaded after the default locations.</summary>
    public string? SeedPath { get; set; }

    /// <summary>How long uploaded media stays PROCESSING before it becomes READY (or FAILED).</summary>
    public int MediaProcessingMs { get; set; } = 100;

    /// <summary>Multiplies elapsed time for the bucket refill (a benchmark can run the budget faster).</summary>
    public double ClockSpeed { get; set; } = 1;

    /// <summary>Where the folder of staged uploads and bulk results is made; null is the system's temporary folder.</summary>
    public string? FilesPath { get; set; }
}
