using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Prices;

/// <summary>Reads the shop-wide price setup (currencies, exchange rates, VAT setup, customer templates, the local
/// currency) from the item store once per run.</summary>
public static class PriceContextReader
{
    public static PriceContext Read(IErpStore erp, PriceSettings settings, DateOnly today) => new()
    {
        Settings = settings,
        LocalCurrencyCode = erp.Rows(ErpTables.Setup, ("Key", SetupEntry.LocalCurrencyCode)).FirstOrDefault()?.Value ?? "",
        Today = today,
        Currencies = erp.Rows(ErpTables.Currencies),
        ExchangeRates = erp.Rows(ErpTables.ExchangeRates),
        VatSetup = erp.Rows(ErpTables.VatSetup),
        CustomerTemplates = erp.Rows(ErpTables.CustomerTemplates),
    };
}
