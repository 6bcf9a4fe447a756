using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// The ERP lookups that mapping and item creation make for every Shopify variant, held in memory for one run: item
/// numbers, item variants, item references, the item vendor catalog, vendors and item categories. Each table is read
/// once, when first needed (a run with nothing to map reads none). Codes compare ignoring case, as Business Central's
/// Code fields do. Rows the run creates are added, so a later variant of the same run finds them.
/// </summary>
internal sealed class ErpIndex(IErpStore erp)
{
    private static readonly StringComparer Codes = StringComparer.OrdinalIgnoreCase;

    private Dictionary<string, ItemKeys>? _items;
    private Dictionary<string, List<ItemKeys>>? _itemsByVendorItemNo;
    private Dictionary<string, List<ItemVariant>>? _variantsByItem;
    private Dictionary<string, List<ItemVariant>>? _variantsByCode;
    private Dictionary<string, List<ItemReference>>? _references;
    private Dictionary<string, List<ItemVendor>>? _itemVendors;
    private List<Vendor>? _vendors;
    private List<ItemCategory>? _categories;

    /// <summary>What the index keeps of an item: enough to find it, not the whole row.</summary>
    private sealed record ItemKeys(string No, string VendorNo, string VendorItemNo);

    /// <summary>Forgets everything read, so the next lookup reads the store again (after a rolled-back write).</summary>
    public void Reset()
    {
        _items = null;
        _itemsByVendorItemNo = null;
        _variantsByItem = _variantsByCode = null;
        _references = null;
        _itemVendors = null;
        _vendors = null;
        _categories = null;
    }

    /// <summary>The stored item no. of the item <paramref name="no"/> (any case), or null.</summary>
    public string? Item(string no) => no.Length > 0 && Items().TryGetValue(no, out var item) ? item.No : null;

    /// <summary>An item whose vendor and vendor item no. are these (Business Central's ExistItem for Vendor Item No.).</summary>
    public string? ItemOfVendorItemNo(string vendorNo, string vendorItemNo)
    {
        Items();
        return _itemsByVendorItemNo!.TryGetValue(vendorItemNo, out var items)
            ? items.Where(i => Codes.Equals(i.VendorNo, vendorNo)).Select(i => i.No).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    /// <summary>The stored code of the item's variant <paramref name="code"/> (any case), or null.</summary>
    public string? Variant(string itemNo, string code) =>
        VariantsByItem().TryGetValue(itemNo, out var variants) ? variants.FirstOrDefault(v => Codes.Equals(v.Code, code))?.Code : null;

    /// <summary>The first variant (in item no., code order) of any item whose code is <paramref name="code"/>.</summary>
    public ItemVariant? FirstVariantWithCode(string code)
    {
        VariantsByItem();
        return _variantsByCode!.TryGetValue(code, out var variants)
            ? variants.OrderBy(v => v.ItemNo, StringComparer.Ordinal).ThenBy(v => v.Code, StringComparer.Ordinal).First()
            : null;
    }

    public IEnumerable<string> VariantCodes(string itemNo) =>
        VariantsByItem().TryGetValue(itemNo, out var variants) ? variants.Select(v => v.Code) : [];

    /// <summary>The last reference (in key order, as Business Central's FindLast) of the type with this reference no.;
    /// with <paramref name="typeNo"/> only that vendor's.</summary>
    public ItemReference? LastReference(string referenceNo, ReferenceType type, string? typeNo = null)
    {
        if (referenceNo.Length == 0 || !References().TryGetValue(referenceNo, out var references)) return null;
        return references
            .Where(r => r.ReferenceType == type && (typeNo is null || Codes.Equals(r.ReferenceTypeNo, typeNo)))
            .OrderBy(r => r.ItemNo, StringComparer.Ordinal).ThenBy(r => r.VariantCode, StringComparer.Ordinal)
            .ThenBy(r => r.UnitOfMeasure, StringComparer.Ordinal).ThenBy(r => r.ReferenceTypeNo, StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>The first item vendor catalog row (in key order) with this vendor item no.; with
    /// <paramref name="vendorNo"/> only that vendor's.</summary>
    public ItemVendor? FirstItemVendor(string vendorItemNo, string? vendorNo)
    {
        if (!ItemVendors().TryGetValue(vendorItemNo, out var rows)) return null;
        return rows
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

    public void Added(Item item)
    {
        if (_items is null) return;
        var keys = new ItemKeys(item.No, item.VendorNo, item.VendorItemNo);
        if (_items.TryGetValue(item.No, out var old) && old.VendorItemNo.Length > 0) _itemsByVendorItemNo![old.VendorItemNo].Remove(old);
        _items[item.No] = keys;
        if (keys.VendorItemNo.Length > 0) ListOf(_itemsByVendorItemNo!, keys.VendorItemNo).Add(keys);
    }

    public void Added(ItemVariant variant)
    {
        if (_variantsByItem is null) return;
        ListOf(_variantsByItem, variant.ItemNo).Add(variant);
        ListOf(_variantsByCode!, variant.Code).Add(variant);
    }

    public void Added(ItemReference reference)
    {
        if (_references is not null) ListOf(_references, reference.ReferenceNo).Add(reference);
    }

    public void Removed(ItemReference reference)
    {
        if (_references is not null && _references.TryGetValue(reference.ReferenceNo, out var list))
            list.RemoveAll(r => r.ItemNo == reference.ItemNo && r.VariantCode == reference.VariantCode && r.UnitOfMeasure == reference.UnitOfMeasure
                && r.ReferenceType == reference.ReferenceType && r.ReferenceTypeNo == reference.ReferenceTypeNo && r.ReferenceNo == reference.ReferenceNo);
    }

    private Dictionary<string, ItemKeys> Items()
    {
        if (_items is not null) return _items;
        var items = new Dictionary<string, ItemKeys>(Codes);
        var byVendorItemNo = new Dictionary<string, List<ItemKeys>>(Codes);
        foreach (var item in erp.FindItems(new ItemQuery()))
        {
            var keys = new ItemKeys(item.No, item.VendorNo, item.VendorItemNo);
            items.TryAdd(item.No, keys);
            if (keys.VendorItemNo.Length > 0) ListOf(byVendorItemNo, keys.VendorItemNo).Add(keys);
        }
        _itemsByVendorItemNo = byVendorItemNo;
        return _items = items;
    }

    private Dictionary<string, List<ItemVariant>> VariantsByItem()
    {
        if (_variantsByItem is not null) return _variantsByItem;
        var byItem = new Dictionary<string, List<ItemVariant>>(Codes);
        var byCode = new Dictionary<string, List<ItemVariant>>(Codes);
        foreach (var variant in erp.Rows(ErpTables.ItemVariants))
        {
            ListOf(byItem, variant.ItemNo).Add(variant);
            ListOf(byCode, variant.Code).Add(variant);
        }
        _variantsByCode = byCode;
        return _variantsByItem = byItem;
    }

    private Dictionary<string, List<ItemReference>> References() =>
        _references ??= Group(erp.Rows(ErpTables.ItemReferences), r => r.ReferenceNo);

    private Dictionary<string, List<ItemVendor>> ItemVendors() =>
        _itemVendors ??= Group(erp.Rows(ErpTables.ItemVendors).Where(v => v.VendorItemNo.Length > 0), v => v.VendorItemNo);

    private List<Vendor> Vendors() => _vendors ??= erp.Rows(ErpTables.Vendors).ToList();

    private List<ItemCategory> Categories() => _categories ??= erp.Rows(ErpTables.ItemCategories).ToList();

    private static Dictionary<string, List<T>> Group<T>(IEnumerable<T> rows, Func<T, string> key)
    {
        var groups = new Dictionary<string, List<T>>(Codes);
        foreach (var row in rows) ListOf(groups, key(row)).Add(row);
        return groups;
    }

    private static List<T> ListOf<T>(Dictionary<string, List<T>> groups, string key)
    {
        if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
        return list;
    }
}
