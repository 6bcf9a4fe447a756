using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// The ids of the collections new products join (items.collections, each a handle or a title). Only custom collections
/// take products by hand; a smart collection chooses its products by its conditions, so naming one is a profile error,
/// as is a name the shop has no collection for. Both are found before anything is created.
/// </summary>
public sealed record CollectionIds(IReadOnlyList<string> Ids, string? Problem)
{
    public static async Task<CollectionIds> ResolveAsync(ShopifyClient client, ShopProfile profile, CancellationToken cancellationToken)
    {
        var names = profile.Items.Collections;
        if (names.Count == 0) return new CollectionIds([], null);
        var query = string.Join(" OR ", names.SelectMany(n => new[] { "handle:" + ProductReader.SearchValue(n), "title:" + ProductReader.SearchValue(n) }));
        var response = await client.ExecuteAsync("Collections", new JObject { ["query"] = query }, cancellationToken).ConfigureAwait(false);
        var known = (response.Data.SelectToken("collections.nodes") as JArray ?? [])
            .Select(n => (Id: n.Value<string>("id") ?? "", Handle: n.Value<string>("handle") ?? "", Title: n.Value<string>("title") ?? "", Smart: n["ruleSet"] is JObject))
            .ToList();
        var ids = new List<string>();
        var problems = new List<string>();
        foreach (var name in names)
        {
            var match = known.FirstOrDefault(c => string.Equals(c.Handle, name, StringComparison.OrdinalIgnoreCase));
            if (match.Id is not { Length: > 0 }) match = known.FirstOrDefault(c => string.Equals(c.Title, name, StringComparison.OrdinalIgnoreCase));
            if (match.Id is not { Length: > 0 })
                problems.Add($"'{name}' is neither the handle nor the title of a collection of shop '{profile.Name}'");
            else if (match.Smart)
                problems.Add($"'{name}' is a smart collection: its conditions choose its products and Shopify refuses products added by hand; make it a custom collection or leave it out");
            else ids.Add(match.Id);
        }
        return problems.Count == 0 ? new CollectionIds(ids, null)
            : new CollectionIds(ids, $"The profile's items.collections cannot be used: {string.Join("; ", problems)}. Correct it with Set-ShopifyShop -Collections.");
    }
}
