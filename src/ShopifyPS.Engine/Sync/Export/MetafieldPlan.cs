using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Export;

/// <summary>One mapped metafield an update sets (<see cref="New"/>) or deletes (null: its ERP value became blank).</summary>
internal sealed record MetafieldChange(string OwnerId, string Label, string Namespace, string Key, string? Old, MetafieldValue? New)
{
    public string Name => $"{Namespace}.{Key}";

    public override string ToString() =>
        $"{Label}metafield {Name} {(Old is null ? "(none)" : $"'{Old}'")} → {(New is null ? "(deleted)" : $"'{New.Value}'")}";
}

/// <summary>
/// What ShopifyPS last set of the mapped metafields, per owner (content record Metafields: JSON name → value), and the
/// changes an update sends: values that differ from the record, and deletes of mapped metafields it set whose ERP
/// value is now blank. Metafields under other namespaces or keys are never in the record, so they are never touched.
/// </summary>
internal static class MetafieldPlan
{
    /// <summary>The changes of the product and its linked variants (by item variant code).</summary>
    public static List<MetafieldChange> Changes(IConnectorStore connector, ShopProduct product, ProductDraft draft, IReadOnlyList<MetafieldMapping> mappings, bool force)
    {
        var changes = new List<MetafieldChange>();
        if (mappings.Count == 0) return changes;
        Owner(connector, product.Shop, product.Id, "", draft.Metafields, mappings.Where(m => m.Owner == MetafieldOwner.Product), force, changes);
        var variantMappings = mappings.Where(m => m.Owner == MetafieldOwner.Variant).ToList();
        if (variantMappings.Count == 0) return changes;
        var linked = connector.VariantsOfProduct(product.Shop, product.Id).Where(v => v.ItemNo == draft.ItemNo).ToList();
        foreach (var variant in draft.Variants)
            if (linked.FirstOrDefault(v => v.VariantCode == variant.VariantCode) is { } shopVariant)
                Owner(connector, product.Shop, shopVariant.Id, $"variant {ProductSetInput.OptionValue(draft, variant)}: ", variant.Metafields, variantMappings, force, changes);
        return changes;
    }

    private static void Owner(IConnectorStore connector, string shop, string ownerId, string label, IReadOnlyList<MetafieldValue> values,
        IEnumerable<MetafieldMapping> mappings, bool force, List<MetafieldChange> changes)
    {
        var sent = Read(connector, shop, ownerId);
        foreach (var mapping in mappings)
        {
            var value = values.FirstOrDefault(v => v.Namespace == mapping.Namespace && v.Key == mapping.Key);
            var old = sent.GetValueOrDefault(mapping.ToString());
            if (value is not null && (force || old != value.Value) || value is null && old is not null)
                changes.Add(new MetafieldChange(ownerId, label, mapping.Namespace, mapping.Key, old, value));
        }
    }

    /// <summary>Records the changes Shopify accepted, owner by owner.</summary>
    public static void Record(IConnectorStore connector, string shop, IEnumerable<MetafieldChange> accepted)
    {
        foreach (var owner in accepted.GroupBy(c => c.OwnerId))
            Record(connector, shop, owner.Key, owner.Select(c => c.New).OfType<MetafieldValue>(), owner.Where(c => c.New is null).Select(c => c.Name));
    }

    /// <summary>Records the values Shopify accepted for one owner (no record is written for an owner without any).</summary>
    public static void Record(IConnectorStore connector, string shop, string ownerId, IEnumerable<MetafieldValue> values, IEnumerable<string> deleted)
    {
        var sent = Read(connector, shop, ownerId);
        foreach (var value in values) sent[value.Name] = value.Value;
        foreach (var name in deleted) sent.Remove(name);
        if (sent.Count == 0) connector.DeleteHash(shop, ContentKind.Metafields, ownerId);
        else connector.SetHash(shop, ContentKind.Metafields, ownerId, JObject.FromObject(sent).ToString(Formatting.None));
    }

    private static Dictionary<string, string> Read(IConnectorStore connector, string shop, string ownerId) =>
        connector.GetHash(shop, ContentKind.Metafields, ownerId) is { } json
            ? JObject.Parse(json).Properties().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
