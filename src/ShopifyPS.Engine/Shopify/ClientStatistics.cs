namespace ShopifyPS.Shopify;

/// <summary>
/// What one <see cref="ShopifyClient"/> has spent: HTTP calls sent, cost points requested and actually used,
/// THROTTLED answers and retries. Run logs and the benchmark read these; safe to read while calls run.
/// </summary>
public sealed class ClientStatistics
{
    private long _calls;
    private long _requestedCost;
    private long _actualCost;
    private long _throttled;
    private long _retries;

    /// <summary>GraphQL requests sent (every attempt counts, retries included).</summary>
    public long Calls => Interlocked.Read(ref _calls);
    public long RequestedCost => Interlocked.Read(ref _requestedCost);
    public long ActualCost => Interlocked.Read(ref _actualCost);
    /// <summary>Responses that were THROTTLED (HTTP 200 with errors[].extensions.code THROTTLED).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);
    public long Retries => Interlocked.Read(ref _retries);

    internal void AddCall() => Interlocked.Increment(ref _calls);
    internal void AddThrottled() => Interlocked.Increment(ref _throttled);
    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddCost(QueryCost cost)
    {
        Interlocked.Add(ref _requestedCost, cost.RequestedQueryCost ?? 0);
        Interlocked.Add(ref _actualCost, cost.ActualQueryCost ?? 0);
    }

    public override string ToString() =>
        $"{Calls} calls, cost {RequestedCost} requested / {ActualCost} actual, {Throttled} throttled, {Retries} retries";
}
