using ShopifyPS.Sync;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS;

/// <summary>
/// The totals of one sync run: records by action, what it cost in Shopify, and how it ended. Sync cmdlets
/// write it to the information stream and to the run log; a scheduler acts on <see cref="ExitCode"/>.
/// </summary>
public sealed class RunSummary
{
    public RunSummary(string shop, SyncKind kind, bool planned) => (Shop, Kind, Planned) = (shop, kind, planned);

    public string Shop { get; }
    public SyncKind Kind { get; }
    /// <summary><see cref="Kind"/> as its name: ConvertTo-Json writes enum values as numbers.</summary>
    public string KindName => Kind.ToString();
    public bool Planned { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public TimeSpan Duration { get; private set; }
    public RunStatus Status { get; private set; } = RunStatus.Running;
    /// <summary><see cref="Status"/> as its name, for ConvertTo-Json.</summary>
    public string StatusName => Status.ToString();
    public string Message { get; private set; } = "";
    public long Created { get; private set; }
    public long Updated { get; private set; }
    public long Unchanged { get; private set; }
    public long Skipped { get; private set; }
    public long Failed { get; private set; }
    public long ApiCalls { get; private set; }
    public long RequestedCost { get; private set; }
    public long ActualCost { get; private set; }
    public long Throttled { get; private set; }
    public long Retries { get; private set; }

    /// <summary>0: every record synced; 1: some records failed; 2: the run itself failed or was cancelled.</summary>
    public int ExitCode => SyncRun.ExitCodeOf(Status, Failed);

    public void Count(SyncResult result)
    {
        switch (result.Action)
        {
            case SyncAction.Created: Created++; break;
            case SyncAction.Updated: Updated++; break;
            case SyncAction.Unchanged: Unchanged++; break;
            case SyncAction.Skipped: Skipped++; break;
            case SyncAction.Failed: Failed++; break;
        }
    }

    public void Finish(RunStatus status, string message, ClientStatistics? statistics)
    {
        Status = status;
        Message = message;
        Duration = DateTimeOffset.UtcNow - StartedAt;
        if (statistics is null) return;
        ApiCalls = statistics.Calls;
        RequestedCost = statistics.RequestedCost;
        ActualCost = statistics.ActualCost;
        Throttled = statistics.Throttled;
        Retries = statistics.Retries;
    }

    public override string ToString() =>
        $"{Kind} sync of {Shop}{(Planned ? " (planned, -WhatIf)" : "")}: {Status}; created {Created}, updated {Updated}, unchanged {Unchanged}, " +
        $"skipped {Skipped}, failed {Failed}; {ApiCalls} API calls, cost {ActualCost}, throttled {Throttled}, retries {Retries}; {Duration.TotalSeconds:0.0} s" +
        (Message.Length > 0 ? $". {Message}" : "");
}
