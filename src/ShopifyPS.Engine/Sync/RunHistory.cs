using ShopifyPS.Connector;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync;

/// <summary>Which runs Get-ShopifySyncRun lists: by id, the last N, by status (Interrupted included), started since.</summary>
public sealed record RunFilter(long? Id = null, int? Last = null, IReadOnlyCollection<RunStatus>? Statuses = null, DateTimeOffset? Since = null);

/// <summary>
/// The runs recorded in a database, as they ended. A run still marked Running is running only when it is the newest such run and
/// a process holds the database's write lock (every run holds it from start to end, and the operating system drops it when the
/// process dies); otherwise its process was killed and it reads as <see cref="RunStatus.Interrupted"/>.
/// </summary>
public sealed class RunHistory(SqliteStore store, ShopifyHome home)
{
    public IEnumerable<SyncRunReport> Find(string shop, RunFilter filter, bool includeRecords = false)
    {
        var live = store.HasActiveWriter ? store.Connector.LatestRunningRun() : null;
        var reports = store.Connector.Runs(shop, filter.Id, filter.Since)
            .Select(run => Report(run, run.Status == RunStatus.Running && run.Id != live ? RunStatus.Interrupted : run.Status, includeRecords))
            .Where(report => filter.Statuses is null || filter.Statuses.Contains(report.Status));
        return filter.Last is { } last ? reports.Take(last) : reports;
    }

    private SyncRunReport Report(SyncRun run, RunStatus status, bool includeRecords)
    {
        var logPath = run.LogPath ?? RunLogReader.Find(home, run);
        if (logPath is not null && !File.Exists(logPath)) logPath = null;
        var needsLogFigures = status != RunStatus.Running && (run.ApiCalls is null || run.Cost is null || run.Throttled is null);
        var report = new SyncRunReport(run, status, needsLogFigures && logPath is not null ? RunLogReader.Summary(logPath) : null, logPath);
        if (includeRecords) report.Records = logPath is null ? Array.Empty<SyncResult>() : RunLogReader.Records(logPath);
        return report;
    }
}
