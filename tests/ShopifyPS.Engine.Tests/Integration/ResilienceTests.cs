using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Integration;

/// <summary>
/// The issue's done-when: a 500-request workload ends in the same shop state with 10% injected faults as
/// without, and a sustained workload against a small bucket is never THROTTLED.
/// </summary>
public sealed class ResilienceTests
{
    private const int Requests = 500;

    [Fact]
    public async Task A_500_request_workload_under_10_percent_faults_ends_like_one_without()
    {
        await using var shop = await EmulatorShop.StartAsync(bucket: 1000, restoreRate: 1000);
        var seed = ClientAgainstEmulatorTests.Catalog(10);

        await shop.ResetAsync(seed);
        var clean = shop.Client();
        var expected = await RunWorkloadAsync(clean, "clean");

        await shop.ResetAsync(seed);
        await shop.FaultsAsync(new object[]
        {
            new { kind = "throttled", rate = 0.02 },
            new { kind = "http429", rate = 0.02, retryAfter = 0 },
            new { kind = "http5xx", rate = 0.02, status = 503 },
            new { kind = "dropBefore", rate = 0.02 },
            new { kind = "dropAfter", rate = 0.02 },
        });
        var faulty = shop.Client();
        var actual = await RunWorkloadAsync(faulty, "faulty");
        var log = await shop.RequestsAsync();
        await shop.ClearFaultsAsync();

        Assert.Equal(expected, actual);
        Assert.Equal(0, clean.Statistics.Retries);
        Assert.Equal(Requests + 4, clean.Statistics.Calls); // + products and locations before, products and levels after
        var faults = log.Count(e => e.Value<string>("fault") is not null);
        Assert.True(faults >= 10, $"only {faults} faults were injected");
        // Every fault cost exactly one retry, and nothing else was retried.
        Assert.Equal(faults, faulty.Statistics.Retries);
        Assert.Equal(Requests + 4 + faults, faulty.Statistics.Calls);
    }

    [Fact]
    public async Task A_sustained_workload_at_bucket_100_and_restore_50_is_never_throttled()
    {
        await using var shop = await EmulatorShop.StartAsync(bucket: 100, restoreRate: 50);
        var seeded = await shop.SeedAsync(ClientAgainstEmulatorTests.Catalog(4));
        var ids = seeded["products"]!.Select(p => p.Value<string>("id")!).ToArray();
        var clients = Enumerable.Range(0, 3).Select(_ => shop.Client()).ToArray();

        // Three clients for the same shop share its budget, as concurrent runs in one session would.
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await client.ExecuteAsync("TagsAdd", new { id = ids[i % ids.Length], tags = new[] { $"c{c}-{i}" } });
                if (i % 5 == 0) await client.ExecuteAsync("ShopInfo");
            }
        })));

        var log = await shop.RequestsAsync();
        Assert.Equal(0, log.Count(e => e.Value<bool>("throttled")));
        Assert.Equal(0, clients.Sum(c => c.Statistics.Throttled));
        Assert.Equal(0, clients.Sum(c => c.Statistics.Retries));
        Assert.Equal(3 * 18, clients.Sum(c => c.Statistics.Calls));
        // The workload spent several buckets' worth of points, so the pacing (not a full bucket) carried it.
        var spent = log.Sum(e => e.Value<int?>("actualCost") ?? 0);
        Assert.Equal(spent, clients.Sum(c => c.Statistics.ActualCost));
        Assert.True(spent > 4 * 100, $"only {spent} points were spent");
    }

    /// <summary>500 requests: tag changes, absolute inventory sets (with idempotency keys), title updates and reads; returns the shop's state.</summary>
    private static async Task<string> RunWorkloadAsync(ShopifyClient client, string run)
    {
        var reader = new ProductReader(client, pageSize: 10);
        var products = new List<ShopifyProduct>();
        await foreach (var p in reader.ListAsync(null)) products.Add(p);
        var location = (await client.ExecuteAsync("Locations", new { first = 10 })).Data["locations"]!["nodes"]!
            .Single(l => l.Value<string>("name") == "Main warehouse").Value<string>("id");

        for (var i = 0; i < Requests; i++)
        {
            var product = products[i % products.Count];
            var variant = product.Variants[i / products.Count % product.Variants.Count];
            switch (i % 5)
            {
                case 0:
                    (await client.ExecuteAsync("TagsAdd", new { id = product.Id, tags = new[] { $"t{i}" } })).Payload().ThrowIfFailed();
                    break;
                case 1:
                    (await client.ExecuteAsync("InventorySetQuantities", new
                    {
                        idempotencyKey = $"{run}-{i}",
                        input = new
                        {
                            name = "available",
                            reason = "correction",
                            quantities = new[] { new { inventoryItemId = variant.InventoryItemId, locationId = location, quantity = i, changeFromQuantity = (int?)null } },
                        },
                    })).Payload().ThrowIfFailed();
                    break;
                case 2:
                    (await client.ExecuteAsync("ProductUpdate", new { product = new { id = product.Id, title = $"{product.Handle} v{i}" } })).Payload().ThrowIfFailed();
                    break;
                case 3:
                    await client.ExecuteAsync("VariantsBySku", new { query = "sku:" + ProductReader.SearchValue(variant.Sku), first = 1 });
                    break;
                default:
                    (await client.ExecuteAsync("TagsRemove", new { id = product.Id, tags = new[] { $"t{i - 4}" } })).Payload().ThrowIfFailed();
                    break;
            }
        }
        return await StateAsync(client, location!);
    }

    private static async Task<string> StateAsync(ShopifyClient client, string location)
    {
        var state = new StringBuilder();
        await foreach (var p in new ProductReader(client, pageSize: 10).ListAsync(null))
            state.AppendLine(CultureInfo.InvariantCulture, $"{p.Handle} {p.Title} [{string.Join(",", p.Tags.Order())}] {string.Join(" ", p.Variants.Select(v => v.Sku))}");
        await foreach (var level in client.PageAsync("InventoryLevels", new JObject { ["locationId"] = location, ["first"] = 100, ["names"] = new JArray("available") }, "location.inventoryLevels"))
            state.AppendLine(CultureInfo.InvariantCulture, $"{level["item"]!.Value<string>("sku")} {level["quantities"]![0]!.Value<int>("quantity")}");
        return state.ToString();
    }
}
