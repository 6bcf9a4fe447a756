using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// An item's customs data as Shopify's inventory item takes it (Business Central's Sync HS Code and Country): the
/// harmonized system code from TariffNo and the country of origin from CountryOfOrigin. Shopify takes an HS code of 6 to
/// 13 digits (InventoryItemInput.harmonizedSystemCode), so the separators ERPs write into tariff numbers ("6109.10.00")
/// are dropped; and a country as a value of its CountryCode enum, which the whole request fails on when it is not one.
/// Both are checked here, so a bad value fails its item, never a batch.
/// </summary>
public sealed record CustomsData(string HarmonizedSystemCode, string CountryCodeOfOrigin)
{
    public const int MinDigits = 6;
    public const int MaxDigits = 13;

    /// <summary>The ISO 3166-1 alpha-2 codes of Shopify's CountryCode enum (Admin API 2026-04).</summary>
    private static readonly HashSet<string> Countries = new("""
        AF AX AL DZ AD AO AI AG AR AM AW AC AU AT AZ BS BH BD BB BY BE BZ BJ BM BT BO BA BW BV BR IO BN BG BF BI KH
        CA CV BQ KY CF TD CL CN CX CC CO KM CG CD CK CR HR CU CW CY CZ CI DK DJ DM DO EC EG SV GQ ER EE SZ ET FK FO
        FJ FI FR GF PF TF GA GM GE DE GH GI GR GL GD GP GT GG GN GW GY HT HM VA HN HK HU IS IN ID IR IQ IE IM IL IT
        JM JP JE JO KZ KE KI KP XK KW KG LA LV LB LS LR LY LI LT LU MO MG MW MY MV ML MT MQ MR MU YT MX MD MC MN ME
        MS MA MZ MM NA NR NP NL AN NC NZ NI NE NG NU NF MK NO OM PK PS PA PG PY PE PH PN PL PT QA CM RE RO RU RW BL
        SH KN LC MF PM WS SM ST SA SN RS SC SL SG SX SK SI SB SO ZA GS KR SS ES LK VC SD SR SJ SE CH SY TW TJ TZ TH
        TL TG TK TO TT TA TN TR TM TC TV UG UA AE GB US UM UY UZ VU VE VN VG WF EH YE ZM ZW ZZ
        """.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>The customs data of the item; call <see cref="Problem"/> first.</summary>
    public static CustomsData Of(Item item) => new(Digits(item.TariffNo), item.CountryOfOrigin.Trim().ToUpperInvariant());

    /// <summary>Why Shopify would refuse the item's customs data, with what to do; null when it takes it.</summary>
    public static string? Problem(Item item) => TariffNoProblem(item.TariffNo) ?? CountryProblem(item.CountryOfOrigin);

    /// <summary>Why Shopify would refuse the tariff no. as a harmonized system code; null when blank or usable.</summary>
    public static string? TariffNoProblem(string tariffNo)
    {
        if (tariffNo.Trim().Length == 0) return null;
        if (tariffNo.Any(c => !char.IsAsciiDigit(c) && !IsSeparator(c)))
            return $"TariffNo '{tariffNo}' is not a harmonized system code: Shopify takes {MinDigits} to {MaxDigits} digits (dots, spaces and hyphens between them are dropped). Correct TariffNo in items.csv or with Set-ShopifyItem -TariffNo.";
        var digits = Digits(tariffNo).Length;
        return digits is < MinDigits or > MaxDigits
            ? $"TariffNo '{tariffNo}' has {digits} digits; Shopify takes a harmonized system code of {MinDigits} to {MaxDigits} digits. Correct TariffNo in items.csv or with Set-ShopifyItem -TariffNo."
            : null;
    }

    /// <summary>Why Shopify would refuse the country of origin; null when blank or one of its country codes.</summary>
    public static string? CountryProblem(string country)
    {
        var code = country.Trim().ToUpperInvariant();
        return code.Length == 0 || Countries.Contains(code) ? null
            : $"CountryOfOrigin '{country}' is not a country code Shopify knows: use the two-letter ISO 3166-1 code (for example NO, DE, CN). Correct CountryOfOrigin in items.csv or with Set-ShopifyItem -CountryOfOrigin.";
    }

    /// <summary>The digits of a tariff no. ("6109.10.00" → "61091000"): what Shopify is sent and what an import compares.</summary>
    public static string Digits(string tariffNo) => string.Concat(tariffNo.Where(char.IsAsciiDigit));

    private static bool IsSeparator(char c) => c is '.' or ' ' or '-';
}
