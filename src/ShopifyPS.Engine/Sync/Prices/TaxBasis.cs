using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Prices;

/// <summary>
/// The tax context of shop prices (E2, P4): the customer template says whether shop prices include VAT and
/// which VAT business posting group applies. A stored price on the other basis is converted with the VAT %
/// of that group × the item's VAT product posting group. Without a template prices are used as stored.
/// </summary>
internal sealed class TaxBasis
{
    private readonly CustomerTemplate? _template;
    private readonly IReadOnlyList<VatSetup> _vatSetup;

    private TaxBasis(CustomerTemplate? template, IReadOnlyList<VatSetup> vatSetup)
    {
        _template = template;
        _vatSetup = vatSetup;
    }

    /// <summary>Line discounts are allowed unless the template forbids them.</summary>
    public bool AllowLineDisc => _template?.AllowLineDisc ?? true;

    public static TaxBasis Resolve(PriceContext context)
    {
        var code = context.Settings.CustomerTemplateCode;
        if (code.Length == 0) return new TaxBasis(null, context.VatSetup);
        var template = context.CustomerTemplates.FirstOrDefault(t => ErpValues.SameCode(t.Code, code))
            ?? throw new UnknownCustomerTemplateException(code);
        return new TaxBasis(template, context.VatSetup);
    }

    /// <summary>The price on the template's basis, and a note when it had to change.</summary>
    public (decimal Price, string? Note) ToShopBasis(decimal price, bool storedInclVat, Item item)
    {
        if (_template is null || price == 0 || storedInclVat == _template.PricesIncludingVat) return (price, null);
        var percent = VatPercent(item);
        return storedInclVat
            ? (price / (1 + percent / 100), $"stored incl. VAT, {ErpValues.Format(percent)}% taken off")
            : (price * (1 + percent / 100), $"stored excl. VAT, {ErpValues.Format(percent)}% added");
    }

    public string Describe() => _template is null
        ? "no customer template: prices as stored"
        : $"customer template {_template.Code}: prices {(_template.PricesIncludingVat ? "incl." : "excl.")} VAT " +
          $"(VAT business posting group '{_template.VatBusPostingGroup}')";

    private decimal VatPercent(Item item)
    {
        var bus = _template!.VatBusPostingGroup;
        var row = _vatSetup.FirstOrDefault(v =>
            ErpValues.SameCode(v.VatBusPostingGroup, bus) && ErpValues.SameCode(v.VatProdPostingGroup, item.VatProdPostingGroup));
        return row?.VatPercent ?? throw new MissingVatSetupException(item.No, bus, item.VatProdPostingGroup);
    }
}
