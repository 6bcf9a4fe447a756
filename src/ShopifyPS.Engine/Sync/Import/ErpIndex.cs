using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// The ERP lookups that mapping and item creation make for every Shopify variant, answered by the store's indexes so
/// that a run's memory does not grow with the catalog: item numbers, item variants, item references and the item
/// vendor catalog are read row by row as asked (the store's open transaction holds what the run created, so a later
/// variant of the same run finds it). Codes compare ignoring case, as Business Central's Code fields do
/// (<see cref="CodeSpellings"/> makes the index serve that). The items last asked for, with their variant codes, are kept
/// (at most <see cref="CachedItems"/>: a product's variants ask for the same item again and again); vendors and item
/// categories, small tables, are read whole once.
/// </summary>
internal sealed class ErpIndex(IErpStore erp)
{
    /// <summary>How many items (with their variant codes) are kept between look-ups.</summary>
    internal const int CachedItems = 256;

    private static readonly StringComparer Codes = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, CachedItem> _items = new(Codes);
    private CodeSpellings? _itemNos, _variantCodes, _referenceNos, _itemVendorItemNos, _catalogVendorItemNos;
    private List<Vendor>? _vendors;
    private List<ItemCategory>? _categories;

    /// <summary>The stored numbers of the items an item no. names ignoring case, in item no. order, and, once asked
    /// for, their variants' codes in key order and then those the run added.</summary>
    private sealed class CachedItem(IReadOnlyList<string> nos)
    {
        public IReadOnlyList<string> Nos { get; } = nos;
        public List<string>? VariantCodes { get; set; }
    }

    /// <summary>How many items are kept now (for tests of the bound).</summary>
    internal int CachedItemCount => _items.Count;

    /// <summary>Forgets everything read, so the next lookup reads the store again (after a rolled-back write).</summary>
    public void Reset()
    {
        _items.Clear();
        _itemNos = _variantCodes = _referenceNos = _itemVendorItemNos = _catalogVendorItemNos = null;
        _vendors = null;
        _categories = null;
    }

    /// <summary>The stored item no. of the item <paramref name="no"/> (any case), or null.</summary>
    public string? Item(string no) => no.Length > 0 ? Cached(no).Nos.FirstOrDefault() : null;

    /// <summary>An item whose vendor and vendor item no. are these (Business Central's ExistItem for Vendor Item No.).</summary>
    public string? ItemOfVendorItemNo(string vendorNo, string vendorItemNo)
    {
        if (vendorItemNo.Length == 0) return null;
        _itemVendorItemNos ??= new CodeSpellings(erp.Values(ErpTables.Items, nameof(Erp.Model.Item.VendorItemNo)), storeFoldsAscii: false);
        return _itemVendorItemNos.Of(vendorItemNo)
            .SelectMany(spelling => erp.Rows(ErpTables.Items, (nameof(Erp.Model.Item.VendorItemNo), spelling)))
            .Where(i => Codes.Equals(i.VendorNo, vendorNo)).Select(i => i.No).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>The stored code of the item's variant <paramref name="code"/> (any case), or null.</summary>
    public string? Variant(string itemNo, string code) => VariantsOf(itemNo).FirstOrDefault(c => Codes.Equals(c, code));

    /// <summary>The first variant (in item no., code order) of any item whose code is <paramref name="code"/>.</summary>
    public ItemVariant? FirstVariantWithCode(string code)
    {
        _variantCodes ??= new CodeSpellings(erp.Values(ErpTables.ItemVariants, nameof(ItemVariant.Code)), storeFoldsAscii: true);
        return _variantCodes.Of(code)
            .SelectMany(spelling => erp.RowsIgnoringCase(ErpTables.ItemVariants, nameof(ItemVariant.Code), spelling))
            .OrderBy(v => v.ItemNo, StringComparer.Ordinal).ThenBy(v => v.Code, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public IEnumerable<string> VariantCodes(string itemNo) => VariantsOf(itemNo);

    /// <summary>The last reference (in key order, as Business Central's FindLast) of the type with this reference no.;
    /// with <paramref name="typeNo"/> only that vendor's.</summary>
    public ItemReference? LastReference(string referenceNo, ReferenceType type, string? typeNo = null)
    {
        if (referenceNo.Length == 0) return null;
        _referenceNos ??= new CodeSpellings(erp.Values(ErpTables.ItemReferences, nameof(ItemReference.ReferenceNo)), storeFoldsAscii: false);
        return _referenceNos.Of(referenceNo)
            .SelectMany(spelling => erp.Rows(ErpTables.ItemReferences, (nameof(ItemReference.ReferenceNo), spelling), (nameof(ItemReference.ReferenceType), type)))
            .Where(r => typeNo is null || Codes.Equals(r.ReferenceTypeNo, typeNo))
            .OrderBy(r => r.ItemNo, StringComparer.Ordinal).ThenBy(r => r.VariantCode, StringComparer.Ordinal)
            .ThenBy(r => r.UnitOfMeasure, StringComparer.Ordinal).ThenBy(r => r.ReferenceTypeNo, StringComparer.Ordinal)
            .ThenBy(r => r.ReferenceNo, StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>The first item vendor catalog row (in key order) with this vendor item no.; with
    /// <paramref name="vendorNo"/> only that vendor's.</summary>
    public ItemVendor? FirstItemVendor(string vendorItemNo, string? vendorNo)
    {
        if (vendorItemNo.Length == 0) return null;
        _catalogVendorItemNos ??= new CodeSpellings(erp.Values(ErpTables.ItemVendors, nameof(ItemVendor.VendorItemNo)), storeFoldsAscii: false);
        return _catalogVendorItemNos.Of(vendorItemNo)
            .SelectMany(spelling => erp.Rows(ErpTables.ItemVendors, (nameof(ItemVendor.VendorItemNo), spelling)))
            .Where(r => vendorNo is null || Codes.Equals(r.VendorNo, vendorNo))
            .OrderBy(r => r.ItemNo, StringComparer.Ordinal).ThenBy(r => r.VariantCode, StringComparer.Ordinal).ThenBy(r => r.VendorNo, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public Vendor? VendorByNo(string no) => Vendors().FirstOrDefault(v => Codes.Equals(v.No, no));

    /// <summary>The first vendor (in no. order) whose name is <paramref name="name"/>, ignoring case (Business Central's '@' filter).</summary>
    public Vendor? VendorByName(string name) => name.Length == 0 ? null : Vendors().FirstOrDefault(v => Codes.Equals(v.Name, name));

    /// <summary>The first item category (in code order) whose description is <paramref name="description"/>, ignoring case.</summary>
    public ItemCategory? CategoryByDescription(string description) =>
        description.Length == 0 ? null : Categories().FirstOrDefault(c => Codes.Equals(c.Description, description));

    /// <summary>An item the run created or changed: it is read again when next asked for.</summary>
    public void Added(Item item)
    {
        _items.Remove(item.No);
        _itemNos?.Add(item.No);
        _itemVendorItemNos?.Add(item.VendorItemNo);
    }

    public void Added(ItemVariant variant)
    {
        if (_items.TryGetValue(variant.ItemNo, out var item)) item.VariantCodes?.Add(variant.Code);
        _variantCodes?.Add(variant.Code);
    }

    public void Added(ItemReference reference) => _referenceNos?.Add(reference.ReferenceNo);

    private CachedItem Cached(string no)
    {
        if (_items.TryGetValue(no, out var item)) return item;
        _itemNos ??= new CodeSpellings(erp.Values(ErpTables.Items, nameof(Erp.Model.Item.No)), storeFoldsAscii: true);
        var nos = _itemNos.Of(no)
            .SelectMany(spelling => erp.ValuesWhere(ErpTables.Items, nameof(Erp.Model.Item.No), nameof(Erp.Model.Item.No), spelling, ignoringCase: true))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Bounded simply: a run asks for the items of one product at a time, so starting over costs one read each.
        if (_items.Count >= CachedItems) _items.Clear();
        return _items[no] = new CachedItem(nos);
    }

    private List<string> VariantsOf(string itemNo)
    {
        var item = Cached(itemNo);
        return item.VariantCodes ??= item.Nos.SelectMany(no => erp.ValuesWhere(ErpTables.ItemVariants, nameof(ItemVariant.Code), nameof(ItemVariant.ItemNo), no)).ToList();
    }

    private List<Vendor> Vendors() => _vendors ??= erp.Rows(ErpTables.Vendors).ToList();

    private List<ItemCategory> Categories() => _categories ??= erp.Rows(ErpTables.ItemCategories).ToList();
}
