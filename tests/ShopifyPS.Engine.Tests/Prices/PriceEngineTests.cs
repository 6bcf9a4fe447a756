using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Tests.Prices;

/// <summary>
/// Table-driven cases for the price engine. Every case names what it traces to: the feature it covers or Business
/// Central's price calculation and its tests.
/// The base scenario: local currency EUR, item 1000 at 100.00 excl. VAT, cost 60, item discount group RESALE,
/// VAT product group STANDARD (25% with business group DOMESTIC), priced on 2026-03-15.
/// </summary>
public sealed class PriceEngineTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private sealed class Scenario
    {
        public PriceSettings Settings { get; } = new();
        public DateOnly Today { get; set; } = PriceEngineTests.Today;
        public string VariantCode { get; set; } = "";
        public Item Item { get; } = new()
        {
            No = "1000", UnitPrice = 100m, UnitCost = 60m, ItemDiscGroup = "RESALE", VatProdPostingGroup = "STANDARD",
        };
        public List<SalesPrice> Prices { get; } = [];
        public List<SalesLineDiscount> Discounts { get; } = [];
        public List<Currency> Currencies { get; } =
        [
            new() { Code = "USD", UnitAmountRoundingPrecision = 0.01m },
            new() { Code = "JPY", UnitAmountRoundingPrecision = 1m },
        ];
        public List<ExchangeRate> Rates { get; } =
        [
            new() { CurrencyCode = "USD", StartingDate = new(2026, 1, 1), ExchangeRateAmount = 100m, RelationalExchangeRateAmount = 80m },
            new() { CurrencyCode = "USD", StartingDate = new(2026, 6, 1), ExchangeRateAmount = 100m, RelationalExchangeRateAmount = 50m },
            new() { CurrencyCode = "JPY", StartingDate = new(2026, 1, 1), ExchangeRateAmount = 16000m, RelationalExchangeRateAmount = 100m },
        ];
        public List<VatSetup> Vat { get; } =
        [
            new() { VatBusPostingGroup = "DOMESTIC", VatProdPostingGroup = "STANDARD", VatPercent = 25m },
            new() { VatBusPostingGroup = "EXPORT", VatProdPostingGroup = "STANDARD", VatPercent = 0m },
        ];
        public List<CustomerTemplate> Templates { get; } =
        [
            new() { Code = "SHOP-EXCL", VatBusPostingGroup = "DOMESTIC", PricesIncludingVat = false },
            new() { Code = "SHOP-INCL", VatBusPostingGroup = "DOMESTIC", PricesIncludingVat = true },
            new() { Code = "EXPORT-INCL", VatBusPostingGroup = "EXPORT", PricesIncludingVat = true },
            new() { Code = "NO-DISC", VatBusPostingGroup = "DOMESTIC", AllowLineDisc = false },
        ];

        public SalesPrice Price(decimal unitPrice, SalesPriceSourceType source = SalesPriceSourceType.CustomerPriceGroup, string sourceCode = "RETAIL")
        {
            var row = new SalesPrice { ItemNo = "1000", SourceType = source, SourceCode = sourceCode, UnitPrice = unitPrice };
            Prices.Add(row);
            return row;
        }

        public SalesLineDiscount Discount(decimal percent, LineDiscountType type = LineDiscountType.Item, string code = "1000",
            LineDiscountSourceType source = LineDiscountSourceType.CustomerDiscGroup, string sourceCode = "SHOP")
        {
            var row = new SalesLineDiscount { Type = type, Code = code, SourceType = source, SourceCode = sourceCode, LineDiscountPercent = percent };
            Discounts.Add(row);
            return row;
        }

        public PriceResult Calculate() => new PriceEngine(new PriceContext
        {
            Settings = Settings, LocalCurrencyCode = "EUR", Today = Today,
            Currencies = Currencies, ExchangeRates = Rates, VatSetup = Vat, CustomerTemplates = Templates,
        }).Calculate(new PriceInputs { Item = Item, VariantCode = VariantCode, SalesPrices = Prices, LineDiscounts = Discounts });
    }

    /// <summary>Expected Price, CompareAtPrice (null = none) and UnitCost; or the exception type.</summary>
    private sealed record Case(Action<Scenario> Arrange, decimal Price = 0, decimal? CompareAt = null, decimal Cost = 60m, Type? Throws = null);

    private static Scenario WithGroups(Scenario s)
    {
        s.Settings.CustomerPriceGroup = "RETAIL";
        s.Settings.CustomerDiscountGroup = "SHOP";
        return s;
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // --- E2: which unit price ---
        ["E2 no group and no sales price: the item card's unit price"] = new(_ => { }, Price: 100m),
        ["E2 group price lower than the item card is used"] = new(s => WithGroups(s).Price(90m), Price: 90m),
        ["E2 P3 lowest price: item card 80 beats group price 90"] = new(s => { WithGroups(s).Price(90m); s.Item.UnitPrice = 80m; }, Price: 80m),
        ["E2 item card price 0 means no price: group price 90 is used"] = new(s => { WithGroups(s).Price(90m); s.Item.UnitPrice = 0m; }, Price: 90m),
        ["E2 all-customers price applies without a price group"] = new(s => s.Price(95m, SalesPriceSourceType.AllCustomers, ""), Price: 95m),
        ["E2 another price group's price is ignored"] = new(s => WithGroups(s).Price(90m, sourceCode: "WHOLESALE"), Price: 100m),
        ["E2 no price group set: group prices are ignored"] = new(s => s.Price(90m), Price: 100m),
        ["P3 BC §2.9 lowest of all-customers 95 and group 92"] = new(s =>
        {
            WithGroups(s).Price(95m, SalesPriceSourceType.AllCustomers, "");
            s.Price(92m);
        }, Price: 92m),
        ["BC §2.9 variant-specific price beats a lower item-level price"] = new(s =>
        {
            WithGroups(s).Price(92m);
            s.Price(97m).VariantCode = "V1";
            s.VariantCode = "V1";
        }, Price: 97m),
        ["BC §2.9 another variant's price is ignored"] = new(s =>
        {
            WithGroups(s).Price(92m);
            s.Price(85m).VariantCode = "V2";
            s.VariantCode = "V1";
        }, Price: 92m),
        ["BC §2.9 an item without variants ignores variant prices"] = new(s => WithGroups(s).Price(85m).VariantCode = "V1", Price: 100m),
        ["BC §4.9 dated prices: a price starting tomorrow does not apply"] = new(s => WithGroups(s).Price(90m).StartingDate = Today.AddDays(1), Price: 100m),
        ["BC §4.9 dated prices: a price that ended yesterday does not apply"] = new(s => WithGroups(s).Price(90m).EndingDate = Today.AddDays(-1), Price: 100m),
        ["BC §4.9 dated prices: starting and ending today applies"] = new(s =>
        {
            var row = WithGroups(s).Price(90m);
            row.StartingDate = Today;
            row.EndingDate = Today;
        }, Price: 90m),
        ["BC §2.9 quantity 1 only: minimum quantity 5 does not apply, 1 does"] = new(s =>
        {
            WithGroups(s).Price(80m).MinimumQuantity = 5m;
            s.Price(90m).MinimumQuantity = 1m;
        }, Price: 90m),

        // --- E2: line discounts, price vs compare-at ---
        ["E2 BC §4.9 discount group: discounted price to Price, full price to Compare-at"] = new(s => WithGroups(s).Discount(10m), Price: 90m, CompareAt: 100m),
        ["E2 discount through the item discount group"] = new(s => WithGroups(s).Discount(15m, LineDiscountType.ItemDiscGroup, "RESALE"), Price: 85m, CompareAt: 100m),
        ["E2 best discount of item 10% and item discount group 15%"] = new(s =>
        {
            WithGroups(s).Discount(10m);
            s.Discount(15m, LineDiscountType.ItemDiscGroup, "RESALE");
        }, Price: 85m, CompareAt: 100m),
        ["E2 all-customers discount applies without a discount group"] = new(s => s.Discount(5m, source: LineDiscountSourceType.AllCustomers, sourceCode: ""), Price: 95m, CompareAt: 100m),
        ["E2 another discount group's discount is ignored"] = new(s => WithGroups(s).Discount(10m, sourceCode: "OUTLET"), Price: 100m),
        ["E2 discount for another item discount group is ignored"] = new(s => WithGroups(s).Discount(10m, LineDiscountType.ItemDiscGroup, "SPARES"), Price: 100m),
        ["E2 BC §2.9 discount with minimum quantity 2 or already ended does not apply"] = new(s =>
        {
            WithGroups(s).Discount(30m).MinimumQuantity = 2m;
            s.Discount(20m).EndingDate = Today.AddDays(-1);
        }, Price: 100m),
        ["BC §2.9 variant-specific discount beats a bigger item-level discount"] = new(s =>
        {
            WithGroups(s).Discount(20m);
            s.Discount(5m).VariantCode = "V1";
            s.VariantCode = "V1";
        }, Price: 95m, CompareAt: 100m),
        ["E2 group price discounted: Price 81, Compare-at 90"] = new(s =>
        {
            WithGroups(s).Price(90m);
            s.Discount(10m);
        }, Price: 81m, CompareAt: 90m),
        ["E2 a price that does not allow line discounts gets none"] = new(s =>
        {
            WithGroups(s).Price(85m).AllowLineDisc = false;
            s.Discount(10m);
        }, Price: 85m),
        ["P3 lowest price compares what the customer pays: item card 100 −10% beats 92 without discount"] = new(s =>
        {
            WithGroups(s).Price(92m).AllowLineDisc = false;
            s.Discount(10m);
        }, Price: 90m, CompareAt: 100m),
        ["E2 P4 customer template without line discounts: no discount"] = new(s =>
        {
            WithGroups(s).Discount(10m);
            s.Settings.CustomerTemplateCode = "NO-DISC";
        }, Price: 100m),
        ["BC §2.9 Compare-at only when higher: a discount that rounds to 0.00 leaves no Compare-at"] = new(s =>
        {
            WithGroups(s).Discount(10m);
            s.Item.UnitPrice = 0.04m;
        }, Price: 0.04m),

        // --- S6 / P2: currency ---
        ["S6 P2 local prices converted to the shop currency, cost too"] = new(s => s.Settings.CurrencyCode = "USD", Price: 125m, Cost: 75m),
        ["P2 the exchange rate valid on the date is the latest one starting before it"] = new(s =>
        {
            s.Settings.CurrencyCode = "USD";
            s.Today = new DateOnly(2026, 7, 1);
        }, Price: 200m, Cost: 120m),
        ["P2 rounding to the currency's precision: 99.99 EUR is 15998 JPY"] = new(s =>
        {
            s.Settings.CurrencyCode = "JPY";
            s.Item.UnitPrice = 99.99m;
        }, Price: 15998m, Cost: 9600m),
        ["P2 BC rounding: halves away from zero, 10.02 EUR is 12.53 USD"] = new(s =>
        {
            s.Settings.CurrencyCode = "USD";
            s.Item.UnitPrice = 10.02m;
        }, Price: 12.53m, Cost: 75m),
        ["S6 BC §2.9 a price in the shop currency beats a converted local price even when higher"] = new(s =>
        {
            WithGroups(s).Settings.CurrencyCode = "USD";
            s.Price(80m);
            s.Price(118m).CurrencyCode = "USD";
        }, Price: 118m, Cost: 75m),
        ["S6 P3 the item card still wins when lower than a shop-currency price"] = new(s =>
        {
            WithGroups(s).Settings.CurrencyCode = "USD";
            s.Price(130m).CurrencyCode = "USD";
        }, Price: 125m, Cost: 75m),
        ["S6 prices in a third currency are ignored"] = new(s =>
        {
            WithGroups(s).Settings.CurrencyCode = "USD";
            s.Price(50m).CurrencyCode = "GBP";
        }, Price: 125m, Cost: 75m),
        ["S6 a row marked with the local currency code is a local price"] = new(s => WithGroups(s).Price(90m).CurrencyCode = "EUR", Price: 90m),
        ["S6 shop currency equal to the local currency: no conversion"] = new(s => s.Settings.CurrencyCode = "eur", Price: 100m),
        ["S6 P2 missing exchange rate before the first rate's date"] = new(s =>
        {
            s.Settings.CurrencyCode = "USD";
            s.Today = new DateOnly(2025, 12, 31);
        }, Throws: typeof(MissingExchangeRateException)),
        ["S6 P2 a currency without any exchange rate"] = new(s => s.Settings.CurrencyCode = "GBP", Throws: typeof(MissingExchangeRateException)),

        // --- P4: VAT through the customer template ---
        ["P4 template incl. VAT: a price stored excl. VAT gets the VAT added"] = new(s => s.Settings.CustomerTemplateCode = "SHOP-INCL", Price: 125m),
        ["P4 template excl. VAT: a price stored incl. VAT has it taken off"] = new(s =>
        {
            WithGroups(s).Settings.CustomerTemplateCode = "SHOP-EXCL";
            s.Item.UnitPrice = 200m;
            var row = s.Price(112.5m);
            row.PriceIncludesVat = true;
        }, Price: 90m),
        ["P4 template incl. VAT and a price stored incl. VAT: unchanged, discount on the gross price"] = new(s =>
        {
            WithGroups(s).Settings.CustomerTemplateCode = "SHOP-INCL";
            s.Item.UnitPrice = 119.99m;
            s.Item.PriceIncludesVat = true;
            s.Discount(10m);
        }, Price: 107.99m, CompareAt: 119.99m),
        ["P4 the template's VAT business group decides the rate: export 0%"] = new(s =>
        {
            s.Settings.CustomerTemplateCode = "EXPORT-INCL";
            s.Item.UnitPrice = 125m;
            s.Item.PriceIncludesVat = false;
        }, Price: 125m),
        ["P4 no customer template: prices used as stored"] = new(s =>
        {
            s.Item.UnitPrice = 125m;
            s.Item.PriceIncludesVat = true;
        }, Price: 125m),
        ["P4 no VAT setup for the template's group and the item's group"] = new(s =>
        {
            s.Settings.CustomerTemplateCode = "SHOP-INCL";
            s.Item.VatProdPostingGroup = "EXEMPT";
        }, Throws: typeof(MissingVatSetupException)),
        ["P4 no VAT setup needed when the bases agree"] = new(s =>
        {
            s.Settings.CustomerTemplateCode = "SHOP-EXCL";
            s.Item.VatProdPostingGroup = "EXEMPT";
        }, Price: 100m),
        ["E2 P4 unknown customer template code"] = new(s => s.Settings.CustomerTemplateCode = "NOPE", Throws: typeof(UnknownCustomerTemplateException)),
        ["E2 S6 P4 all together: USD, incl. VAT, 10% discount"] = new(s =>
        {
            WithGroups(s).Settings.CurrencyCode = "USD";
            s.Settings.CustomerTemplateCode = "SHOP-INCL";
            s.Discount(10m);
        }, Price: 140.62m, CompareAt: 156.25m, Cost: 75m),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Price_case(string name)
    {
        var expected = Cases[name];
        var scenario = new Scenario();
        expected.Arrange(scenario);

        if (expected.Throws is not null)
        {
            Assert.Throws(expected.Throws, () => scenario.Calculate());
            return;
        }
        var result = scenario.Calculate();
        Assert.Equal((expected.Price, expected.CompareAt, expected.Cost), (result.Price, result.CompareAtPrice, result.UnitCost));
    }

    [Fact]
    public void Missing_exchange_rate_names_the_currency_and_the_date()
    {
        var scenario = new Scenario();
        scenario.Settings.CurrencyCode = "GBP";

        var error = Assert.Throws<MissingExchangeRateException>(() => scenario.Calculate());

        Assert.Equal(("GBP", Today, "ShopifyExchangeRateMissing"), (error.CurrencyCode, error.Date, error.Error.Name));
        Assert.Contains("'GBP'", error.Message);
        Assert.Contains("2026-03-15", error.Message);
    }

    [Fact]
    public void Explanation_says_where_the_price_came_from()
    {
        var scenario = WithGroups(new Scenario());
        scenario.Settings.CurrencyCode = "USD";
        scenario.Price(90m);
        scenario.Discount(10m, LineDiscountType.ItemDiscGroup, "RESALE");

        var result = scenario.Calculate();

        Assert.Equal("USD", result.CurrencyCode);
        Assert.Contains("customer price group RETAIL price", result.Explanation);
        Assert.Contains("line discount 10% (item discount group RESALE, customer discount group SHOP", result.Explanation);
        Assert.Contains("converted from EUR to USD at 100/80 (rate from 2026-01-01)", result.Explanation);
    }
}
