using ShopifyPS.Connector;

namespace ShopifyPS.Sync.Export;

/// <summary>One translation an export registers: what ShopifyPS last sent (null: never), the value now, the digest of
/// the source text it translates (null: the source is sent in this run, so the digest is read after it), and why.</summary>
internal sealed record TranslationChange(string Locale, string Key, string? Old, string New, string? Digest, string Why)
{
    public override string ToString() => Key == ProductTranslations.TitleKey
        ? $"translation {Locale} title {(Old is null ? "(none)" : $"'{Old}'")} → '{New}' ({Why})"
        : $"translation {Locale} description {Old?.Length ?? 0} → {New.Length} characters ({Why})";
}

/// <summary>
/// Which translations of a product to register: those whose ERP value differs from what ShopifyPS last sent, whose
/// source text Shopify now has another digest for (changed in Shopify admin), or whose source field this run sends.
/// Only keys Shopify has source text for (a digest) can be translated. Translations in other locales or of other keys
/// are never in the record and never sent, so a merchandiser's stay.
/// </summary>
internal static class TranslationPlan
{
    /// <summary>The changes of a linked product.</summary>
    /// <param name="digests">Shopify's digest per translatable key of the product, as read before this run sends anything.</param>
    /// <param name="sentFields">The managed product fields this run sends (their source text changes).</param>
    public static List<TranslationChange> Changes(IConnectorStore connector, ShopProduct product, ProductDraft draft,
        IReadOnlyDictionary<string, string> digests, IReadOnlyCollection<string> sentFields, bool force)
    {
        var changes = new List<TranslationChange>();
        if (draft.Translations.Count == 0) return changes;
        var sent = connector.SentTranslations(product.Shop, product.Id).ToDictionary(t => (t.Locale, t.Key));
        foreach (var translation in draft.Translations)
        {
            if (!digests.TryGetValue(translation.Key, out var digest)) continue;
            var record = sent.GetValueOrDefault((translation.Locale, translation.Key));
            var sourceSent = sentFields.Contains(ProductTranslations.SourceField(translation.Key));
            var why = force ? "-Force"
                : record is null ? "not sent before"
                : record.Value != translation.Value ? "changed in the ERP"
                : sourceSent ? "its source text is sent now"
                : record.Digest != digest ? "its source text changed in Shopify"
                : null;
            if (why is not null)
                changes.Add(new TranslationChange(translation.Locale, translation.Key, record?.Value, translation.Value, sourceSent ? null : digest, why));
        }
        return changes;
    }

    /// <summary>The translations of a product just created: every one, against the digests Shopify gives its new text.</summary>
    public static List<TranslationChange> ForCreate(ProductDraft draft) =>
        draft.Translations.Select(t => new TranslationChange(t.Locale, t.Key, null, t.Value, null, "new product")).ToList();

    /// <summary>A product ShopifyPS had no record of is adopted: its translations are recorded as they are now, and
    /// nothing is sent (Shopify may hold a merchandiser's).</summary>
    public static void Adopt(IConnectorStore connector, string shop, string productId, IEnumerable<TranslationChange> changes) =>
        Record(connector, shop, productId, changes.Where(c => c.Digest is not null));

    /// <summary>Records the translations Shopify accepted (each with the digest it was registered against).</summary>
    public static void Record(IConnectorStore connector, string shop, string productId, IEnumerable<TranslationChange> accepted)
    {
        foreach (var change in accepted)
            connector.SaveSentTranslation(new SentTranslation(shop, productId, change.Locale, change.Key, change.New, change.Digest!));
    }
}
