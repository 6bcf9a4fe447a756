using System.Text.RegularExpressions;

namespace ShopifyPS.Profiles;

/// <summary>The rules languages[] must meet: a locale in Shopify's form and an ERP language code on each entry, and one
/// entry per locale.</summary>
internal static partial class LanguageMappingRules
{
    /// <summary>Shopify's locales: an ISO 639 language, optionally a region or script (en, nb, pt-BR, zh-CN, sr-Latn).</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$")]
    private static partial Regex LocalePattern();

    public static void Validate(IReadOnlyList<LanguageMapping> languages, Action<ErrorId, string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < languages.Count; i++)
        {
            var language = languages[i];
            var key = $"languages[{i}]";
            if (language.Locale.Length == 0 || language.LanguageCode.Length == 0)
            {
                add(ErrorCatalog.ProfileMissingKey, key, "Every language needs 'locale' (Shopify's, for example nb) and 'languageCode' (the ERP's, for example NOR).");
                continue;
            }
            if (!LocalePattern().IsMatch(language.Locale))
                add(ErrorCatalog.ProfileInvalidValue, $"{key}.locale",
                    $"'{language.Locale}' is not a Shopify locale; use the code Shopify admin shows under Settings > Languages (nb, de, pt-BR).");
            else if (!seen.Add(language.Locale))
                add(ErrorCatalog.ProfileInvalidValue, $"{key}.locale", $"The locale '{language.Locale}' is listed twice; keep one entry per locale.");
        }
    }
}
