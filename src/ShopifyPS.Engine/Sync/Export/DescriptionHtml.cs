using System.Text;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The product description (E3, E4, E5): the item's extended text, its marketing text, then its attributes as a table,
/// in the shop's language (Business Central's order). Extended and marketing text are the ERP's own HTML and pass
/// through; attribute names and values are plain text and are escaped.
/// </summary>
internal static class DescriptionHtml
{
    public static string Build(ItemExportData data, bool extendedText, bool attributes, string languageCode, DateOnly today, bool marketingText = false)
    {
        var html = new StringBuilder();
        if (extendedText) AppendExtendedText(html, data.ExtendedTexts, languageCode, today);
        // Only a text that exists: a blank one leaves no empty block.
        if (marketingText && data.MarketingTexts.FirstOrDefault(m => m.LanguageCode == languageCode) is { Text: { Length: > 0 } text })
            html.Append("<div class=\"productDescription\">").Append(text).Append("</div>");
        if (attributes) AppendAttributes(html, data.Attributes, data.AttributeTranslations, languageCode);
        return html.ToString();
    }

    private static void AppendExtendedText(StringBuilder html, IReadOnlyList<ExtendedTextLine> lines, string languageCode, DateOnly today)
    {
        // A text is one header (language, all-languages flag and validity dates) with its numbered lines.
        var texts = lines
            .Where(l => (l.LanguageCode == languageCode || l.AllLanguages)
                && (l.StartingDate is null || l.StartingDate <= today)
                && (l.EndingDate is null || l.EndingDate >= today))
            .GroupBy(l => (l.LanguageCode, l.AllLanguages, l.StartingDate, l.EndingDate))
            .ToList();
        if (texts.Count == 0) return;
        html.Append("<div class=\"productDescription\">");
        foreach (var text in texts)
        {
            foreach (var line in text.OrderBy(l => l.LineNo))
            {
                var content = line.Text.TrimEnd();
                html.Append(content);
                // Sentences end a line; a trailing '/' joins lines without a gap (Business Central's rule).
                if (content.Length == 0 || ".?!:".Contains(content[^1])) html.Append("<br />");
                else if (content[^1] != '/') html.Append(' ');
            }
        }
        html.Append("</div>");
    }

    private static void AppendAttributes(StringBuilder html, IReadOnlyList<ItemAttribute> attributes,
        IReadOnlyList<AttributeTranslation> translations, string languageCode)
    {
        if (attributes.Count == 0) return;
        string Translate(string attribute, string value, string fallback) =>
            languageCode.Length == 0 ? fallback
            : translations.FirstOrDefault(t => t.LanguageCode == languageCode && t.Attribute == attribute && t.Value == value)?.Translation
              ?? fallback;

        html.Append("<div class=\"productAttributes\"><div class=\"productAttributesTitle\">Item Attributes</div><table>");
        foreach (var attribute in attributes)
        {
            html.Append("<tr><td class=\"attributeName\">")
                .Append(Escape(Translate(attribute.Attribute, "", attribute.Attribute)))
                .Append("</td><td class=\"attributeValue\">")
                .Append(Escape(Translate(attribute.Attribute, attribute.Value, attribute.Value)))
                .Append("</td></tr>");
        }
        html.Append("</table></div>");
    }

    // Only the characters that mean something in HTML: letters such as 'å' stay readable in Shopify's editor.
    private static string Escape(string text) => text
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
