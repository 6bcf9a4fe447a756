namespace ShopifyPS.Emulator.State;

internal sealed partial class BulkOperation
{
    public long Id { get; init; }
    public string Type { get; init; } = "QUERY";
    public string Query { get; init; } = "";
    public string Status { get; set; } = "CREATED";
    public string? ErrorCode { get; set; }
    public long ObjectCount { get; set; }
    public long RootObjectCount { get; set; }
    public long? FileSize { get; set; }
    public string? Url { get; set; }
    public string? PartialDataUrl { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Set when the client asks to cancel; the runner stops at the next line.</summary>
    public volatile bool CancelRequested;

    /// <summary>Set from a bulkFailed fault: the operation ends FAILED with this error code instead of completing.</summary>
    public string? FailWith { get; init; }

    public string Gid => State.Gid.Of("BulkOperation", Id);

    public bool IsRunning => Status is "CREATED" or "RUNNING" or "CANCELING";
}
