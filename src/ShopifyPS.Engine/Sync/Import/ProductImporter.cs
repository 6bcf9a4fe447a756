using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// Imports one product at a time (I1–I9): refreshes its rows in the connector's mirror (keeping their item links),
/// maps each unmapped variant (<see cref="SkuMapper"/>), creates the items of the rest when autoCreateUnknownItems is
/// on and updates mapped items when shopifyCanUpdateItems is on (<see cref="ItemCreator"/>). One result per variant.
/// The caller owns the transaction; after a failed product it must roll back and call <see cref="Forget"/>.
/// </summary>
internal sealed class ProductImporter
{
    private readonly ShopProfile _profile;
    private readonly SqliteStore _store;
    private readonly bool _whatIf;
    private readonly ErpIndex _index;
    private readonly SkuMapper _mapper;
    private readonly ItemNumbers _numbers;
    private readonly ItemCreator _creator;
    private readonly ItemCatalog _catalog;

    public ProductImporter(ShopProfile profile, SqliteStore store, DateOnly today, bool whatIf)
    {
        _profile = profile;
        _store = store;
        _whatIf = whatIf;
        _index = new ErpIndex(store.Erp);
        _mapper = new SkuMapper(profile.Items, _index);
        _numbers = new ItemNumbers(store.Erp, _index);
        ShopCurrency? currency = null;
        _creator = new ItemCreator(profile.Items, store.Erp, _index, _mapper, _numbers,
            () => currency ??= ShopCurrency.Resolve(PriceContext.Load(store.Erp, profile.Prices, today)));
        _catalog = new ItemCatalog(store.Erp, store.Connector);
    }

    private string Shop => _profile.Name;

    /// <summary>Drops what was read from the store (after a rolled-back product, so nothing of it is remembered).</summary>
    public void Forget()
    {
        _index.Reset();
        _numbers.Reset();
    }

    /// <summary>Whether Shopify changed the product since the import last saw it and since the export last wrote it
    /// (Business Central's rule: Updated At and Last Updated by BC both older than Shopify's updatedAt). An unchanged
    /// product keeps its items as they are; only its unmapped variants are mapped (or created) again.</summary>
    public bool ChangedInShopify(ShopifyProduct source)
    {
        var mirror = _store.Connector.GetProduct(Shop, source.Id);
        if (mirror is null || source.UpdatedAt is not { } updated) return true;
        return !(mirror.UpdatedAt >= updated) && !(mirror.LastSyncedAt >= updated);
    }

    /// <summary>Some variant of the product is not mapped yet (so the import may create an item from it).</summary>
    public bool HasUnmappedVariants(ShopifyProduct source) => SkuMapper.HasUnmappedVariants(_store.Connector, Shop, source);

    /// <summary>Imports the product as read from Shopify.</summary>
    public IReadOnlyList<SyncResult> Import(ShopifyProduct source, bool changed, bool mapOnly = false)
    {
        var product = Mirror(source);
        var outcomes = Process(product.Mirror, product.Variants.Select(v => v.Mirror).ToList(), mapOnly ? null : product, changed);
        return Save(product.Mirror, product.Variants.Select(v => v.Mirror).ToList(), outcomes);
    }

    /// <summary>Brings the product's mirror rows up to date with what was read from Shopify; maps nothing.</summary>
    public void Refresh(ShopifyProduct source)
    {
        var product = Mirror(source);
        _store.Connector.SaveProduct(product.Mirror);
        foreach (var variant in product.Variants) _store.Connector.SaveVariant(variant.Mirror);
    }

    /// <summary>Maps the unmapped variants of a product already in the mirror (Try Find Mapping, I7); creates nothing.</summary>
    public IReadOnlyList<SyncResult> MapMirrored(ShopProduct product)
    {
        var variants = _store.Connector.VariantsOfProduct(Shop, product.Id);
        return Save(product, variants, Process(product, variants, null, changed: false));
    }

    /// <summary>A result for each variant of a product that could not be imported.</summary>
    public IReadOnlyList<SyncResult> Failed(string productId, IEnumerable<string> variantIds, string message) =>
        variantIds.DefaultIfEmpty("").Select(id => new SyncResult(SyncAction.Failed, "", "", productId, id, message, _whatIf)).ToList();

    private List<VariantOutcome> Process(ShopProduct product, IReadOnlyList<ShopVariant> variants, ImportedProduct? full, bool changed)
    {
        var settings = _profile.Items;
        var outcomes = new List<VariantOutcome>();
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var outcome = new VariantOutcome();
            outcomes.Add(outcome);
            if (SkuMapper.IsMapped(product, variant))
            {
                outcome.Note($"mapped to {Describe(variant)}");
                if (full is not null && changed && settings.ShopifyCanUpdateItems) _creator.Update(full, full.Variants[i], outcome);
                continue;
            }
            var mapping = _mapper.Find(product, variant);
            if (mapping.Found)
            {
                variant.ItemNo = mapping.ItemNo;
                variant.VariantCode = mapping.VariantCode;
                variant.MappedByItem = mapping.VariantCode.Length == 0;
                if (product.ItemNo.Length == 0) product.ItemNo = mapping.ItemNo;
                outcome.Mapped($"mapped to {Describe(variant)}: {mapping.Reason}");
                if (full is not null && changed && settings.ShopifyCanUpdateItems) _creator.Update(full, full.Variants[i], outcome);
                if (full is not null && settings.AutoCreateUnknownItems) _creator.AddUnitOfMeasure(full.Variants[i], outcome);
            }
            else if (full is not null && settings.AutoCreateUnknownItems)
            {
                _creator.Create(full, full.Variants[i], outcome);
                _creator.AddUnitOfMeasure(full.Variants[i], outcome);
                if (!SkuMapper.IsMapped(product, variant))
                    outcome.Skip($"not mapped: skuMapping {settings.SkuMapping} creates no item variants. Map it with Set-ShopifySkuMapping.");
            }
            else
            {
                outcome.Skip($"no item: {mapping.Reason}." + (full is null ? "" : " Map it with Set-ShopifySkuMapping, or turn on autoCreateUnknownItems."));
            }
        }
        return outcomes;
    }

    private IReadOnlyList<SyncResult> Save(ShopProduct product, IReadOnlyList<ShopVariant> variants, List<VariantOutcome> outcomes)
    {
        _store.Connector.SaveProduct(product);
        foreach (var variant in variants) _store.Connector.SaveVariant(variant);
        // The variants of a product mostly share one item: it is read once, and each result gets its own copy.
        var items = new Dictionary<string, ErpItem?>(StringComparer.Ordinal);
        return variants.Select((variant, i) =>
        {
            var outcome = outcomes[i];
            var itemNo = outcome.ItemNos.Contains(variant.ItemNo) ? variant.ItemNo : outcome.ItemNos.FirstOrDefault();
            if (itemNo is not null && !items.ContainsKey(itemNo)) items[itemNo] = _catalog.Get(itemNo, Shop);
            return new SyncResult(outcome.Action, variant.ItemNo, variant.VariantCode, product.Id, variant.Id, string.Join("; ", outcome.Notes), _whatIf)
            {
                Item = itemNo is null ? null : items[itemNo]?.Copy(),
            };
        }).ToList();
    }

    /// <summary>The mirror rows of the product, refreshed from Shopify with their item links kept; variants Shopify no
    /// longer has are deleted from the mirror.</summary>
    private ImportedProduct Mirror(ShopifyProduct source)
    {
        var connector = _store.Connector;
        var mirror = connector.GetProduct(Shop, source.Id) ?? new ShopProduct { Shop = Shop, Id = source.Id };
        mirror.Title = source.Title;
        mirror.Status = Enum.TryParse<ProductStatus>(source.Status, ignoreCase: true, out var status) ? status : ProductStatus.Active;
        mirror.Tags = string.Join(", ", source.Tags);
        mirror.UpdatedAt = source.UpdatedAt;
        mirror.Vendor = source.Vendor;
        mirror.HasVariants = !source.HasOnlyDefaultVariant;
        var known = connector.VariantsOfProduct(Shop, source.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var variants = source.Variants.Select(v =>
        {
            known.Remove(v.Id, out var row);
            row ??= new ShopVariant { Shop = Shop, Id = v.Id, ProductId = source.Id };
            row.Sku = v.Sku;
            row.Barcode = v.Barcode;
            row.InventoryItemId = v.InventoryItemId;
            row.Tracked = v.Tracked;
            UnitOption.Read(_profile.Items, v, row);
            return new ImportedVariant(v, row);
        }).ToList();
        foreach (var gone in known.Keys) connector.DeleteVariant(Shop, gone);
        return new ImportedProduct(source, mirror, variants);
    }

    private static string Describe(ShopVariant variant) =>
        (variant.VariantCode.Length > 0 ? $"item {variant.ItemNo}, variant {variant.VariantCode}" : $"item {variant.ItemNo}") +
        (variant.UnitOfMeasure.Length > 0 ? $", unit {variant.UnitOfMeasure}" : "");
}
