using ShopifyPS.Erp;
using ShopifyPS.Shopify;

namespace ShopifyPS.Profiles;

/// <summary>The rules items.metafields[] must meet: Shopify's namespace, key and type rules, exactly one source that
/// exists, and one mapping per owner, namespace and key.</summary>
internal static class MetafieldMappingRules
{
    public static void Validate(IReadOnlyList<MetafieldMapping> mappings, Action<ErrorId, string, string> add)
    {
        var seen = new HashSet<(MetafieldOwner, string, string)>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            var key = $"items.metafields[{i}]";
            if (m.Namespace.Length == 0 || m.Key.Length == 0 || m.Type.Length == 0)
            {
                add(ErrorCatalog.ProfileMissingKey, key, "Every metafield needs 'namespace', 'key' and 'type' (for example namespace: custom, key: material, type: single_line_text_field).");
                continue;
            }
            if (MetafieldTypes.NamespaceProblem(m.Namespace) is { } ns) add(ErrorCatalog.ProfileInvalidValue, $"{key}.namespace", ns);
            if (MetafieldTypes.KeyProblem(m.Key) is { } k) add(ErrorCatalog.ProfileInvalidValue, $"{key}.key", k);
            if (MetafieldTypes.TypeProblem(m.Type) is { } type) add(ErrorCatalog.ProfileInvalidValue, $"{key}.type", type);
            if ((m.Attribute.Length == 0) == (m.Field.Length == 0))
                add(ErrorCatalog.ProfileInvalidValue, key, $"The metafield {m} needs exactly one source: 'attribute' (an item attribute's name) or 'field' (a column of items.csv{(m.Owner == MetafieldOwner.Variant ? " or item-variants.csv" : "")}).");
            else if (m.Field.Length > 0 && Column(m.Owner, m.Field) is null)
                add(ErrorCatalog.ProfileInvalidValue, $"{key}.field",
                    $"'{m.Field}' is not a column of items.csv{(m.Owner == MetafieldOwner.Variant ? " or item-variants.csv" : "")}; use one of {string.Join(", ", Columns(m.Owner))}.");
            if (!seen.Add((m.Owner, m.Namespace, m.Key)))
                add(ErrorCatalog.ProfileInvalidValue, key, $"The {m.Owner.ToString().ToLowerInvariant()} metafield {m} is mapped twice; keep one entry.");
        }
    }

    /// <summary>The column a mapping's field names: the item variant's first (for a variant metafield), else the item's.</summary>
    public static ErpColumn? Column(MetafieldOwner owner, string field) =>
        (owner == MetafieldOwner.Variant ? ErpTables.ItemVariants.Column(field) : null) ?? ErpTables.Items.Column(field);

    private static IEnumerable<string> Columns(MetafieldOwner owner) =>
        (owner == MetafieldOwner.Variant ? ErpTables.ItemVariants.Columns : []).Concat(ErpTables.Items.Columns)
            .Select(c => c.Name).Where(n => n is not ("ItemNo" or "Blocked" or "SalesBlocked" or "PicturePath")).Distinct();
}
