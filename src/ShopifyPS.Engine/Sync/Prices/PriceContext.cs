using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// What is the same for every item of one price run (E2, S6, P2, P4): the shop's price settings, the ERP's
/// local currency, the day prices are valid for, and the setup tables the engine looks things up in.
/// </summary>
public sealed class PriceContext
{
    public required PriceSettings Settings { get; init; }
    /// <summary>The ERP's local currency (setup.csv LocalCurrencyCode); prices without a currency code are in it.</summary>
    public required string LocalCurrencyCode { get; init; }
    /// <summary>Prices, discounts and exchange rates are taken as valid on this day.</summary>
    public required DateOnly Today { get; init; }
    public IReadOnlyList<Currency> Currencies { get; init; } = [];
    public IReadOnlyList<ExchangeRate> ExchangeRates { get; init; } = [];
    public IReadOnlyList<VatSetup> VatSetup { get; init; } = [];
    public IReadOnlyList<CustomerTemplate> CustomerTemplates { get; init; } = [];

    /// <summary>The context of the store's ERP setup (local currency, currencies, exchange rates, VAT, customer templates).</summary>
    public static PriceContext Load(IErpStore erp, PriceSettings settings, DateOnly today) => new()
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
