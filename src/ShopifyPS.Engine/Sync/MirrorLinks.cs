using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync;

/// <summary>Shows on a product read from Shopify which item (and item variant) the connector maps it to, so
/// Get-ShopifyProduct answers "what is this in the ERP?" without a second command.</summary>
public static class MirrorLinks
{
    public static ShopifyProduct Show(IConnectorStore connector, ShopifyProduct product)
    {
        product.ItemNo = connector.GetProduct(product.Shop, product.Id)?.ItemNo ?? "";
        var rows = connector.VariantsOfProduct(product.Shop, product.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (var variant in product.Variants)
        {
            if (!rows.TryGetValue(variant.Id, out var row)) continue;
            variant.ItemNo = row.ItemNo;
            variant.VariantCode = row.VariantCode;
            variant.UnitOfMeasure = row.UnitOfMeasure;
        }
        return product;
    }
}
