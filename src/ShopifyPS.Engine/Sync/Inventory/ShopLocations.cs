using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Inventory;

/// <summary>What a refresh changed in the profile's location list.</summary>
public sealed record LocationRefresh(IReadOnlyList<ShopLocation> Added, IReadOnlyList<(ShopLocation Location, string OldName)> Renamed,
    IReadOnlyList<ShopLocation> Removed, int ServicesChanged = 0)
{
    public bool Changed => Added.Count + Renamed.Count + Removed.Count + ServicesChanged > 0;
}

/// <summary>Shopify's locations and the profile's settings for them (V2).</summary>
public static class ShopLocations
{
    /// <summary>Every location of the shop, inactive ones included, in Shopify's order (by name).</summary>
    public static async Task<IReadOnlyList<ShopifyLocationFacts>> ReadAsync(ShopifyClient client, CancellationToken cancellationToken)
    {
        var locations = new List<ShopifyLocationFacts>();
        await foreach (var node in client.PageAsync("Locations", new JObject { ["first"] = 50 }, "locations", cancellationToken).ConfigureAwait(false))
        {
            locations.Add(new ShopifyLocationFacts(
                node.Value<string>("id")!, node.Value<string>("name") ?? "", node.Value<bool>("isActive"),
                node.Value<bool>("fulfillsOnlineOrders"), node.Value<bool>("shipsInventory"), node.Value<bool>("hasActiveInventory"),
                node.Value<bool>("isFulfillmentService"), (node["fulfillmentService"] as JObject)?.Value<string>("serviceName") ?? ""));
        }
        return locations;
    }

    /// <summary>
    /// Brings the profile's list in line with Shopify: new locations are added with stock calculation Disabled (nothing
    /// is synchronized to a location until someone says how), names follow Shopify, and locations Shopify no longer has
    /// are removed (a deleted Shopify location cannot come back under the same id; the caller reports their settings).
    /// </summary>
    public static LocationRefresh Merge(ShopProfile profile, IReadOnlyList<ShopifyLocationFacts> shopify)
    {
        var byId = shopify.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var removed = profile.Locations.Where(l => !byId.ContainsKey(l.Id)).ToList();
        var renamed = new List<(ShopLocation, string)>();
        var servicesChanged = 0;
        foreach (var location in profile.Locations)
        {
            if (!byId.TryGetValue(location.Id, out var facts)) continue;
            if (location.FulfillmentService != ServiceOf(facts))
            {
                location.FulfillmentService = ServiceOf(facts);
                servicesChanged++;
            }
            if (location.Name == facts.Name) continue;
            renamed.Add((location, location.Name));
            location.Name = facts.Name;
        }
        var known = profile.Locations.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var added = shopify.Where(l => !known.Contains(l.Id))
            .Select(l => new ShopLocation { Id = l.Id, Name = l.Name, StockCalculation = StockCalculation.Disabled, FulfillmentService = ServiceOf(l) })
            .ToList();
        profile.Locations.RemoveAll(removed.Contains);
        profile.Locations.AddRange(added);
        return new LocationRefresh(added, renamed, removed, servicesChanged);
    }

    // A fulfillment service location without a service name still counts as one (Shopify always names it).
    private static string? ServiceOf(ShopifyLocationFacts facts) =>
        facts.IsFulfillmentService ? (facts.FulfillmentService.Length > 0 ? facts.FulfillmentService : "fulfillment service") : null;

    /// <summary>Shopify's locations with the profile's settings for each.</summary>
    public static IEnumerable<ShopifyLocation> Join(ShopProfile profile, IReadOnlyList<ShopifyLocationFacts> shopify) =>
        shopify.Select(facts => new ShopifyLocation(profile.Name, facts.Id, facts.Name, facts,
            profile.Locations.FirstOrDefault(l => l.Id == facts.Id)));

    /// <summary>A profile location without Shopify's facts (after Set-ShopifyLocation).</summary>
    public static ShopifyLocation FromProfile(ShopProfile profile, ShopLocation location) =>
        new(profile.Name, location.Id, location.Name, null, location);

    /// <summary>The profile locations named or identified by <paramref name="nameOrId"/> (a name, a gid, or the number
    /// at the end of the gid); names compare without case.</summary>
    public static IReadOnlyList<ShopLocation> Find(ShopProfile profile, string nameOrId) =>
        profile.Locations.Where(l => l.Id == nameOrId || l.Id == $"gid://shopify/Location/{nameOrId}"
            || string.Equals(l.Name, nameOrId, StringComparison.OrdinalIgnoreCase)).ToList();
}
