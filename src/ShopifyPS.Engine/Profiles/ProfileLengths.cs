namespace ShopifyPS.Profiles;

/// <summary>
/// The documented maximum lengths of profile settings. They are Business Central's code field lengths, because the
/// values meet those fields: a variant code generated from variantPrefix (Code[10]) must leave room for three digits,
/// so the prefix has at most 5 characters, and the ERP codes compared with the price settings are Code[10] or Code[20].
/// </summary>
internal static class ProfileLengths
{
    public static IEnumerable<(string Key, string Value, int Limit)> Of(ShopProfile profile)
    {
        yield return ("items.variantPrefix", profile.Items.VariantPrefix, 5);
        yield return ("items.skuFieldSeparator", profile.Items.SkuFieldSeparator, 3);
        yield return ("items.itemTemplateCode", profile.Items.ItemTemplateCode, 20);
        yield return ("items.languageCode", profile.Items.LanguageCode, 10);
        yield return ("items.optionNameForUom", profile.Items.OptionNameForUom, 50);
        yield return ("prices.customerPriceGroup", profile.Prices.CustomerPriceGroup, 10);
        yield return ("prices.customerDiscountGroup", profile.Prices.CustomerDiscountGroup, 20);
        yield return ("prices.customerTemplateCode", profile.Prices.CustomerTemplateCode, 20);
        yield return ("prices.currencyCode", profile.Prices.CurrencyCode, 10);
        for (var i = 0; i < profile.Languages.Count; i++)
            yield return ($"languages[{i}].languageCode", profile.Languages[i].LanguageCode, 10);
        for (var i = 0; i < profile.Locations.Count; i++)
            yield return ($"locations[{i}].locationFilter", profile.Locations[i].LocationFilter, LocationFilterLength);
    }

    /// <summary>Business Central's Location Filter is Text[250]; a longer one is not a filter anyone typed.</summary>
    public const int LocationFilterLength = 250;
}
