using Newtonsoft.Json.Linq;

namespace ShopifyPS;

/// <summary>A metafield of a product or variant as Shopify has it: namespace, key, type and the value as text.</summary>
public sealed record ShopifyMetafield(string Namespace, string Key, string Type, string Value)
{
    /// <summary>The metafields of a connection ({ nodes { namespace key type value } }).</summary>
    internal static IReadOnlyList<ShopifyMetafield> From(JToken? connection) => connection is JObject page
        ? Shopify.CursorPaging.Nodes(page).Select(n => new ShopifyMetafield(
            n.Value<string>("namespace") ?? "", n.Value<string>("key") ?? "", n.Value<string>("type") ?? "", n.Value<string>("value") ?? "")).ToList()
        : [];

    /// <summary>namespace.key=value, as a list of them prints.</summary>
    public override string ToString() => $"{Namespace}.{Key}={Value}";
}
