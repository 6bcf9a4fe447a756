using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>One field that an update sends: what ShopifyPS last sent (null: never) and the ERP's value now.</summary>
internal sealed record FieldChange(string Field, string? Old, string New)
{
    public override string ToString() => Field == "descriptionHtml"
        ? $"description {Old?.Length ?? 0} → {New.Length} characters"
        : $"{Field} {Show(Old)} → {Show(New)}";

    private static string Show(string? value) => value is null ? "(none)" : $"'{value}'";
}

/// <summary>One existing Shopify variant an update changes, by id.</summary>
internal sealed record VariantUpdate(ShopVariant Variant, VariantDraft Draft, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The variant's line of productVariantsBulkUpdate: its id and only the changed fields.</summary>
    public JObject Input()
    {
        var input = new JObject { ["id"] = Variant.Id };
        foreach (var change in Changes)
            ManagedFields.VariantField(change.Field).Put(input, change.New);
        return input;
    }
}

/// <summary>
/// What an update of one linked product sends (docs/architecture.md "Ownership on a live store"): the managed product fields
/// whose ERP value changed since ShopifyPS last sent them (productUpdate), the tags it manages that were added or
/// removed (tagsAdd / tagsRemove), changed fields of mapped variants by id (productVariantsBulkUpdate), and variants for
/// item variants the product does not have yet (productVariantsBulkCreate, under the product's own option). Nothing
/// else: options, SEO, unmapped variants and other tags stay as they are in Shopify.
/// </summary>
internal sealed class ProductUpdate
{
    public required ShopProduct Product { get; init; }
    public required ProductDraft Draft { get; init; }
    /// <summary>The item (its stock places new variants at the default product locations).</summary>
    public required Item Item { get; init; }
    /// <summary>Product fields to send, including a status set by actionForRemovedVariants.</summary>
    public List<FieldChange> Fields { get; } = [];
    public List<string> TagsToAdd { get; } = [];
    public List<string> TagsToRemove { get; } = [];
    public List<VariantUpdate> Variants { get; } = [];
    public List<VariantDraft> NewVariants { get; } = [];
    /// <summary>Mapped metafields of the product and its variants to set or delete (items.metafields).</summary>
    public List<MetafieldChange> Metafields { get; } = [];
    /// <summary>Translations into the shop's other languages to register (languages[]).</summary>
    public List<TranslationChange> Translations { get; } = [];
    /// <summary>What is left alone and why (unmapped variants, variants of removed item variants).</summary>
    public List<string> Notes { get; } = [];
    /// <summary>The record of what was sent before this update (for a product never recorded: the ERP's values now).</summary>
    public required SentFields Sent { get; init; }
    /// <summary>Variants first seen by this update, with the record they start from.</summary>
    public List<(ShopVariant Variant, SentFields Record)> Adopted { get; } = [];
    /// <summary>The product was never recorded: this update starts its record instead of sending its fields.</summary>
    public bool AdoptedProduct { get; init; }

    public bool SendsAnything => Fields.Count > 0 || TagsToAdd.Count > 0 || TagsToRemove.Count > 0 || Variants.Count > 0 || NewVariants.Count > 0 || Metafields.Count > 0
        || Translations.Count > 0;

    /// <summary>productUpdate's input: the id and only the changed fields.</summary>
    public JObject ProductInput()
    {
        var input = new JObject { ["id"] = Product.Id };
        foreach (var change in Fields)
        {
            if (change.Field == "status") input["status"] = change.New;
            else ManagedFields.Product.First(f => f.Name == change.Field).Put(input, change.New);
        }
        return input;
    }

    /// <summary>Every change, in the words of -WhatIf and the result ("title 'A' → 'B'; variant S: price '1.00' → '2.00'").</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = Fields.Select(f => f.ToString()).ToList();
        if (TagsToAdd.Count > 0) lines.Add("tags added: " + string.Join(", ", TagsToAdd));
        if (TagsToRemove.Count > 0) lines.Add("tags removed: " + string.Join(", ", TagsToRemove));
        lines.AddRange(Variants.Select(v => $"variant {Label(v.Draft)}: {string.Join(", ", v.Changes)}"));
        lines.AddRange(NewVariants.Select(v => $"new variant {Label(v)} (SKU '{v.Sku}', price {ProductSetInput.Money(v.Price)})"));
        lines.AddRange(Metafields.Select(m => m.ToString()));
        lines.AddRange(Translations.Select(t => t.ToString()));
        return lines;
    }

    private string Label(VariantDraft variant) => ProductSetInput.OptionValue(Draft, variant);

    /// <summary>Plans the update of <paramref name="product"/> to <paramref name="draft"/>.</summary>
    /// <param name="tags">The tags the product should carry from ShopifyPS (ShopProduct.Tags).</param>
    /// <param name="force">Send every managed field, as if nothing had been sent before (-Force).</param>
    public static ProductUpdate Plan(IConnectorStore connector, ShopProduct product, ProductDraft draft, Item item, IReadOnlyList<string> tags,
        bool force, RemovedVariantAction removedVariants)
    {
        var shop = product.Shop;
        var recorded = SentFields.ForProduct(connector, shop, product.Id);
        var update = new ProductUpdate
        {
            Product = product, Draft = draft, Item = item, AdoptedProduct = recorded is null,
            Sent = recorded ?? SentFields.Of(draft, tags),
        };
        foreach (var field in ManagedFields.Product)
        {
            var value = field.Value(draft);
            var old = update.Sent.Values.GetValueOrDefault(field.Name);
            if (force || old != value) update.Fields.Add(new FieldChange(field.Name, old, value));
        }
        var ignoreCase = StringComparer.OrdinalIgnoreCase;
        update.TagsToAdd.AddRange(tags.Where(t => force || !update.Sent.Tags.Contains(t, ignoreCase)));
        update.TagsToRemove.AddRange(update.Sent.Tags.Where(t => !tags.Contains(t, ignoreCase)));

        var variants = connector.VariantsOfProduct(shop, product.Id);
        var mapped = variants.Where(v => v.ItemNo == draft.ItemNo).ToList();
        var stillBacked = 0;
        foreach (var variant in draft.Variants)
        {
            var linked = mapped.FirstOrDefault(v => Key(v.VariantCode, v.UnitOfMeasure) == Key(variant.VariantCode, ProductSetInput.UnitOption(draft, variant)));
            if (linked is null)
            {
                // A default variant is never added: a product gets item variants (or units), not a second "Default Title".
                if (variant.VariantCode.Length > 0 || draft.UnitOptionName is not null) update.NewVariants.Add(variant);
                continue;
            }
            stillBacked++;
            var sent = SentFields.ForVariant(connector, shop, linked.Id);
            if (sent is null)
            {
                sent = Adopt(connector, shop, linked.Id, variant);
                update.Adopted.Add((linked, sent));
            }
            var changes = ManagedFields.Of(variant)
                .Select(f => (f.Name, Old: sent.Values.GetValueOrDefault(f.Name), New: f.Value(variant)))
                .Where(f => force || f.Old != f.New)
                .Select(f => new FieldChange(f.Name, f.Old, f.New)).ToList();
            if (changes.Count > 0) update.Variants.Add(new VariantUpdate(linked, variant, changes));
        }

        var keys = draft.Variants.Select(v => Key(v.VariantCode, ProductSetInput.UnitOption(draft, v))).ToHashSet();
        var removed = mapped.Where(v => !keys.Contains(Key(v.VariantCode, v.UnitOfMeasure))).ToList();
        if (removed.Count > 0)
        {
            var names = string.Join(", ", removed.Select(v => string.Join(" / ", new[] { v.VariantCode, v.UnitOfMeasure }.Where(p => p.Length > 0)) is { Length: > 0 } name ? name : "(the item's default variant)"));
            if (removedVariants == RemovedVariantAction.ArchiveWhenAllRemoved && stillBacked == 0)
            {
                update.NewVariants.Clear();
                if (product.Status != ProductStatus.Archived)
                    update.Fields.Add(new FieldChange("status", product.Status.ToString().ToUpperInvariant(), "ARCHIVED"));
                update.Notes.Add($"every item variant behind the product is gone ({names}): archived (actionForRemovedVariants ArchiveWhenAllRemoved)");
            }
            else
                update.Notes.Add($"variants kept in Shopify although their item variant was removed or blocked: {names} (actionForRemovedVariants {removedVariants})");
        }
        var unmapped = variants.Where(v => v.ItemNo.Length == 0).ToList();
        if (unmapped.Count > 0)
            update.Notes.Add($"left alone: {unmapped.Count} unmapped variant(s) ({string.Join(", ", unmapped.Select(v => v.Sku.Length > 0 ? v.Sku : v.Id))})");
        return update;
    }

    /// <summary>An item variant in a unit (blank: the sales unit), as mirror rows and drafts are matched; units compare
    /// ignoring case, as Business Central's codes.</summary>
    private static (string, string) Key(string variantCode, string unit) => (variantCode, unit.ToUpperInvariant());

    /// <summary>A variant ShopifyPS has no record of (imported, or linked by an earlier version) starts from the ERP's
    /// values now, so nothing is pushed over what Shopify has; only its prices follow the price record, as in
    /// Sync-ShopifyPrice (no record: the prices are sent).</summary>
    private static SentFields Adopt(IConnectorStore connector, string shop, string variantId, VariantDraft variant)
    {
        var record = SentFields.Of(variant);
        record.SetPrices(VariantPrices.Parse(connector.GetHash(shop, ContentKind.Variant, variantId)));
        return record;
    }
}
