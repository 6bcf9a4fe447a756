namespace ShopifyPS.Shopify;

/// <summary>Tuning for a <see cref="ShopifyClient"/>. The defaults suit a real shop; tests shorten the delays.</summary>
public sealed class ShopifyClientOptions
{
    /// <summary>Attempts per request, the first included (THROTTLED, 429, 5xx, timeouts and dropped connections are retried).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a timeout and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Bulk operation polling: the first polls are this far apart...</summary>
    public TimeSpan BulkPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>...and after <see cref="BulkFastPolls"/> polls, this far (as the Shopify CLI does).</summary>
    public TimeSpan BulkSlowPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int BulkFastPolls { get; init; } = 10;

    /// <summary>The largest JSONL file of bulk mutation variables one operation takes: Shopify's 100 MB since 2026-01
    /// (20 MB before); more lines go to the next file and operation.</summary>
    public long BulkUploadMaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Replaces the process-wide HTTP handler (tests, benchmark). The client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
