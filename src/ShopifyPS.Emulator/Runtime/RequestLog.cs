using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ShopifyPS.Emulator.Runtime;

internal sealed class RequestLogEntry
{
    public DateTimeOffset Time { get; init; }
    public string? ApiVersion { get; init; }
    public string? OperationName { get; set; }
    public string? Document { get; set; }
    /// <summary>Kept as raw JSON: a benchmark logs tens of thousands of large variable sets.</summary>
    [JsonIgnore]
    public string? VariablesJson { get; set; }

    public JsonNode? Variables => VariablesJson == null ? null : JsonNode.Parse(VariablesJson);
    public int? RequestedCost { get; set; }
    public int? ActualCost { get; set; }
    public int Status { get; set; }
    public bool Throttled { get; set; }
    public string? Fault { get; set; }
    /// <summary>The delay added before answering (configured latency plus latency faults), so tests can see it without timing.</summary>
    public int InjectedLatencyMs { get; set; }
    public double DurationMs { get; set; }
}

/// <summary>The GraphQL request log (newest last), capped so a long benchmark cannot exhaust memory.</summary>
internal sealed class RequestLog
{
    public const int Capacity = 200_000;

    private readonly Lock _sync = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_sync)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity) _entries.RemoveFirst();
        }
    }

    public List<RequestLogEntry> Snapshot()
    {
        lock (_sync) return _entries.ToList();
    }

    public void Clear()
    {
        lock (_sync) _entries.Clear();
    }
}
