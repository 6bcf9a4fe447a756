using ShopifyPS.Connector;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Tests.Storage;

namespace ShopifyPS.Tests.Sync;

public sealed class RunHistoryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ShopifyHome _home;
    private readonly string _database;

    public RunHistoryTests()
    {
        _home = new ShopifyHome(_folder.Path);
        _database = _folder.File("shopifyps.db");
    }

    public void Dispose() => _folder.Dispose();

    private SqliteStore Open(StoreAccess access) => SqliteStore.Open(_database, access, StoreOptions.Default);

    [Fact]
    public void Finishing_a_run_stores_its_figures_and_the_exit_code_its_status_means()
    {
        using var store = Open(StoreAccess.Write);
        var run = store.Connector.StartRun("contoso", SyncKind.Prices);
        run.Status = RunStatus.Succeeded;
        run.Failed = 2;
        (run.ApiCalls, run.Cost, run.Throttled, run.LogPath) = (12, 340, 1, "/logs/x.jsonl");
        store.Connector.FinishRun(run);
        var cancelled = store.Connector.StartRun("contoso", SyncKind.Prices);
        cancelled.Status = RunStatus.Cancelled;
        store.Connector.FinishRun(cancelled);

        var stored = store.Connector.Runs("contoso", 10);
        Assert.Equal((RunStatus.Cancelled, (int?)2, (long?)null), (stored[0].Status, stored[0].ExitCode, stored[0].ApiCalls));
        Assert.Equal(((long?)12, (long?)340, (long?)1, (int?)1, "/logs/x.jsonl"),
            (stored[1].ApiCalls, stored[1].Cost, stored[1].Throttled, stored[1].ExitCode, stored[1].LogPath));
    }

    [Fact]
    public void A_run_left_running_reads_as_interrupted_once_no_process_holds_the_database()
    {
        using (var writer = Open(StoreAccess.Write))
        {
            writer.Connector.StartRun("contoso", SyncKind.Inventory);
            using var reader = Open(StoreAccess.Read);
            Assert.Equal(RunStatus.Running, new RunHistory(reader, _home).Find("contoso", new RunFilter()).Single().Status);
        }

        using var afterwards = Open(StoreAccess.Read);
        var run = new RunHistory(afterwards, _home).Find("contoso", new RunFilter()).Single();
        Assert.Equal((RunStatus.Interrupted, (int?)2), (run.Status, run.ExitCode));
        Assert.Contains("ended before the run was closed", run.Message);
        Assert.Null(run.Duration);
    }

    [Fact]
    public void Only_the_newest_running_run_is_live_while_a_writer_holds_the_database()
    {
        using var writer = Open(StoreAccess.Write);
        var killed = writer.Connector.StartRun("contoso", SyncKind.Products);
        var live = writer.Connector.StartRun("fabrikam", SyncKind.Products);

        var history = new RunHistory(writer, _home);
        Assert.Equal(RunStatus.Interrupted, history.Find("contoso", new RunFilter()).Single().Status);
        Assert.Equal(RunStatus.Running, history.Find("fabrikam", new RunFilter()).Single().Status);
        Assert.Equal(killed.Id, history.Find("contoso", new RunFilter(Statuses: [RunStatus.Interrupted])).Single().Id);
        Assert.Empty(history.Find("contoso", new RunFilter(Statuses: [RunStatus.Running])));
        Assert.Equal(live.Id, history.Find("fabrikam", new RunFilter(Id: live.Id)).Single().Id);
    }

    [Fact]
    public void Filters_by_id_last_status_and_start()
    {
        using var store = Open(StoreAccess.Write);
        var ids = new List<long>();
        foreach (var status in new[] { RunStatus.Succeeded, RunStatus.Failed, RunStatus.Succeeded, RunStatus.Succeeded })
        {
            var run = store.Connector.StartRun("contoso", SyncKind.Products);
            run.Status = status;
            store.Connector.FinishRun(run);
            ids.Add(run.Id);
        }
        var history = new RunHistory(store, _home);

        Assert.Equal(new[] { ids[3], ids[2] }, history.Find("contoso", new RunFilter(Last: 2)).Select(r => r.Id));
        Assert.Equal(ids[1], history.Find("contoso", new RunFilter(Statuses: [RunStatus.Failed])).Single().Id);
        Assert.Equal(ids[0], history.Find("contoso", new RunFilter(Id: ids[0])).Single().Id);
        Assert.Empty(history.Find("contoso", new RunFilter(Since: DateTimeOffset.UtcNow.AddMinutes(1))));
        Assert.Equal(4, history.Find("contoso", new RunFilter(Since: DateTimeOffset.UtcNow.AddMinutes(-1))).Count());
        Assert.Empty(history.Find("fabrikam", new RunFilter()));
    }

    [Fact]
    public void Figures_and_records_come_from_the_run_log_when_the_database_lacks_them()
    {
        var summary = new RunSummary("contoso", SyncKind.Inventory, planned: false);
        string logPath;
        using (var log = RunLog.Start(_home, "contoso", SyncKind.Inventory, summary.StartedAt))
        {
            logPath = log.Path;
            var updated = new SyncResult(SyncAction.Updated, "1000", "RED", "gid://shopify/Product/1", "gid://shopify/ProductVariant/2", "available 3 → 5");
            var failed = new SyncResult(SyncAction.Failed, "1001", "", "", "", "no variant");
            foreach (var result in new[] { updated, failed })
            {
                summary.Count(result);
                log.Record(result);
            }
            summary.Finish(RunStatus.Succeeded, "", statistics: null);
            log.Finish(summary);
        }
        using var store = Open(StoreAccess.Write);
        var run = store.Connector.StartRun("contoso", SyncKind.Inventory);
        (run.Status, run.Updated, run.Failed) = (RunStatus.Succeeded, 1, 1);
        store.Connector.FinishRun(run);

        var report = new RunHistory(store, _home).Find("contoso", new RunFilter(), includeRecords: true).Single();

        Assert.Equal(logPath, report.LogPath);
        Assert.Equal(((long?)0, (long?)0, (long?)0, (int?)1), (report.ApiCalls, report.Cost, report.Throttled, report.ExitCode));
        Assert.Equal(new[] { SyncAction.Updated, SyncAction.Failed }, report.Records!.Select(r => r.Action));
        Assert.Equal(("1000", "RED", "available 3 → 5"), (report.Records![0].ItemNo, report.Records[0].VariantCode, report.Records[0].Message));
        Assert.Null(new RunHistory(store, _home).Find("contoso", new RunFilter()).Single().Records);
    }

    [Fact]
    public void A_log_cut_off_by_a_kill_still_gives_its_finished_records()
    {
        var started = DateTimeOffset.UtcNow;
        string logPath;
        using (var log = RunLog.Start(_home, "contoso", SyncKind.Products, started))
        {
            logPath = log.Path;
            log.Record(new SyncResult(SyncAction.Created, "1000", "", "gid://shopify/Product/1", "", "created"));
        }
        File.AppendAllText(logPath, "{\"type\":\"record\",\"Action\":\"Cre");
        using var store = Open(StoreAccess.Write);
        store.Connector.StartRun("contoso", SyncKind.Products);
        store.Dispose();

        using var reader = Open(StoreAccess.Read);
        var report = new RunHistory(reader, _home).Find("contoso", new RunFilter(), includeRecords: true).Single();
        Assert.Equal(RunStatus.Interrupted, report.Status);
        Assert.Null(report.ApiCalls);
        Assert.Equal("1000", report.Records!.Single().ItemNo);
    }
}
