using System.Text.Json.Serialization;

namespace ShopifyPS.Emulator.Runtime;

/// <summary>
/// A fault to inject into GraphQL requests. Kinds: "throttled" (a THROTTLED response, nothing
/// executed), "http429" (Retry-After), "http5xx" (status, default 503), "internalError" (HTTP 200 with a top-level
/// INTERNAL_SERVER_ERROR, nothing executed, as Shopify answers when it fails inside), "latency" (delay, then
/// normal processing), "dropBefore" (connection aborted before executing), "dropAfter" (the
/// request is executed and applied, then the connection is aborted without a response).
/// A rule fires for the next <see cref="Count"/> matching requests, or at random with <see cref="Rate"/>.
/// </summary>
internal sealed class FaultRule
{
    public string Kind { get; set; } = "";
    public double? Rate { get; set; }
    public int? Count { get; set; }
    public int Status { get; set; } = 503;
    public double RetryAfter { get; set; } = 2;
    public int LatencyMs { get; set; }

    /// <summary>Only requests whose operationName (or document text) contains this string.</summary>
    public string? Match { get; set; }

    [JsonIgnore] internal int Fired;
}

/// <summary>The active fault rules; thread-safe.</summary>
internal sealed class Faults
{
    public static readonly string[] Kinds = { "throttled", "http429", "http5xx", "internalError", "latency", "dropBefore", "dropAfter" };

    private readonly Lock _sync = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(IEnumerable<FaultRule> rules)
    {
        lock (_sync) _rules.AddRange(rules);
    }

    public void Clear()
    {
        lock (_sync) _rules.Clear();
    }

    public List<FaultRule> Snapshot()
    {
        lock (_sync) return _rules.ToList();
    }

    /// <summary>The rules that fire for this request (each count-limited rule is consumed once).</summary>
    public List<FaultRule> Draw(string? operationName, string? document)
    {
        var fired = new List<FaultRule>();
        lock (_sync)
        {
            foreach (var rule in _rules.ToList())
            {
                if (rule.Match is { } m
                    && !(operationName?.Contains(m, StringComparison.Ordinal) ?? false)
                    && !(document?.Contains(m, StringComparison.Ordinal) ?? false)) continue;
                bool fires;
                if (rule.Count is { } n)
                {
                    fires = rule.Fired < n;
                    if (fires && ++rule.Fired >= n) _rules.Remove(rule);
                }
                else fires = Random.Shared.NextDouble() < (rule.Rate ?? 1);
                if (fires) fired.Add(rule);
            }
        }
        return fired;
    }
}
