using Newtonsoft.Json.Linq;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Tests.Import;

/// <summary>
/// An in-memory store with a small ERP company to map Shopify products to, and the product importer over it.
/// Item 1000 (vendor V1 "Acme", vendor item no. VI-1000) has variants RED and BLUE; barcode 111 is the item's,
/// 222 is RED's; the item vendor catalog has VI-RED for RED; V1 has vendor reference VR-1 for item 1000. Template
/// WEB (category GEN, unit PCS, number series WEB from W0001) creates items; setup ItemNos is ITEM (from I0001).
/// </summary>
internal sealed class ImportFixture : IDisposable
{
    private int _nextId = 1;

    public ImportFixture(SkuMapping mapping, bool autoCreate = true, Action<ItemSettings>? settings = null)
    {
        Profile = new ShopProfile
        {
            Name = "test",
            Items = new ItemSettings
            {
                SyncItem = SyncItemMode.FromShopify,
                SkuMapping = mapping,
                AutoCreateUnknownItems = autoCreate,
                ItemTemplateCode = "WEB",
                SkuFieldSeparator = "|",
            },
        };
        settings?.Invoke(Profile.Items);
        var erp = Store.Erp;
        erp.Upsert(ErpTables.Setup, new SetupEntry { Key = SetupEntry.LocalCurrencyCode, Value = "NOK" });
        erp.Upsert(ErpTables.Setup, new SetupEntry { Key = SetupEntry.ItemNos, Value = "ITEM" });
        erp.Upsert(ErpTables.NoSeries, new NoSeries { Code = "WEB", StartingNo = "W0001" });
        erp.Upsert(ErpTables.NoSeries, new NoSeries { Code = "ITEM", StartingNo = "I0001" });
        erp.Upsert(ErpTables.ItemTemplates, new ItemTemplate { Code = "WEB", Type = ItemType.Inventory, BaseUnitOfMeasure = "PCS", ItemCategoryCode = "GEN", VatProdPostingGroup = "HIGH", NoSeries = "WEB" });
        erp.Upsert(ErpTables.Vendors, new Vendor { No = "V1", Name = "Acme" });
        erp.Upsert(ErpTables.ItemCategories, new ItemCategory { Code = "SHIRTS", Description = "Shirts" });
        erp.Upsert(ErpTables.Items, new Item { No = "1000", Description = "Shirt", VendorNo = "V1", VendorItemNo = "VI-1000", UnitPrice = 50 });
        erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "RED", Description = "Red" });
        erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "BLUE", Description = "Blue" });
        erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1000", ReferenceType = ReferenceType.BarCode, ReferenceNo = "111" });
        erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1000", VariantCode = "RED", ReferenceType = ReferenceType.BarCode, ReferenceNo = "222" });
        erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1000", ReferenceType = ReferenceType.Vendor, ReferenceTypeNo = "V1", ReferenceNo = "VR-1" });
        erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1000", VariantCode = "RED", VendorNo = "V1", VendorItemNo = "VI-RED" });
        erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1000", VendorNo = "V1", VendorItemNo = "VI-1000" });
        Importer = new ProductImporter(Profile, Store, new DateOnly(2026, 5, 1), whatIf: false);
    }

    public SqliteStore Store { get; } = SqliteStore.OpenInMemory();
    public ShopProfile Profile { get; }
    public ProductImporter Importer { get; }

    /// <summary>A Shopify product as a read returns it: with variants of its own (option Size) or only the default one.</summary>
    public ShopifyProduct Product(bool hasVariants, params ShopVariantData[] variants)
    {
        var id = $"gid://shopify/Product/{_nextId++}";
        var node = new JObject
        {
            ["id"] = id, ["title"] = "Summer shirt", ["status"] = "ACTIVE", ["vendor"] = "Acme", ["productType"] = "Shirts",
            ["hasOnlyDefaultVariant"] = !hasVariants, ["descriptionHtml"] = "<p>A light summer shirt.</p>", ["tags"] = new JArray("summer"), ["updatedAt"] = "2026-05-01T10:00:00Z",
        };
        var list = variants.Select((v, i) => new ShopifyVariant(id, new JObject
        {
            ["id"] = $"gid://shopify/ProductVariant/{_nextId++}",
            ["title"] = hasVariants ? v.Title ?? $"Size {i + 1}" : "Default Title",
            ["sku"] = v.Sku, ["barcode"] = v.Barcode ?? "", ["price"] = v.Price ?? "20.00",
            ["inventoryItem"] = new JObject { ["id"] = $"gid://shopify/InventoryItem/{_nextId++}", ["tracked"] = true, ["unitCost"] = new JObject { ["amount"] = v.Cost ?? "8.0" },
                ["harmonizedSystemCode"] = v.HsCode, ["countryCodeOfOrigin"] = v.Country },
        })).ToList();
        return new ShopifyProduct("test", node, list);
    }

    public IReadOnlyList<SyncResult> Import(ShopifyProduct product, bool changed = true)
    {
        using var transaction = Store.BeginTransaction();
        var results = Importer.Import(product, changed);
        transaction.Commit();
        return results;
    }

    /// <summary>Every item, item variant and item reference, one line each (to diff before and after an import).</summary>
    public SortedSet<string> Records()
    {
        var erp = Store.Erp;
        var records = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var i in erp.FindItems(new ItemQuery())) records.Add($"item {i.No}");
        foreach (var v in erp.Rows(ErpTables.ItemVariants)) records.Add($"variant {v.ItemNo}/{v.Code}");
        foreach (var r in erp.Rows(ErpTables.ItemReferences))
            records.Add($"{(r.ReferenceType == ReferenceType.BarCode ? "barcode" : "vendor ref " + r.ReferenceTypeNo)} {r.ReferenceNo} {r.ItemNo}{(r.VariantCode.Length > 0 ? "/" + r.VariantCode : "")}");
        return records;
    }

    public Item Item(string no) => Store.Erp.Rows(ErpTables.Items, ("No", no)).Single();

    public void Dispose() => Store.Dispose();
}

internal sealed record ShopVariantData(string Sku, string? Barcode = null, string? Price = null, string? Cost = null, string? Title = null,
    string? HsCode = null, string? Country = null);
