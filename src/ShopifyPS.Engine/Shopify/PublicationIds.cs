using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// The ids of the publications (sales channels) the profile's items.publications names. Products created through the
/// Admin API are on no channel until published (publishablePublish), so an "Active" product would not show in the
/// Online Store. In 2026-04 a Publication has no name: it is known by its catalog's title ("Online Store").
/// </summary>
public sealed record PublicationIds(IReadOnlyList<string> Ids, string? Problem)
{
    public static async Task<PublicationIds> ResolveAsync(ShopifyClient client, ShopProfile profile, CancellationToken cancellationToken)
    {
        var names = profile.Items.Publications;
        if (names.Count == 0) return new PublicationIds([], null);
        var response = await client.ExecuteAsync("Publications", new JObject(), cancellationToken).ConfigureAwait(false);
        var known = (response.Data.SelectToken("publications.nodes") as JArray ?? [])
            .Select(n => (Id: n.Value<string>("id") ?? "", Title: n.SelectToken("catalog.title")?.ToString() ?? ""))
            .Where(p => p.Title.Length > 0).ToList();
        var ids = new List<string>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var match = known.FirstOrDefault(p => string.Equals(p.Title, name, StringComparison.OrdinalIgnoreCase));
            if (match.Id is { Length: > 0 }) ids.Add(match.Id);
            else missing.Add(name);
        }
        return missing.Count == 0 ? new PublicationIds(ids, null) : new PublicationIds(ids,
            $"The profile's items.publications names {string.Join(", ", missing.Select(m => $"'{m}'"))}, which shop '{profile.Name}' does not have " +
            $"(it has: {string.Join(", ", known.Select(p => $"'{p.Title}'"))}). Correct it with Set-ShopifyShop -Publications.");
    }
}
