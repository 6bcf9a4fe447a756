namespace ShopifyPS.Profiles;

/// <summary>
/// One of the shop's other languages (languages[] of a profile; Business Central's Shopify Language): the Shopify
/// locale, the ERP language code whose item translations, extended texts, attribute translations and marketing texts
/// make its title and description, and whether ShopifyPS registers them. The shop's primary locale is not listed: the
/// product itself is written in items.languageCode.
/// </summary>
public sealed class LanguageMapping
{
    /// <summary>Shopify's locale code, as shopLocales names it (nb, de, pt-BR).</summary>
    public string Locale { get; set; } = "";
    /// <summary>The ERP language code (item-translations.csv LanguageCode and the other files' LanguageCode).</summary>
    public string LanguageCode { get; set; } = "";
    /// <summary>Register the product translations into this locale (Business Central's Sync Translations).</summary>
    public bool SyncTranslations { get; set; } = true;
}
