using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Sync;

namespace ShopifyPS.Tests.Sync;

public sealed class RunLogTests : IDisposable
{
    private readonly ShopifyHome _home = new(Path.Combine(Path.GetTempPath(), "shopifyps-runlog-" + Guid.NewGuid().ToString("N")));

    public void Dispose()
    {
        if (Directory.Exists(_home.Root)) Directory.Delete(_home.Root, recursive: true);
    }

    [Theory]
    [InlineData(RunStatus.Succeeded, 0, 0)]
    [InlineData(RunStatus.Succeeded, 1, 1)]
    [InlineData(RunStatus.Failed, 0, 2)]
    [InlineData(RunStatus.Cancelled, 3, 2)]
    public void Exit_code_tells_a_scheduler_how_the_run_ended(RunStatus status, int failedRecords, int exitCode)
    {
        var summary = new RunSummary("shop", SyncKind.Products, planned: false);
        for (var i = 0; i < failedRecords; i++) summary.Count(new SyncResult(SyncAction.Failed, "1", "", "", "", "bad"));
        summary.Count(new SyncResult(SyncAction.Created, "2", "", "gid://shopify/Product/1", "", "ok"));

        summary.Finish(status, "", statistics: null);

        Assert.Equal(exitCode, summary.ExitCode);
        Assert.Equal((1, failedRecords), ((int)summary.Created, (int)summary.Failed));
    }

    [Fact]
    public void Writes_one_line_per_record_and_a_summary_and_never_overwrites_an_earlier_log()
    {
        var started = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
        var summary = new RunSummary("shop", SyncKind.Inventory, planned: false);
        string first, second;
        using (var log = RunLog.Start(_home, "shop", SyncKind.Inventory, started))
        {
            first = log.Path;
            var result = new SyncResult(SyncAction.Updated, "1000", "RED", "gid://shopify/Product/1", "gid://shopify/ProductVariant/2", "available 3 → 5");
            summary.Count(result);
            log.Record(result);
            summary.Finish(RunStatus.Succeeded, "", statistics: null);
            log.Finish(summary);
        }
        using (var log = RunLog.Start(_home, "shop", SyncKind.Inventory, started)) second = log.Path;

        Assert.NotEqual(first, second);
        Assert.StartsWith(Path.Combine(_home.LogsFolder, "shop", "20261126-030000-inventory"), first);
        var lines = File.ReadAllLines(first).Select(JObject.Parse).ToList();
        Assert.Equal(new[] { "record", "summary" }, lines.Select(l => l.Value<string>("type")));
        Assert.Equal("Updated", lines[0].Value<string>("Action"));
        Assert.Equal("RED", lines[0].Value<string>("VariantCode"));
        Assert.Equal(1, lines[1]["summary"]!.Value<int>("Updated"));
        Assert.Equal("Succeeded", lines[1]["summary"]!.Value<string>("Status"));
    }
}
