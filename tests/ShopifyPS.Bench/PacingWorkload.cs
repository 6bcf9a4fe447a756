namespace ShopifyPS.Bench;

/// <summary>
/// the performance model in BENCHMARKS.md (and issue 3's done-when): a sustained mutation workload from three clients sharing one
/// shop's budget. Pacing is good when nothing is THROTTLED and the wall time stays close to the floor Shopify itself
/// sets: (Σcost − bucket) / restore rate.
/// </summary>
internal static class PacingWorkload
{
    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(int requestsPerClient, EmulatorLimits limits)
    {
        await using var shop = await BenchShop.StartAsync(limits);
        var seeded = await shop.SeedAsync(new
        {
            products = Enumerable.Range(1, 8).Select(i => new { title = $"Pacing {i}", variants = new[] { new { sku = $"P{i}", price = "10.00" } } }),
        });
        var ids = seeded["products"]!.Select(p => p.Value<string>("id")!).ToArray();
        var clients = Enumerable.Range(0, 3).Select(_ => shop.NewClient()).ToArray();

        var result = await shop.MeasureInProcessAsync($"pacing: 3 clients × {requestsPerClient:N0} tagsAdd, one budget", async () =>
        {
            await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
            {
                for (var i = 0; i < requestsPerClient; i++)
                    await client.ExecuteAsync("TagsAdd", new { id = ids[i % ids.Length], tags = new[] { $"c{c}-{i}" } });
            })));
            return clients.Length * requestsPerClient;
        }, (log, used) => TimeFloor(log, used, limits));
        return [result];
    }

    /// <summary>The first bucketful is free; the rest arrives at the restore rate (sped up by the clock).</summary>
    private static FloorCheck TimeFloor(RequestLog log, Used used, EmulatorLimits limits)
    {
        var floor = Math.Max(0, log.Cost - limits.Bucket) / (limits.RestoreRate * limits.ClockSpeed);
        return new FloorCheck($"(Σcost − bucket) / restore = {floor:0.0} s", floor, used.Wall.TotalSeconds, "s");
    }
}
