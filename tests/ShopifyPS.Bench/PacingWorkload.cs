using System.Diagnostics;
using System.Net.Http.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Emulator;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Bench;

/// <summary>
/// DESIGN.md §8 point 2 (and issue 3's done-when): a sustained mutation workload from three clients sharing one
/// shop's budget against a small bucket (100 points, 50/s). Pacing is good when nothing is THROTTLED and the wall
/// time stays close to Σcost / restore rate, the floor Shopify itself sets.
/// </summary>
internal static class PacingWorkload
{
    public static async Task<int> RunAsync(int requestsPerClient, int bucket, double restoreRate)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BucketSize = bucket, RestoreRate = restoreRate });
        using var control = new HttpClient { BaseAddress = emulator.BaseUri };
        var seeded = await (await control.PostAsJsonAsync("emulator/seed", new
        {
            products = Enumerable.Range(1, 8).Select(i => new { title = $"Pacing {i}", variants = new[] { new { sku = $"P{i}", price = "10.00" } } }),
        })).Content.ReadAsStringAsync();
        var ids = JObject.Parse(seeded)["products"]!.Select(p => p.Value<string>("id")!).ToArray();

        Environment.SetEnvironmentVariable("SHOPIFYPS_BENCH_TOKEN", emulator.Token);
        var profile = new ShopProfile
        {
            Name = "bench", Domain = "bench.myshopify.com", Endpoint = emulator.BaseUri.ToString().TrimEnd('/'),
            Auth = new AuthSettings { TokenEnv = "SHOPIFYPS_BENCH_TOKEN" },
        };
        var home = new ShopifyHome(Path.GetTempPath());
        var clients = Enumerable.Range(0, 3).Select(_ => new ShopifyClient(profile, home)).ToArray();

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerClient; i++)
                await client.ExecuteAsync("TagsAdd", new { id = ids[i % ids.Length], tags = new[] { $"c{c}-{i}" } });
        })));
        watch.Stop();

        var log = JArray.Parse(await control.GetStringAsync("emulator/requests"));
        var cost = clients.Sum(c => c.Statistics.ActualCost);
        var floor = Math.Max(0, cost - bucket) / restoreRate;
        Console.WriteLine($"workload=pacing clients=3 requests={clients.Sum(c => c.Statistics.Calls)} bucket={bucket} restore={restoreRate}/s " +
            $"cost={cost} throttled={log.Count(e => e.Value<bool>("throttled"))} retries={clients.Sum(c => c.Statistics.Retries)} " +
            $"seconds={watch.Elapsed.TotalSeconds:0.0} floorSeconds={floor:0.0} ratio={watch.Elapsed.TotalSeconds / floor:0.00}");
        return 0;
    }
}
