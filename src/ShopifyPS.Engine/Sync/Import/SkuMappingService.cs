using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Import;

/// <summary>A manual mapping was refused: the item or variant does not exist, or the Shopify variant (or the item
/// variant) is mapped elsewhere and -Force was not given. ErrorId is stable.</summary>
public sealed class MappingRefusedException(ErrorId error, string message) : ShopifyPSException(error, message);

/// <summary>
/// The mapping actions of I7 on the connector's mirror: Try Find Mapping for given products or all unmapped ones
/// (the import's SKU rules, creating nothing), and manual mapping of a Shopify product or variant to an item or item
/// variant. Each product is saved in its own transaction; with whatIf nothing is saved.
/// </summary>
public sealed class SkuMappingService(ShopProfile profile, SqliteStore store, DateOnly today, bool whatIf)
{
    private readonly ProductImporter _importer = new(profile, store, today, whatIf);

    public SkuMappingService(ShopSession session) : this(session.Profile, session.Store, session.Today, session.WhatIf) { }

    private string Shop => profile.Name;

    /// <summary>Some variant of the product is not mapped (or the product was never imported): Get-ShopifyProduct -Unmapped.</summary>
    public static bool IsUnmapped(IConnectorStore connector, ShopifyProduct product) =>
        SkuMapper.HasUnmappedVariants(connector, product.Shop, product);

    /// <summary>Refreshes the product's mirror rows from what was read from Shopify, then maps its unmapped variants.</summary>
    public IReadOnlyList<SyncResult> Find(ShopifyProduct product) => Saved(() => _importer.Import(product, changed: false, mapOnly: true));

    /// <summary>Brings the product's mirror rows up to date with what was read from Shopify (before a manual mapping).</summary>
    public void Refresh(ShopifyProduct product) => Saved(() =>
    {
        _importer.Refresh(product);
        return [];
    });

    /// <summary>Maps the unmapped variants of a mirrored product; null when the product is not in the mirror.</summary>
    public IReadOnlyList<SyncResult>? FindMirrored(string productId) =>
        store.Connector.GetProduct(Shop, productId) is { } product ? Saved(() => _importer.MapMirrored(product)) : null;

    /// <summary>Maps the unmapped variants of every mirrored product that has some.</summary>
    public IEnumerable<SyncResult> FindAllUnmapped()
    {
        var connector = store.Connector;
        var unmapped = connector.Products(Shop)
            .Where(p => !p.Removed)
            .Select(p => p.Id)
            .ToList()
            .Where(id => connector.GetProduct(Shop, id) is { } p && connector.VariantsOfProduct(Shop, id).Any(v => !SkuMapper.IsMapped(p, v)))
            .ToList();
        foreach (var id in unmapped)
            foreach (var result in FindMirrored(id)!)
                yield return result;
    }

    /// <summary>The mirrored variants a manual mapping names: one variant, a product's variants, or the variants with a SKU.</summary>
    public IReadOnlyList<ShopVariant> Variants(string? variantId = null, string? productId = null, string? sku = null)
    {
        var connector = store.Connector;
        if (variantId is not null) return connector.GetVariant(Shop, variantId) is { } v ? [v] : [];
        if (productId is not null) return connector.VariantsOfProduct(Shop, productId);
        return sku is null ? [] : connector.VariantsBySku(Shop, sku);
    }

    /// <summary>Manual mapping (I7, Business Central's Map Product): maps the variants to the item, or to its variant
    /// <paramref name="variantCode"/>, and their product to the item when it has none. A product with variants of its
    /// own maps to one item variant only through one Shopify variant.</summary>
    /// <exception cref="MappingRefusedException">Nothing was changed.</exception>
    public IReadOnlyList<SyncResult> Map(IReadOnlyList<ShopVariant> variants, string itemNo, string variantCode, bool force)
    {
        var erp = store.Erp;
        var item = erp.Rows(ErpTables.Items, ("No", itemNo)).FirstOrDefault()
            ?? throw new MappingRefusedException(ErrorCatalog.ItemNotFound, $"Item '{itemNo}' is not in the item store. Check the no. (Get-ShopifyItem) or load it with Import-ShopifyErpData.");
        if (variantCode.Length > 0 && !erp.Exists(ErpTables.ItemVariants, ("ItemNo", item.No), ("Code", variantCode)))
            throw new MappingRefusedException(ErrorCatalog.ItemVariantNotFound, $"Item {item.No} has no variant '{variantCode}'. Its variants: {string.Join(", ", erp.Rows(ErpTables.ItemVariants, ("ItemNo", item.No)).Select(v => v.Code).DefaultIfEmpty("none"))}.");
        if (variantCode.Length > 0 && variants.Count > 1)
            throw new MappingRefusedException(ErrorCatalog.MappingAmbiguous, $"{variants.Count} Shopify variants cannot all map to item variant {item.No}/{variantCode}. Name one with -VariantId.");
        if (variantCode.Length > 0)
        {
            var taken = store.Connector.VariantsOfItem(Shop, item.No, variantCode).FirstOrDefault(v => variants.All(m => m.Id != v.Id));
            if (taken is not null && !force)
                throw new MappingRefusedException(ErrorCatalog.MappingExists, $"Item variant {item.No}/{variantCode} is already mapped to Shopify variant {taken.Id} (SKU '{taken.Sku}'). Use -Force to map it here as well.");
        }
        var elsewhere = variants.FirstOrDefault(v => v.ItemNo.Length > 0 && (v.ItemNo != item.No || v.VariantCode != variantCode));
        if (elsewhere is not null && !force)
            throw new MappingRefusedException(ErrorCatalog.MappingExists, $"Shopify variant {elsewhere.Id} (SKU '{elsewhere.Sku}') is already mapped to {Describe(elsewhere.ItemNo, elsewhere.VariantCode)}. Use -Force to map it to {Describe(item.No, variantCode)}.");

        var results = new List<SyncResult>();
        using var transaction = store.BeginTransaction();
        foreach (var group in variants.GroupBy(v => v.ProductId))
        {
            var product = store.Connector.GetProduct(Shop, group.Key)!;
            if (product.ItemNo.Length == 0 || force && product.ItemNo != item.No)
            {
                product.ItemNo = item.No;
                store.Connector.SaveProduct(product);
            }
            foreach (var variant in group)
            {
                var before = Describe(variant.ItemNo, variant.VariantCode);
                var unchanged = variant.ItemNo == item.No && variant.VariantCode == variantCode;
                variant.ItemNo = item.No;
                variant.VariantCode = variantCode;
                variant.MappedByItem = variantCode.Length == 0;
                store.Connector.SaveVariant(variant);
                results.Add(new SyncResult(unchanged ? SyncAction.Unchanged : SyncAction.Updated, item.No, variantCode, variant.ProductId, variant.Id,
                    unchanged ? $"already mapped to {before}" : $"mapping: {before} → {Describe(item.No, variantCode)} (by hand)", whatIf));
            }
        }
        if (!whatIf) transaction.Commit();
        return results;
    }

    private IReadOnlyList<SyncResult> Saved(Func<IReadOnlyList<SyncResult>> work)
    {
        using var transaction = store.BeginTransaction();
        var results = work();
        if (!whatIf) transaction.Commit();
        return results;
    }

    private static string Describe(string itemNo, string variantCode) =>
        itemNo.Length == 0 ? "nothing" : variantCode.Length > 0 ? $"item {itemNo}, variant {variantCode}" : $"item {itemNo}";
}
