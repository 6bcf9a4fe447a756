namespace ShopifyPS.Erp.Model;

// The price tables of the ERP data set (E2, P1–P4, S6).

public enum SalesPriceSourceType { AllCustomers, CustomerPriceGroup }

public enum LineDiscountType { Item, ItemDiscGroup }

public enum LineDiscountSourceType { AllCustomers, CustomerDiscGroup }

/// <summary>sales-prices.csv</summary>
public sealed class SalesPrice
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    /// <summary>The unit the price is for; blank = the base unit.</summary>
    public string UnitOfMeasure { get; set; } = "";
    public SalesPriceSourceType SourceType { get; set; }
    public string SourceCode { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public DateOnly? StartingDate { get; set; }
    public DateOnly? EndingDate { get; set; }
    public decimal MinimumQuantity { get; set; }
    public decimal UnitPrice { get; set; }
    public bool PriceIncludesVat { get; set; }
    public bool AllowLineDisc { get; set; } = true;
}

/// <summary>sales-line-discounts.csv</summary>
public sealed class SalesLineDiscount
{
    public LineDiscountType Type { get; set; }
    /// <summary>The item no. (Type Item) or the item discount group (Type ItemDiscGroup).</summary>
    public string Code { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public LineDiscountSourceType SourceType { get; set; }
    public string SourceCode { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public DateOnly? StartingDate { get; set; }
    public DateOnly? EndingDate { get; set; }
    public decimal MinimumQuantity { get; set; }
    public decimal LineDiscountPercent { get; set; }
}

/// <summary>currencies.csv</summary>
public sealed class Currency
{
    public string Code { get; set; } = "";
    /// <summary>Prices in this currency are rounded to this precision (e.g. 0.01).</summary>
    public decimal UnitAmountRoundingPrecision { get; set; } = 0.01m;
}

/// <summary>exchange-rates.csv: ExchangeRateAmount units of the currency = RelationalExchangeRateAmount units of local currency.</summary>
public sealed class ExchangeRate
{
    public string CurrencyCode { get; set; } = "";
    public DateOnly StartingDate { get; set; }
    public decimal ExchangeRateAmount { get; set; }
    public decimal RelationalExchangeRateAmount { get; set; }
}

/// <summary>vat-setup.csv</summary>
public sealed class VatSetup
{
    public string VatBusPostingGroup { get; set; } = "";
    public string VatProdPostingGroup { get; set; } = "";
    public decimal VatPercent { get; set; }
}

/// <summary>customer-templates.csv: the tax context of shop prices (E2, P4).</summary>
public sealed class CustomerTemplate
{
    public string Code { get; set; } = "";
    public string VatBusPostingGroup { get; set; } = "";
    public bool PricesIncludingVat { get; set; }
    public bool AllowLineDisc { get; set; } = true;
}
