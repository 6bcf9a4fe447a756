using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;
using ShopifyPS.Tests.Shopify;

namespace ShopifyPS.Tests.Integration;

/// <summary>
/// Each document's declared <c># cost:</c> is what the client reserves before Shopify has answered once;
/// it must not be below what the document really requests, or the first call could be THROTTLED.
/// </summary>
public sealed class DocumentCostTests
{
    public static TheoryData<string> SentDocuments() => new(QueryDocument.Names.Where(n => !QueryDocument.Get(n).IsBulkQuery));

    [Theory]
    [MemberData(nameof(SentDocuments))]
    public async Task Declared_cost_covers_what_the_emulator_charges_for_the_sample(string name)
    {
        await using var shop = await EmulatorShop.StartAsync();
        var document = QueryDocument.Get(name);
        var sample = QueryDocumentTests.Samples[name];

        var answer = await shop.RawAsync(document.Text, sample is null ? null : JObject.Parse(sample), name);

        var requested = answer["extensions"]?["cost"]?.Value<int?>("requestedQueryCost");
        Assert.True(requested is not null, $"{name}: no cost in {answer}");
        Assert.True(requested <= document.ExpectedCost, $"{name} requests {requested} but declares {document.ExpectedCost}.");
        Assert.True(answer["errors"] is null, $"{name}: {answer["errors"]}");
    }
}
