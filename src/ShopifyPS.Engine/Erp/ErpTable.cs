using ShopifyPS.Erp.Model;

namespace ShopifyPS.Erp;

/// <summary>Where a row of an ERP table points at an item (and maybe one of its variants and units of measure); the
/// import refuses rows that point at an item, variant or unit that does not exist. A blank unit is the base unit.</summary>
public readonly record struct ItemLink(string ItemColumn, string ItemNo, string VariantCode, string Unit = "");

/// <summary>A problem with one field of one row: the column and what is wrong with it.</summary>
public sealed record RowProblem(string Column, string Reason);

/// <summary>
/// One file of the ERP data set (about_ShopifyPS, THE ERP DATA SET) and its table in the store: the model class, its columns (the
/// model's properties, named as in the file), the natural key the import upserts by, and the rules a row must
/// satisfy beyond the types of its fields.
/// </summary>
public abstract class ErpTable
{
    private readonly Dictionary<string, ErpColumn> _byName;

    private protected ErpTable(string fileName, Type rowType, string[] key, string[] required)
    {
        FileName = fileName;
        TableName = Path.GetFileNameWithoutExtension(fileName).Replace('-', '_');
        RowType = rowType;
        Columns = rowType.GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => new ErpColumn(p, key.Contains(p.Name), required.Contains(p.Name)))
            .ToList();
        _byName = Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        Key = key.Select(k => _byName[k]).ToList();
    }

    /// <summary>The file name in the data set folder, e.g. <c>items.csv</c>.</summary>
    public string FileName { get; }
    /// <summary>The table in the store, e.g. <c>items</c>.</summary>
    public string TableName { get; }
    public Type RowType { get; }
    public IReadOnlyList<ErpColumn> Columns { get; }
    public IReadOnlyList<ErpColumn> Key { get; }

    /// <summary>The column of that name (any case), or null.</summary>
    public ErpColumn? Column(string name) => _byName.GetValueOrDefault(name);

    internal abstract object NewRow();

    internal abstract ItemLink? LinkOf(object row);

    internal abstract RowProblem? Check(object row);

    /// <summary>A rule between the row and the item it points at (read by the import's link check).</summary>
    internal abstract RowProblem? CheckAgainst(object row, Item item);

    /// <summary>A value the row may hold but that will not work as meant (Shopify refuses it, or it can never apply):
    /// the row loads and the import warns.</summary>
    internal abstract RowProblem? Warn(object row);

    internal abstract UpsertOutcome Upsert(IErpStore store, object row, IReadOnlyCollection<ErpColumn> columns);

    /// <summary>The key as one string (for duplicate detection and messages): the key values joined by a unit separator.</summary>
    internal string KeyText(object row) => string.Join('\u001f', Key.Select(c => c.ToDatabase(c.GetValue(row))));

    /// <summary>The key for people: <c>ItemNo=1000, Code=RED</c>.</summary>
    public string DescribeKey(object row) => string.Join(", ", Key.Select(c => $"{c.Name}={c.ToDatabase(c.GetValue(row))}"));

    public override string ToString() => FileName;
}

/// <summary>An <see cref="ErpTable"/> whose rows are <typeparamref name="T"/>.</summary>
public sealed class ErpTable<T> : ErpTable where T : class, new()
{
    private readonly Func<T, ItemLink?>? _link;
    private readonly Func<T, RowProblem?>? _check;
    private readonly Func<T, RowProblem?>? _warn;
    private readonly Func<T, Item, RowProblem?>? _againstItem;

    internal ErpTable(string fileName, string[] key, string[]? required = null, Func<T, ItemLink?>? link = null,
        Func<T, RowProblem?>? check = null, Func<T, RowProblem?>? warn = null, Func<T, Item, RowProblem?>? againstItem = null)
        : base(fileName, typeof(T), key, required ?? key)
    {
        _link = link;
        _check = check;
        _warn = warn;
        _againstItem = againstItem;
    }

    internal override object NewRow() => new T();

    /// <summary>Builds a row from named values (a script's object, a JSON object): names are matched to columns in
    /// any case and names that are not columns are ignored. Returns the row and the columns that were given.</summary>
    /// <exception cref="ArgumentException">A value does not fit its column.</exception>
    public (T Row, IReadOnlyList<ErpColumn> Columns) RowFrom(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var row = new T();
        var given = new List<ErpColumn>();
        foreach (var (name, value) in values)
        {
            if (Column(name) is not { } column || given.Contains(column)) continue;
            if (!column.TryConvert(value, out var converted))
                throw new ArgumentException($"{column.Name} '{value}' is not {column.Expected}.");
            column.SetValue(row, converted);
            given.Add(column);
        }
        return (row, given);
    }

    internal override ItemLink? LinkOf(object row) => _link?.Invoke((T)row);

    internal override RowProblem? Check(object row) => _check?.Invoke((T)row);

    internal override RowProblem? Warn(object row) => _warn?.Invoke((T)row);

    internal override RowProblem? CheckAgainst(object row, Item item) => _againstItem?.Invoke((T)row, item);

    internal override UpsertOutcome Upsert(IErpStore store, object row, IReadOnlyCollection<ErpColumn> columns) => store.Upsert(this, (T)row, columns);
}

/// <summary>The files of the ERP data set, in the order an import loads them (what rows refer to comes first).</summary>
public static class ErpTables
{
    private static readonly string[] None = [];

    public static readonly ErpTable<SetupEntry> Setup = new("setup.csv", ["Key"]);
    public static readonly ErpTable<Currency> Currencies = new("currencies.csv", ["Code"]);
    public static readonly ErpTable<ExchangeRate> ExchangeRates = new("exchange-rates.csv", ["CurrencyCode", "StartingDate"],
        check: r => r.ExchangeRateAmount <= 0 || r.RelationalExchangeRateAmount <= 0
            ? new RowProblem(r.ExchangeRateAmount <= 0 ? "ExchangeRateAmount" : "RelationalExchangeRateAmount", "must be greater than 0")
            : null);
    public static readonly ErpTable<VatSetup> VatSetup = new("vat-setup.csv", ["VatBusPostingGroup", "VatProdPostingGroup"], required: None);
    public static readonly ErpTable<CustomerTemplate> CustomerTemplates = new("customer-templates.csv", ["Code"]);
    public static readonly ErpTable<NoSeries> NoSeries = new("no-series.csv", ["Code"]);
    public static readonly ErpTable<ItemTemplate> ItemTemplates = new("item-templates.csv", ["Code"]);
    public static readonly ErpTable<Vendor> Vendors = new("vendors.csv", ["No"]);
    public static readonly ErpTable<ItemCategory> ItemCategories = new("item-categories.csv", ["Code"]);
    public static readonly ErpTable<Location> Locations = new("locations.csv", ["Code"]);
    public static readonly ErpTable<Item> Items = new("items.csv", ["No"],
        warn: r => Negative("UnitPrice", r.UnitPrice, "price") ?? Negative("UnitCost", r.UnitCost, "cost") ?? Customs(r));
    public static readonly ErpTable<ItemVariant> ItemVariants = new("item-variants.csv", ["ItemNo", "Code"],
        link: r => new ItemLink("ItemNo", r.ItemNo, ""));
    public static readonly ErpTable<ItemUnitOfMeasure> ItemUnitsOfMeasure = new("item-units-of-measure.csv", ["ItemNo", "Code"],
        required: ["ItemNo", "Code", "QtyPerUnitOfMeasure"], link: r => new ItemLink("ItemNo", r.ItemNo, ""),
        check: r => r.QtyPerUnitOfMeasure <= 0 ? new RowProblem("QtyPerUnitOfMeasure", "must be greater than 0 (how many base units one of this unit holds)") : null,
        againstItem: (r, item) => r.Code == item.BaseUnitOfMeasure && r.QtyPerUnitOfMeasure != 1
            ? new RowProblem("QtyPerUnitOfMeasure", $"must be 1 for {r.Code}, the base unit of measure of item '{item.No}'")
            : null);
    public static readonly ErpTable<ItemReference> ItemReferences = new("item-references.csv",
        ["ItemNo", "VariantCode", "UnitOfMeasure", "ReferenceType", "ReferenceTypeNo", "ReferenceNo"], required: ["ItemNo", "ReferenceNo"],
        link: r => new ItemLink("ItemNo", r.ItemNo, r.VariantCode, r.UnitOfMeasure));
    public static readonly ErpTable<ItemVendor> ItemVendors = new("item-vendors.csv", ["ItemNo", "VariantCode", "VendorNo"], required: ["ItemNo", "VendorNo"],
        link: r => new ItemLink("ItemNo", r.ItemNo, r.VariantCode));
    public static readonly ErpTable<ItemTranslation> ItemTranslations = new("item-translations.csv", ["ItemNo", "VariantCode", "LanguageCode"],
        required: ["ItemNo", "LanguageCode"], link: r => new ItemLink("ItemNo", r.ItemNo, r.VariantCode));
    public static readonly ErpTable<ItemAttribute> ItemAttributes = new("item-attributes.csv", ["ItemNo", "Attribute"],
        link: r => new ItemLink("ItemNo", r.ItemNo, ""));
    public static readonly ErpTable<AttributeTranslation> AttributeTranslations = new("attribute-translations.csv", ["Attribute", "Value", "LanguageCode"],
        required: ["Attribute", "LanguageCode"]);
    public static readonly ErpTable<ExtendedTextLine> ExtendedTexts = new("extended-texts.csv", ["ItemNo", "LanguageCode", "StartingDate", "LineNo"],
        required: ["ItemNo", "LineNo"], link: r => new ItemLink("ItemNo", r.ItemNo, ""),
        check: r => !r.AllLanguages && r.LanguageCode.Length == 0 ? new RowProblem("LanguageCode", "is required unless AllLanguages is true") : null,
        warn: r => EndsBeforeItStarts(r.StartingDate, r.EndingDate, "text"));
    public static readonly ErpTable<MarketingText> MarketingTexts = new("marketing-texts.csv", ["ItemNo", "LanguageCode"], required: ["ItemNo"],
        link: r => new ItemLink("ItemNo", r.ItemNo, ""));
    public static readonly ErpTable<SalesPrice> SalesPrices = new("sales-prices.csv",
        ["ItemNo", "VariantCode", "UnitOfMeasure", "SourceType", "SourceCode", "CurrencyCode", "StartingDate", "MinimumQuantity"], required: ["ItemNo"],
        link: r => new ItemLink("ItemNo", r.ItemNo, r.VariantCode, r.UnitOfMeasure),
        check: r => r.SourceType == SalesPriceSourceType.CustomerPriceGroup && r.SourceCode.Length == 0
            ? new RowProblem("SourceCode", "is required when SourceType is CustomerPriceGroup (the customer price group)")
            : null,
        warn: r => Negative("UnitPrice", r.UnitPrice, "price") ?? EndsBeforeItStarts(r.StartingDate, r.EndingDate, "price"));
    public static readonly ErpTable<SalesLineDiscount> SalesLineDiscounts = new("sales-line-discounts.csv",
        ["Type", "Code", "VariantCode", "SourceType", "SourceCode", "CurrencyCode", "StartingDate", "MinimumQuantity"], required: ["Code"],
        link: r => r.Type == LineDiscountType.Item ? new ItemLink("Code", r.Code, r.VariantCode) : null,
        check: r => r.SourceType == LineDiscountSourceType.CustomerDiscGroup && r.SourceCode.Length == 0
            ? new RowProblem("SourceCode", "is required when SourceType is CustomerDiscGroup (the customer discount group)")
            : null,
        warn: r => EndsBeforeItStarts(r.StartingDate, r.EndingDate, "discount"));
    public static readonly ErpTable<StockEntry> Stock = new("stock.csv", ["ItemNo", "VariantCode", "LocationCode"], required: ["ItemNo", "LocationCode"],
        link: r => new ItemLink("ItemNo", r.ItemNo, r.VariantCode));

    // Shopify refuses a negative price or cost (money amounts must not be negative), so the product would fail at export.
    private static RowProblem? Negative(string column, decimal value, string what) => value < 0
        ? new RowProblem(column, $"is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; Shopify refuses a negative {what}, so this item's product cannot be exported until it is corrected.")
        : null;

    /// <summary>Customs data Shopify would refuse: the item is loaded, and its export fails until it is corrected.</summary>
    private static RowProblem? Customs(Item item) =>
        Sync.Export.CustomsData.TariffNoProblem(item.TariffNo) is { } tariff ? new RowProblem("TariffNo", Exported(tariff))
        : Sync.Export.CustomsData.CountryProblem(item.CountryOfOrigin) is { } country ? new RowProblem("CountryOfOrigin", Exported(country))
        : null;

    private static string Exported(string problem) =>
        problem + " Until then the item's product cannot be exported while items.syncHsCodeAndCountry is on.";

    private static RowProblem? EndsBeforeItStarts(DateOnly? starting, DateOnly? ending, string what) => starting > ending
        ? new RowProblem("EndingDate", FormattableString.Invariant($"{ending:yyyy-MM-dd} is before the StartingDate {starting:yyyy-MM-dd}, so this {what} never applies; correct one of the dates."))
        : null;

    /// <summary>Every file, in load order.</summary>
    public static IReadOnlyList<ErpTable> All { get; } =
    [
        Setup, Currencies, ExchangeRates, VatSetup, CustomerTemplates, NoSeries, ItemTemplates, Vendors, ItemCategories,
        Locations, Items, ItemVariants, ItemUnitsOfMeasure, ItemReferences, ItemVendors, ItemTranslations, ItemAttributes, AttributeTranslations,
        ExtendedTexts, MarketingTexts, SalesPrices, SalesLineDiscounts, Stock,
    ];
}
