namespace ShopifyPS.Sync.Prices;

/// <summary>A price cannot be calculated because the ERP setup lacks something; its ErrorId is stable.</summary>
public abstract class PriceCalculationException(ErrorId error, string message) : ShopifyPSException(error, message);

/// <summary>The shop currency (S6) has no exchange rate starting on or before the price date.</summary>
public sealed class MissingExchangeRateException(string currencyCode, DateOnly date)
    : PriceCalculationException(ErrorCatalog.ExchangeRateMissing,
        $"Currency '{currencyCode}' has no exchange rate starting on or before {date:yyyy-MM-dd}. " +
        $"Add one to exchange-rates.csv (ExchangeRateAmount and RelationalExchangeRateAmount above 0) and import it again.")
{
    public string CurrencyCode { get; } = currencyCode;
    public DateOnly Date { get; } = date;
}

/// <summary>The profile's customerTemplateCode (E2, P4) is not in customer-templates.csv.</summary>
public sealed class UnknownCustomerTemplateException(string code)
    : PriceCalculationException(ErrorCatalog.CustomerTemplateUnknown,
        $"Customer template '{code}' (prices.customerTemplateCode) is not in the ERP data. " +
        "Add it to customer-templates.csv or change the shop's customerTemplateCode.")
{
    public string Code { get; } = code;
}

/// <summary>A price has to change between incl. and excl. VAT but the VAT setup has no row for the pair.</summary>
public sealed class MissingVatSetupException(string itemNo, string vatBusPostingGroup, string vatProdPostingGroup)
    : PriceCalculationException(ErrorCatalog.VatSetupMissing,
        $"Item '{itemNo}': no VAT setup for VAT business posting group '{vatBusPostingGroup}' and VAT product " +
        $"posting group '{vatProdPostingGroup}', so its price cannot be converted between incl. and excl. VAT. " +
        "Add the pair to vat-setup.csv.")
{
    public string ItemNo { get; } = itemNo;
    public string VatBusPostingGroup { get; } = vatBusPostingGroup;
    public string VatProdPostingGroup { get; } = vatProdPostingGroup;
}
