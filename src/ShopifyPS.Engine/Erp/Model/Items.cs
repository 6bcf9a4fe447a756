namespace ShopifyPS.Erp.Model;

// The item tables of the ERP data set (about_ShopifyPS, THE ERP DATA SET). Property names are the CSV column names, so
// Get-ShopifyItem | Export-Csv and Import-Csv | Set-ShopifyItem round-trip.

public enum ItemType { Inventory, NonInventory, Service }

public enum ReferenceType { BarCode, Vendor }

/// <summary>items.csv (not sealed: <see cref="ErpItem"/>, what Get-ShopifyItem writes, adds variants, barcodes and mapping).</summary>
public class Item
{
    public string No { get; set; } = "";
    public string Description { get; set; } = "";
    public ItemType Type { get; set; }
    public string BaseUnitOfMeasure { get; set; } = "";
    /// <summary>The unit Shopify sells the item in; blank = the base unit.</summary>
    public string SalesUnitOfMeasure { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public bool PriceIncludesVat { get; set; }
    public decimal UnitCost { get; set; }
    public decimal GrossWeight { get; set; }
    public string VendorNo { get; set; } = "";
    public string VendorItemNo { get; set; } = "";
    public string ItemCategoryCode { get; set; } = "";
    public string ItemDiscGroup { get; set; } = "";
    public string VatProdPostingGroup { get; set; } = "";
    public bool Blocked { get; set; }
    public bool SalesBlocked { get; set; }
    public string PicturePath { get; set; } = "";
    /// <summary>The customs tariff no. (harmonized system code); Shopify gets its digits.</summary>
    public string TariffNo { get; set; } = "";
    /// <summary>The two-letter ISO 3166-1 code of the country the item was made in.</summary>
    public string CountryOfOrigin { get; set; } = "";
}

/// <summary>item-variants.csv</summary>
public sealed class ItemVariant
{
    public string ItemNo { get; set; } = "";
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Blocked { get; set; }
    public string PicturePath { get; set; } = "";

    /// <summary>The code: what a list of variants shows.</summary>
    public override string ToString() => Code;
}

/// <summary>item-units-of-measure.csv: the units an item comes in besides its base unit (a BOX of 12 PCS).</summary>
public sealed class ItemUnitOfMeasure
{
    public string ItemNo { get; set; } = "";
    public string Code { get; set; } = "";
    /// <summary>How many base units one of this unit holds.</summary>
    public decimal QtyPerUnitOfMeasure { get; set; } = 1;

    /// <summary>The code: what a list of units shows.</summary>
    public override string ToString() => Code;
}

/// <summary>item-references.csv: barcodes (I6) and vendor references (I3 VendorItemNo).</summary>
public sealed class ItemReference
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public string UnitOfMeasure { get; set; } = "";
    public ReferenceType ReferenceType { get; set; }
    public string ReferenceTypeNo { get; set; } = "";
    public string ReferenceNo { get; set; } = "";

    /// <summary>The reference no. (the barcode): what a list of barcodes shows.</summary>
    public override string ToString() => ReferenceNo;
}

/// <summary>item-vendors.csv: the item vendor catalog (I3 VendorItemNo maps variants through it).</summary>
public sealed class ItemVendor
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public string VendorNo { get; set; } = "";
    public string VendorItemNo { get; set; } = "";
}

/// <summary>item-translations.csv (E5).</summary>
public sealed class ItemTranslation
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public string LanguageCode { get; set; } = "";
    public string Description { get; set; } = "";
}
