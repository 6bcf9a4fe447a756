namespace ShopifyPS.Erp.Model;

/// <summary>extended-texts.csv: lines appended to the product description (E3).</summary>
public sealed class ExtendedTextLine
{
    public string ItemNo { get; set; } = "";
    public string LanguageCode { get; set; } = "";
    public bool AllLanguages { get; set; }
    public DateOnly? StartingDate { get; set; }
    public DateOnly? EndingDate { get; set; }
    public int LineNo { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>item-attributes.csv: rendered as a table in the description (E4); marked AsOption, a product option.</summary>
public sealed class ItemAttribute
{
    public string ItemNo { get; set; } = "";
    public string Attribute { get; set; } = "";
    public string Value { get; set; } = "";
    /// <summary>The attribute is a product option of an item without variants, its value the option's value
    /// (Business Central's "Incl. in Product Sync" = As Option).</summary>
    public bool AsOption { get; set; }
}

/// <summary>attribute-translations.csv: a blank Value translates the attribute's name (E5).</summary>
public sealed class AttributeTranslation
{
    public string Attribute { get; set; } = "";
    public string Value { get; set; } = "";
    public string LanguageCode { get; set; } = "";
    public string Translation { get; set; } = "";
}

/// <summary>marketing-texts.csv: an item's marketing text per language (Business Central's Entity Text), placed in the
/// product description when the shop's syncItemMarketingText is on. HTML passes through, as extended text does.</summary>
public sealed class MarketingText
{
    public string ItemNo { get; set; } = "";
    public string LanguageCode { get; set; } = "";
    public string Text { get; set; } = "";
}
