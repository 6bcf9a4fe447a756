using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>Reads the cost per item of variants whose read left it out (InventoryItemCosts.graphql), in batches.</summary>
public static class InventoryItemCosts
{
    private const int BatchSize = 50;

    /// <summary>Sets <see cref="ShopifyVariant.UnitCost"/> of each variant from its inventory item.</summary>
    public static async Task FillAsync(ShopifyClient client, IReadOnlyList<ShopifyVariant> variants, CancellationToken cancellationToken)
    {
        foreach (var batch in variants.Where(v => v.InventoryItemId.Length > 0).Chunk(BatchSize))
        {
            var response = await client.ExecuteAsync("InventoryItemCosts", new { ids = batch.Select(v => v.InventoryItemId).ToArray() }, cancellationToken).ConfigureAwait(false);
            var costs = (response.Data["nodes"] as JArray ?? [])
                .OfType<JObject>()
                .ToDictionary(n => n.Value<string>("id") ?? "", n => Json.Money((n["unitCost"] as JObject)?["amount"]), StringComparer.Ordinal);
            foreach (var variant in batch) variant.UnitCost = costs.GetValueOrDefault(variant.InventoryItemId);
        }
    }
}
