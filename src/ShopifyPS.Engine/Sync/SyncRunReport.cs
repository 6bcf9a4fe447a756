using ShopifyPS.Sync;
using ShopifyPS.Connector;

namespace ShopifyPS;

/// <summary>
/// One recorded sync run as Get-ShopifySyncRun shows it: what it was, how it ended, its records by action and what it
/// cost in Shopify. <see cref="Records"/> is filled only on request, from the run's JSONL log.
/// </summary>
public sealed class SyncRunReport
{
    internal SyncRunReport(SyncRun run, RunStatus status, RunLogSummary? logged, string? logPath)
    {
        Id = run.Id;
        Shop = run.Shop;
        Kind = run.Kind;
        StartedAt = run.StartedAt;
        FinishedAt = run.FinishedAt;
        Status = status;
        Created = run.Created;
        Updated = run.Updated;
        Unchanged = run.Unchanged;
        Skipped = run.Skipped;
        Failed = run.Failed;
        ApiCalls = run.ApiCalls ?? logged?.ApiCalls;
        Cost = run.Cost ?? logged?.ActualCost;
        Throttled = run.Throttled ?? logged?.Throttled;
        ExitCode = status == RunStatus.Running ? null : run.ExitCode ?? SyncRun.ExitCodeOf(status, run.Failed);
        Message = status == RunStatus.Interrupted && run.Message.Length == 0
            ? "The process running this sync ended before the run was closed (killed or crashed); a rerun continues where it stopped."
            : run.Message;
        LogPath = logPath;
    }

    public long Id { get; }
    public string Shop { get; }
    public SyncKind Kind { get; }
    /// <summary><see cref="Kind"/> as its name, so ConvertTo-Json writes the name and not the number.</summary>
    public string KindName => Kind.ToString();
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? FinishedAt { get; }
    /// <summary>Null while the run is still going, or when it was interrupted and never closed.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
    public RunStatus Status { get; }
    /// <summary><see cref="Status"/> as its name, for ConvertTo-Json.</summary>
    public string StatusName => Status.ToString();
    public long Created { get; }
    public long Updated { get; }
    public long Unchanged { get; }
    public long Skipped { get; }
    public long Failed { get; }
    /// <summary>Shopify API calls, their actual cost and THROTTLED answers; null when neither the database nor the run log has them.</summary>
    public long? ApiCalls { get; }
    public long? Cost { get; }
    public long? Throttled { get; }
    /// <summary>0 all synced, 1 some records failed, 2 the run failed, was cancelled or interrupted; null while running.</summary>
    public int? ExitCode { get; }
    public string Message { get; }
    /// <summary>The run's JSONL log, when it was found.</summary>
    public string? LogPath { get; }
    /// <summary>Every record the run finished, from its log (Get-ShopifySyncRun -IncludeRecords); null unless asked for.</summary>
    public IReadOnlyList<SyncResult>? Records { get; internal set; }

    public override string ToString() => $"{Kind} run {Id} of {Shop}: {Status}";
}
