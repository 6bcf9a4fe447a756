using System.Text.Json.Serialization;

namespace ShopifyPS.Emulator.Runtime;

/// <summary>
/// A fault to inject into GraphQL requests. Kinds: "throttled" (a THROTTLED response, nothing
/// executed), "http429" (Retry-After), "http5xx" (status, default 503), "internalError" (HTTP 200 with a top-level
/// INTERNAL_SERVER_ERROR, nothing executed, as Shopify answers when it fails inside), "latency" (delay, then
/// normal processing), "dropBefore" (connection aborted before executing), "dropAfter" (the
/// request is executed and applied, then the connection is aborted without a response), "bulkFailed" (a bulk
/// operation whose query or mutation contains <see cref="FaultRule.Match"/> starts as usual and then ends FAILED with
/// <see cref="FaultRule.ErrorCode"/>, as Shopify reports a bulk operation it could not finish).
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

    /// <summary>bulkFailed: the operation's errorCode (BulkOperationErrorCode: INTERNAL_SERVER_ERROR, TIMEOUT, ACCESS_DENIED).</summary>
    public string ErrorCode { get; set; } = "INTERNAL_SERVER_ERROR";

    /// <summary>Only requests whose operationName (or document text) contains this string.</summary>
    public string? Match { get; set; }

    [JsonIgnore] internal int Fired;
}

/// <summary>The active fault rules; thread-safe.</summary>
internal sealed class Faults
{
    public static readonly string[] Kinds = { "throttled", "http429", "http5xx", "internalError", "latency", "dropBefore", "dropAfter", "bulkFailed" };

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

    /// <summary>The request rules that fire for this request (each count-limited rule is consumed once).</summary>
    public List<FaultRule> Draw(string? operationName, string? document) => Draw(operationName, document, bulk: false);

    /// <summary>The error code a bulk operation of this query or mutation is to fail with, if a bulkFailed rule fires.</summary>
    public string? DrawBulkFailure(string document) => Draw(null, document, bulk: true).FirstOrDefault()?.ErrorCode;

    private List<FaultRule> Draw(string? operationName, string? document, bool bulk)
    {
        var fired = new List<FaultRule>();
        lock (_sync)
        {
            foreach (var rule in _rules.ToList())
            {
                if ((rule.Kind == "bulkFailed") != bulk) continue;
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
