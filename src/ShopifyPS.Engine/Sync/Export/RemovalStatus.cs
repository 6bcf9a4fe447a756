using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// actionForRemovedProducts (S5, E13): the status a product gets in Shopify when its item is removed or blocked, or
/// when it is removed from the connector, and the productUpdate that sets it.
/// </summary>
public static class RemovalStatus
{
    /// <summary>The status to set, or null for DoNothing.</summary>
    public static ProductStatus? Target(RemovedProductAction action) => action switch
    {
        RemovedProductAction.StatusToDraft => ProductStatus.Draft,
        RemovedProductAction.StatusToArchived => ProductStatus.Archived,
        _ => null,
    };

    /// <summary>Sets the product's status in Shopify (productUpdate) and returns the product as Shopify answered.</summary>
    /// <exception cref="ShopifyUserErrorException">Shopify refused it (for example, the product no longer exists).</exception>
    public static async Task<JObject> SetAsync(ShopifyClient client, string productId, ProductStatus status, CancellationToken cancellationToken)
    {
        var product = new JObject { ["id"] = productId, ["status"] = status.ToString().ToUpperInvariant() };
        var response = await client.ExecuteAsync("ProductUpdate", new JObject { ["product"] = product }, cancellationToken).ConfigureAwait(false);
        return (JObject)response.Payload().ThrowIfFailed()["product"]!;
    }
}
