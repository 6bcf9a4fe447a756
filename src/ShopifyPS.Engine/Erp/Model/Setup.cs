namespace ShopifyPS.Erp.Model;

/// <summary>item-templates.csv: what items created from Shopify get (I2).</summary>
public sealed class ItemTemplate
{
    public string Code { get; set; } = "";
    public ItemType Type { get; set; }
    public string BaseUnitOfMeasure { get; set; } = "";
    public string ItemCategoryCode { get; set; } = "";
    public string VatProdPostingGroup { get; set; } = "";
    public string ItemDiscGroup { get; set; } = "";
    public string NoSeries { get; set; } = "";
}

/// <summary>no-series.csv: item numbers for created items when the SKU gives none (I3).</summary>
public sealed class NoSeries
{
    public string Code { get; set; } = "";
    public string StartingNo { get; set; } = "";
    public string LastNoUsed { get; set; } = "";
}

/// <summary>setup.csv: key/value settings of the ERP company (LocalCurrencyCode, ItemNos).</summary>
public sealed class SetupEntry
{
    public const string LocalCurrencyCode = "LocalCurrencyCode";
    public const string ItemNos = "ItemNos";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
