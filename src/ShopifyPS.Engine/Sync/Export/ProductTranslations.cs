using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>One translation a product should carry: the Shopify locale, the translatable key and its value.</summary>
public sealed record TranslationValue(string Locale, string Key, string Value);

/// <summary>
/// The product's title and description in each locale of languages[] with syncTranslations on, built from the ERP data
/// in that locale's language code exactly as the product's own are in items.languageCode: the title is the item
/// translation, else the untranslated description (as Business Central); the description is the extended text, marketing
/// text and attributes in that language (<see cref="DescriptionHtml"/>). An empty description has nothing to translate.
/// </summary>
internal static class ProductTranslations
{
    /// <summary>Shopify's translatable keys of a product that ShopifyPS manages; other keys (handle, SEO, product_type)
    /// are never sent.</summary>
    public const string TitleKey = "title";
    public const string BodyKey = "body_html";

    /// <summary>The managed product field whose text a key translates: when the field is sent, Shopify's digest changes.</summary>
    public static string SourceField(string key) => key == TitleKey ? "title" : "descriptionHtml";

    public static void Fill(ProductDraft draft, ItemExportData data, ShopProfile profile, DateOnly today)
    {
        var items = profile.Items;
        foreach (var language in profile.Languages.Where(l => l.SyncTranslations))
        {
            draft.Translations.Add(new TranslationValue(language.Locale, TitleKey, ProductBuilder.Title(data, language.LanguageCode)));
            var body = DescriptionHtml.Build(data, items.SyncItemExtendedText, items.SyncItemAttributes, language.LanguageCode, today, items.SyncItemMarketingText);
            if (body.Length > 0) draft.Translations.Add(new TranslationValue(language.Locale, BodyKey, body));
        }
    }
}
