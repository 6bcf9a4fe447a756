using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// Compares the profile's items.metafields with the metafield definitions the shop has. A definition fixes its
/// metafield's type for every product or variant, so Shopify refuses a value sent as another type (INVALID_TYPE); the
/// check finds that once, before a sync fails it product by product. One read per owner type and namespace mapped.
/// </summary>
public static class MetafieldDefinitionCheck
{
    /// <summary>Why the mappings do not fit the shop's definitions, or null when they fit (or none is mapped).</summary>
    public static async Task<string?> RunAsync(ShopifyClient client, ShopProfile profile, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var group in profile.Items.Metafields.GroupBy(m => (m.Owner, m.Namespace)))
        {
            var definitions = new Dictionary<string, (string Name, string Type)>(StringComparer.Ordinal);
            var variables = new JObject { ["ownerType"] = group.Key.Owner == MetafieldOwner.Product ? "PRODUCT" : "PRODUCTVARIANT", ["namespace"] = group.Key.Namespace };
            await foreach (var node in client.PageAsync("MetafieldDefinitions", variables, "metafieldDefinitions", cancellationToken).ConfigureAwait(false))
                definitions[node.Value<string>("key") ?? ""] = (node.Value<string>("name") ?? "", node.SelectToken("type.name")?.Value<string>() ?? "");
            foreach (var mapping in group)
                if (definitions.TryGetValue(mapping.Key, out var definition) && definition.Type != mapping.Type)
                    problems.Add($"{group.Key.Owner.ToString().ToLowerInvariant()} metafield {mapping} is mapped as {mapping.Type}, but the shop's definition '{definition.Name}' makes it {definition.Type}");
        }
        return problems.Count == 0 ? null
            : $"The profile's items.metafields do not fit the shop's metafield definitions, and Shopify would refuse every such value: {string.Join("; ", problems)}. " +
              "Set each mapping's type to its definition's type in the profile, or change the definition in Shopify admin (Settings > Custom data).";
    }
}
