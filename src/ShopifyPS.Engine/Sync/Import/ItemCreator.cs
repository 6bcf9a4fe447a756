using System.Globalization;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// Creates items and item variants for Shopify variants no item was found for (I2, I3, I5, I6, I8), as Business
/// Central's Shpfy Create Item does: an item per product (per variant with skuMapping Item No., Vendor Item No. and
/// Bar Code), from the item template; item no. from the SKU or the number series; item variants with skuMapping
/// Variant Code and Item No. + Variant Code, coded by the SKU or variantPrefix + 001, 002, ...; barcode and vendor
/// references. Item numbers and variant codes taken from SKUs are upper-cased, as Business Central's Code fields are.
/// Also keeps the references and descriptions of mapped items up to date when shopifyCanUpdateItems is on (I9).
/// </summary>
internal sealed class ItemCreator(ItemSettings settings, IErpStore erp, ErpIndex index, SkuMapper mapper, ItemNumbers numbers, Func<ShopCurrency> currency)
{
    private const int MaxItemNo = 20;
    private const int MaxVariantCode = 10;
    private const int MaxDescription = 100;

    private ItemTemplate? _template;

    /// <summary>Maps the variant to an existing item that the SKU names, or creates what it needs (Business Central's
    /// Create Item run on one variant); links the mirror rows.</summary>
    public void Create(ImportedProduct product, ImportedVariant variant, VariantOutcome outcome)
    {
        var item = product.Mirror.ItemNo.Length > 0 ? index.Item(product.Mirror.ItemNo) : null;
        if (item is null)
        {
            item = ExistingItem(product, variant);
            if (item is null)
            {
                item = NewItem(product, variant, outcome);
                Link(variant, item, "");
            }
            else outcome.Mapped($"mapped to item {item} (the SKU names it)");
            product.Mirror.ItemNo = item;
        }
        switch (settings.SkuMapping)
        {
            case SkuMapping.VariantCode or SkuMapping.ItemNoVariantCode:
                ItemVariantFor(product, variant, item, outcome);
                break;
            case SkuMapping.ItemNo or SkuMapping.VendorItemNo or SkuMapping.BarCode when variant.Mirror.ItemNo.Length == 0 || index.Item(variant.Mirror.ItemNo) is null:
                // Each Shopify variant is an item of its own.
                var own = ExistingItem(product, variant);
                if (own is null) own = NewItem(product, variant, outcome);
                else outcome.Mapped($"mapped to item {own} (the SKU names it)");
                Link(variant, own, "");
                break;
        }
    }

    /// <summary>Business Central's Update Item: the description, item category and vendor of the item, the description
    /// of its variant and its barcode and vendor references follow Shopify. Prices and costs do not: they are taken
    /// only when the item is created.</summary>
    public void Update(ImportedProduct product, ImportedVariant variant, VariantOutcome outcome)
    {
        var item = ReadItem(variant.Mirror.ItemNo);
        if (item is null) return;
        var changed = new List<ErpColumn>();
        var notes = new List<string>();
        Change(item, nameof(Item.Description), Truncate(product.Source.Title), changed, notes);
        if (index.CategoryByDescription(product.Source.ProductType) is { } category) Change(item, nameof(Item.ItemCategoryCode), category.Code, changed, notes);
        if (index.VendorByName(product.Source.Vendor) is { } vendor) Change(item, nameof(Item.VendorNo), vendor.No, changed, notes);
        // Customs data belong to the item: its first variant in the product speaks for it, so variants that differ
        // do not overwrite each other.
        var speaksForItem = product.Variants.First(v => v.Mirror.ItemNo == item.No) == variant;
        if (settings.SyncHsCodeAndCountry && speaksForItem) Customs(item, variant.Source, changed, notes);
        if (speaksForItem) Attributes(item.No, product.Source, outcome);
        if (speaksForItem && settings.SyncItemMarketingText) Marketing(item.No, product.Source, outcome);
        if (changed.Count > 0)
        {
            erp.Upsert(ErpTables.Items, item, changed.Append(ErpTables.Items.Key[0]).ToList());
            index.Added(item);
            outcome.Updated(item.No, $"item {item.No}: {string.Join(", ", notes)}");
        }
        var code = variant.Mirror.VariantCode;
        References(variant, item.No, code, outcome, item);
        if (code.Length == 0) return;
        var itemVariant = erp.Rows(ErpTables.ItemVariants, ("ItemNo", item.No), ("Code", code)).FirstOrDefault();
        var title = Truncate(UnitOption.ItemVariantTitle(variant.Source, variant.Mirror));
        if (itemVariant is null || itemVariant.Description == title) return;
        outcome.Updated(item.No, $"variant {item.No}/{code}: Description: '{itemVariant.Description}' → '{title}'");
        itemVariant.Description = title;
        erp.Upsert(ErpTables.ItemVariants, itemVariant, [ErpTables.ItemVariants.Column(nameof(ItemVariant.Description))!]);
    }

    /// <summary>Business Central's ExistItem: the item the SKU names by the mapping rule, when it exists.</summary>
    private string? ExistingItem(ImportedProduct product, ImportedVariant variant)
    {
        var sku = variant.Mirror.Sku;
        if (sku.Length == 0) return null;
        switch (settings.SkuMapping)
        {
            case SkuMapping.ItemNo:
                return sku.Length <= MaxItemNo ? index.Item(sku) : null;
            case SkuMapping.ItemNoVariantCode:
                return index.Item(mapper.SkuParts(sku)[0]);
            case SkuMapping.VendorItemNo:
                var vendor = index.VendorByName(product.Source.Vendor);
                if (vendor is null) return null;
                return index.ItemOfVendorItemNo(vendor.No, sku) ?? index.LastReference(sku, ReferenceType.Vendor, vendor.No)?.ItemNo;
            case SkuMapping.BarCode:
                return index.LastReference(sku, ReferenceType.BarCode)?.ItemNo;
            default:
                return null;
        }
    }

    /// <summary>Business Central's DoCreateItem: a new item from the template and the product.</summary>
    private string NewItem(ImportedProduct product, ImportedVariant variant, VariantOutcome outcome)
    {
        var template = Template();
        var sku = variant.Mirror.Sku;
        var no = (settings.SkuMapping switch
        {
            SkuMapping.ItemNo => sku,
            SkuMapping.ItemNoVariantCode when sku.Length > 0 => mapper.SkuParts(sku)[0],
            _ => "",
        }).ToUpperInvariant();
        if (no.Length > MaxItemNo)
            throw new ImportException($"SKU {sku} gives item no. {no}, which is longer than {MaxItemNo} characters. Shorten the SKU in Shopify or create the item and map it with Set-ShopifySkuMapping.");
        if (no.Length == 0) no = template.NoSeries.Length > 0
            ? numbers.Next(template.NoSeries, $"NoSeries of item template {template.Code}")
            : numbers.Next(ItemNosSeries(template), $"ItemNos of setup.csv");

        var item = new Item
        {
            No = no,
            Description = Truncate(product.Source.Title),
            Type = template.Type,
            BaseUnitOfMeasure = template.BaseUnitOfMeasure,
            ItemCategoryCode = index.CategoryByDescription(product.Source.ProductType)?.Code ?? template.ItemCategoryCode,
            VatProdPostingGroup = template.VatProdPostingGroup,
            ItemDiscGroup = template.ItemDiscGroup,
            VendorNo = index.VendorByName(product.Source.Vendor)?.No ?? "",
        };
        if (variant.Source.UnitCost is { } cost and not 0) item.UnitCost = currency().ToLocal(cost);
        if (variant.Source.Price != 0) item.UnitPrice = currency().ToLocal(variant.Source.Price);
        if (settings.SyncHsCodeAndCountry) Customs(item, variant.Source, [], []);
        erp.Upsert(ErpTables.Items, item);
        index.Added(item);
        outcome.Created(no, $"new item {no} from template {template.Code}: Description '{item.Description}', UnitPrice {Format(item.UnitPrice)}, " +
            $"UnitCost {Format(item.UnitCost)}, ItemCategoryCode '{item.ItemCategoryCode}', VendorNo '{item.VendorNo}'");
        References(variant, no, "", outcome, item);
        if (settings.SyncItemMarketingText) Marketing(no, product.Source, outcome);
        return no;
    }

    /// <summary>Business Central's CreateItemVariant: the item variant the Shopify variant becomes (none for a product
    /// without variants, whose variant is the item).</summary>
    private void ItemVariantFor(ImportedProduct product, ImportedVariant variant, string item, VariantOutcome outcome)
    {
        if (!product.Mirror.HasVariants || UnitOption.OnlyUnit(variant.Source, variant.Mirror))
        {
            References(variant, item, "", outcome);
            if (variant.Mirror.ItemNo.Length == 0) Link(variant, item, "");
            return;
        }
        var sku = variant.Mirror.Sku;
        string? code = null;
        if (settings.SkuMapping == SkuMapping.VariantCode && sku.Length is > 0 and <= MaxVariantCode) code = sku.ToUpperInvariant();
        if (settings.SkuMapping == SkuMapping.ItemNoVariantCode && sku.Length > 0)
        {
            var parts = mapper.SkuParts(sku);
            if (parts.Length == 2 && parts[1].Length is > 0 and <= MaxVariantCode) code = parts[1].ToUpperInvariant();
            // The SKU names another item than the product's: the variant belongs to that item.
            if (parts[0].Length > 0 && !string.Equals(parts[0], item, StringComparison.OrdinalIgnoreCase))
                item = ExistingItem(product, variant) ?? NewItem(product, variant, outcome);
        }
        code = code is null ? NextVariantCode(item) : index.Variant(item, code) ?? code;
        if (index.Variant(item, code) is null)
        {
            var itemVariant = new ItemVariant { ItemNo = item, Code = code, Description = Truncate(UnitOption.ItemVariantTitle(variant.Source, variant.Mirror)) };
            erp.Upsert(ErpTables.ItemVariants, itemVariant);
            index.Added(itemVariant);
            outcome.Created(item, $"new variant {item}/{code}: Description '{itemVariant.Description}'");
        }
        else if (variant.Mirror.ItemNo != item || variant.Mirror.VariantCode != code) outcome.Mapped($"mapped to variant {item}/{code} (the SKU names it)");
        Link(variant, item, code);
        References(variant, item, code, outcome);
    }

    /// <summary>Business Central's CreateItemUnitOfMeasure: the unit a newly mapped variant stands for becomes a unit of
    /// measure of its item when the item lacks it, with 1 base unit per unit, as Business Central inserts it (Shopify does
    /// not know how many pieces a BOX holds); the note says to set the real quantity. Business Central does this only
    /// for a variant it creates an item (variant) for; a sibling unit variant that maps to that item by its SKU needs
    /// its unit just as much, so every newly mapped variant is served.</summary>
    public void AddUnitOfMeasure(ImportedVariant variant, VariantOutcome outcome)
    {
        var (unit, itemNo) = (variant.Mirror.UnitOfMeasure, variant.Mirror.ItemNo);
        if (unit.Length == 0 || itemNo.Length == 0 || ReadItem(itemNo) is not { } item || ItemUnits.Same(unit, item.BaseUnitOfMeasure)) return;
        if (erp.Exists(ErpTables.ItemUnitsOfMeasure, ("ItemNo", itemNo), ("Code", unit))) return;
        erp.Upsert(ErpTables.ItemUnitsOfMeasure, new ItemUnitOfMeasure { ItemNo = itemNo, Code = unit, QtyPerUnitOfMeasure = 1 });
        outcome.Created(itemNo, $"new unit of measure {unit} of item {itemNo} with QtyPerUnitOfMeasure 1, as Business Central creates it: set how many {item.BaseUnitOfMeasure} one {unit} holds in the ERP");
    }

    /// <summary>variantPrefix + 001, or the item's last code with the prefix increased (I5).</summary>
    private string NextVariantCode(string item)
    {
        var prefix = settings.VariantPrefix;
        var last = index.VariantCodes(item)
            .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Max(StringComparer.Ordinal);
        var code = last is null ? prefix + "001" : ItemNumbers.Increase(last) ?? prefix + "001";
        while (index.Variant(item, code) is not null) code = ItemNumbers.Increase(code)!;
        if (code.Length > MaxVariantCode)
            throw new ImportException($"The next variant code of item {item} would be {code}, longer than {MaxVariantCode} characters. Shorten the shop's variantPrefix.");
        return code;
    }

    /// <summary>Business Central's CreateReferences: the barcode as a barcode reference (of the unit the variant stands
    /// for); with skuMapping Bar Code the SKU too; with Vendor Item No. the SKU as the item's vendor item no. and as a
    /// vendor reference. The item's row is needed only for the vendor item no.: it is read then (unless the caller holds
    /// it, <paramref name="read"/>), not for every variant.</summary>
    private void References(ImportedVariant variant, string itemNo, string code, VariantOutcome outcome, Item? read = null)
    {
        var unit = variant.Mirror.UnitOfMeasure;
        if (variant.Mirror.Barcode.Length > 0) Reference(itemNo, code, ReferenceType.BarCode, "", variant.Mirror.Barcode, outcome, unit);
        var sku = variant.Mirror.Sku;
        if (sku.Length == 0) return;
        if (settings.SkuMapping == SkuMapping.BarCode) Reference(itemNo, code, ReferenceType.BarCode, "", sku, outcome, unit);
        if (settings.SkuMapping != SkuMapping.VendorItemNo) return;
        var item = read ?? ReadItem(itemNo)!;
        if (item.VendorNo.Length == 0) return;
        if (code.Length == 0 && item.VendorItemNo != sku)
        {
            outcome.Updated(item.No, $"item {item.No}: VendorItemNo: '{item.VendorItemNo}' → '{sku}'");
            item.VendorItemNo = sku;
            erp.Upsert(ErpTables.Items, item, [ErpTables.Items.Key[0], ErpTables.Items.Column(nameof(Item.VendorItemNo))!]);
            index.Added(item);
        }
        Reference(item.No, code, ReferenceType.Vendor, item.VendorNo, sku, outcome);
    }

    /// <summary>Adds the reference unless it exists; one for a variant replaces the same one without a variant.</summary>
    private void Reference(string itemNo, string code, ReferenceType type, string typeNo, string referenceNo, VariantOutcome outcome, string unit = "")
    {
        var reference = new ItemReference { ItemNo = itemNo, VariantCode = code, UnitOfMeasure = unit, ReferenceType = type, ReferenceTypeNo = typeNo, ReferenceNo = referenceNo };
        if (erp.Upsert(ErpTables.ItemReferences, reference) != UpsertOutcome.Inserted) return;
        index.Added(reference);
        var what = type == ReferenceType.BarCode ? "barcode" : $"vendor {typeNo} reference";
        outcome.Updated(itemNo, $"new {what} {referenceNo} of {itemNo}{(code.Length > 0 ? "/" + code : "")}");
        if (code.Length == 0) return;
        var itemLevel = new ItemReference { ItemNo = itemNo, UnitOfMeasure = unit, ReferenceType = type, ReferenceTypeNo = typeNo, ReferenceNo = referenceNo };
        erp.Delete(ErpTables.ItemReferences, itemLevel);
    }

    private static void Link(ImportedVariant variant, string item, string code)
    {
        variant.Mirror.ItemNo = item;
        variant.Mirror.VariantCode = code;
        variant.Mirror.MappedByItem = code.Length == 0;
    }

    private Item? ReadItem(string no) => erp.Rows(ErpTables.Items, ("No", no)).FirstOrDefault();

    private ItemTemplate Template()
    {
        if (_template is not null) return _template;
        var code = settings.ItemTemplateCode;
        if (code.Length == 0)
            throw new ImportException("autoCreateUnknownItems is on but the shop has no itemTemplateCode. Set one (Set-ShopifyShop -ItemTemplateCode <code of item-templates.csv>).");
        return _template = erp.Rows(ErpTables.ItemTemplates, ("Code", code)).FirstOrDefault()
            ?? erp.Rows(ErpTables.ItemTemplates).FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportException($"Item template '{code}' (the shop's itemTemplateCode) is not in item-templates.csv. Add it, or set another with Set-ShopifyShop -ItemTemplateCode.");
    }

    private string ItemNosSeries(ItemTemplate template) =>
        erp.Rows(ErpTables.Setup, ("Key", SetupEntry.ItemNos)).FirstOrDefault()?.Value is { Length: > 0 } series ? series
        : throw new ImportException($"An item no. is needed but the SKU gives none, item template {template.Code} has no NoSeries and setup.csv has no ItemNos. Set one of them.");

    private static void Change(Item item, string column, string value, List<ErpColumn> changed, List<string> notes)
    {
        var erpColumn = ErpTables.Items.Column(column)!;
        var old = (string)erpColumn.GetValue(item)!;
        if (old == value) return;
        erpColumn.SetValue(item, value);
        changed.Add(erpColumn);
        notes.Add($"{column}: '{old}' → '{value}'");
    }

    /// <summary>The "namespace.key" of the product metafields mapped to item attributes: what an import reads back.</summary>
    public static IReadOnlyList<string> ImportedMetafieldKeys(ItemSettings settings) =>
        settings.Metafields.Where(m => m.Owner == MetafieldOwner.Product && m.Attribute.Length > 0).Select(m => m.ToString()).ToList();

    /// <summary>The item attributes mapped to product metafields take the values Shopify has; a metafield Shopify does not
    /// have erases nothing, and a value equal to the ERP's once converted to the metafield's type keeps the ERP's writing.</summary>
    private void Attributes(string itemNo, ShopifyProduct product, VariantOutcome outcome)
    {
        foreach (var mapping in settings.Metafields.Where(m => m.Owner == MetafieldOwner.Product && m.Attribute.Length > 0))
        {
            if (product.Metafields.FirstOrDefault(f => f.Namespace == mapping.Namespace && f.Key == mapping.Key) is not { } metafield) continue;
            var current = erp.Rows(ErpTables.ItemAttributes, ("ItemNo", itemNo)).FirstOrDefault(a => string.Equals(a.Attribute, mapping.Attribute, StringComparison.OrdinalIgnoreCase));
            if (current is not null && MetafieldTypes.Convert(mapping.Type, current.Value).Value == metafield.Value) continue;
            erp.Upsert(ErpTables.ItemAttributes, new ItemAttribute { ItemNo = itemNo, Attribute = current?.Attribute ?? mapping.Attribute, Value = metafield.Value });
            outcome.Updated(itemNo, $"item {itemNo}: attribute {mapping.Attribute}: '{current?.Value ?? ""}' → '{metafield.Value}' (metafield {mapping})");
        }
    }

    /// <summary>Business Central's marketing text from the product description (Sync Item Marketing Text): the item's text
    /// in the shop's language takes the description Shopify has; an empty description erases nothing.</summary>
    private void Marketing(string itemNo, ShopifyProduct product, VariantOutcome outcome)
    {
        if (product.DescriptionHtml.Length == 0) return;
        var current = erp.Rows(ErpTables.MarketingTexts, ("ItemNo", itemNo), ("LanguageCode", settings.LanguageCode)).FirstOrDefault();
        if (current?.Text == product.DescriptionHtml) return;
        erp.Upsert(ErpTables.MarketingTexts, new MarketingText { ItemNo = itemNo, LanguageCode = settings.LanguageCode, Text = product.DescriptionHtml });
        outcome.Updated(itemNo, $"item {itemNo}: marketing text{(settings.LanguageCode.Length > 0 ? $" ({settings.LanguageCode})" : "")} from the description ({product.DescriptionHtml.Length} characters)");
    }

    /// <summary>Business Central's Tariff No. and Country/Region of Origin Code from the inventory item. Only values Shopify
    /// has are taken (a blank one erases nothing), and a tariff no. whose digits are Shopify's code keeps its ERP writing.</summary>
    private static void Customs(Item item, ShopifyVariant variant, List<ErpColumn> changed, List<string> notes)
    {
        var code = variant.HarmonizedSystemCode;
        if (code.Length > 0 && CustomsData.Digits(item.TariffNo) != code) Change(item, nameof(Item.TariffNo), code, changed, notes);
        var country = variant.CountryCodeOfOrigin;
        if (country.Length > 0 && !string.Equals(item.CountryOfOrigin.Trim(), country, StringComparison.OrdinalIgnoreCase))
            Change(item, nameof(Item.CountryOfOrigin), country, changed, notes);
    }

    private static string Truncate(string text) => text.Length <= MaxDescription ? text : text[..MaxDescription];

    private static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
