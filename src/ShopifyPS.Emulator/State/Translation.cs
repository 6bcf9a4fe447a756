namespace ShopifyPS.Emulator.State;

/// <summary>A language of the shop (shopLocales): one primary, the others added and published or not.</summary>
internal sealed class ShopLocale
{
    public string Locale { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Primary { get; init; }
    public bool Published { get; set; }
}

/// <summary>A product's translation of one key into one locale (translationsRegister), with the digest of the source
/// text it was registered against: when the source changes, its digest does and the translation is outdated.</summary>
internal sealed class Translation
{
    public string Locale { get; init; } = "";
    public string Key { get; init; } = "";
    public string Value { get; set; } = "";
    public string SourceDigest { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
