using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Inventory;

/// <summary>One inventory level as Shopify reported it: the quantity of the profile's quantity name.</summary>
internal sealed record ShopifyLevel(string VariantId, string InventoryItemId, string LocationId, int Quantity);

/// <summary>
/// What a read of Shopify's stock found, per variant and location. A variant is <see cref="IsComplete"/> when every
/// one of its levels was seen, so a location missing for it means "not stocked there" rather than "not read".
/// </summary>
internal sealed class ShopifyLevels
{
    private readonly Dictionary<(string VariantId, string LocationId), ShopifyLevel> _levels = new();
    private readonly HashSet<string> _complete = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inventoryItems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _untracked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    public int Count => _levels.Count;

    public ShopifyLevel? Find(string variantId, string locationId) => _levels.GetValueOrDefault((variantId, locationId));

    public bool IsComplete(string variantId) => _complete.Contains(variantId);

    public string? InventoryItemOf(string variantId) => _inventoryItems.GetValueOrDefault(variantId);

    /// <summary>Shopify said the variant's inventory is not tracked (V1), whatever the mirror says.</summary>
    public bool IsUntracked(string variantId) => _untracked.Contains(variantId);

    /// <summary>The read asked for the variant and Shopify does not have it (any more).</summary>
    public bool IsMissing(string variantId) => _missing.Contains(variantId);

    /// <summary>The read covered the variant: what it found (or did not find) for it is Shopify's state.</summary>
    public bool WasRead(string variantId) => _complete.Contains(variantId) || _inventoryItems.ContainsKey(variantId);

    public void Missing(string variantId) => _missing.Add(variantId);

    public void Add(ShopifyLevel level)
    {
        _levels[(level.VariantId, level.LocationId)] = level;
        _inventoryItems[level.VariantId] = level.InventoryItemId;
    }

    public void Variant(string variantId, string inventoryItemId, bool tracked, bool complete)
    {
        if (inventoryItemId.Length > 0) _inventoryItems[variantId] = inventoryItemId;
        if (!tracked) _untracked.Add(variantId);
        if (complete) _complete.Add(variantId);
    }

    /// <summary>Shopify's name for the quantity the profile synchronizes.</summary>
    public static string QuantityName(InventoryQuantityName name) => name == InventoryQuantityName.OnHand ? "on_hand" : "available";

    internal static int QuantityOf(JToken? quantities, string name) =>
        (quantities as JArray ?? new JArray()).OfType<JObject>().FirstOrDefault(q => q.Value<string>("name") == name)?.Value<int>("quantity") ?? 0;
}

/// <summary>Reads Shopify's inventory levels: per variant (a few at a time, from the point budget) or the whole shop with
/// a bulk query (outside the budget).</summary>
internal sealed class ShopifyLevelReader(ShopifyClient client, string quantityName, int locationCount)
{
    // The request must stay under Shopify's 1000-point limit; per variant it costs the variant, its inventory item,
    // the levels connection and, per level, the level, its location and its quantities.
    private const int MaxRequestedCost = 990;
    private readonly int _levelsPerVariant = Math.Clamp(locationCount, 1, 250);

    public int VariantsPerCall => Math.Clamp(MaxRequestedCost / (4 + 3 * _levelsPerVariant), 1, 250);

    public async Task ReadVariantsAsync(IReadOnlyList<string> variantIds, ShopifyLevels into, IProgress<RunEvent>? progress, CancellationToken cancellationToken)
    {
        for (var start = 0; start < variantIds.Count; start += VariantsPerCall)
        {
            var ids = variantIds.Skip(start).Take(VariantsPerCall).ToArray();
            progress?.Report(RunEvent.Progress($"Reading Shopify stock: {start + ids.Length} of {variantIds.Count} variants", start + ids.Length, variantIds.Count));
            var response = await client.ExecuteAsync("VariantInventoryLevels",
                new { ids, first = _levelsPerVariant, names = new[] { quantityName } }, cancellationToken).ConfigureAwait(false);
            var nodes = response.Data["nodes"] as JArray ?? new JArray();
            for (var i = 0; i < ids.Length; i++)
            {
                // nodes answers in the order of the ids, with null for an id Shopify does not know.
                if (i >= nodes.Count || nodes[i] is not JObject variant || variant["inventoryItem"] is not JObject item)
                {
                    into.Missing(ids[i]);
                    continue;
                }
                var variantId = ids[i];
                var itemId = item.Value<string>("id")!;
                var levels = item["inventoryLevels"] as JObject;
                into.Variant(variantId, itemId, item.Value<bool>("tracked"), complete: levels?["pageInfo"]?.Value<bool>("hasNextPage") != true);
                foreach (var level in CursorPaging.Nodes(levels ?? new JObject()))
                    into.Add(new ShopifyLevel(variantId, itemId, level["location"]!.Value<string>("id")!, ShopifyLevels.QuantityOf(level["quantities"], quantityName)));
            }
        }
    }

    /// <summary>Every level at the locations <paramref name="into"/> keeps, from one bulk export of the shop's stock, into it
    /// as it streams in (the whole shop: which variants a run needs is decided batch by batch).</summary>
    public async Task StageAllAsync(StagedLevels into, IProgress<RunEvent>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(RunEvent.Verbose("Reading Shopify's stock with a bulk query."));
        var read = BulkLevelLine.Reader(quantityName);
        await foreach (var line in new BulkQueryRunner(client).RunLinesAsync("BulkInventoryLevels", cancellationToken).ConfigureAwait(false))
        {
            var level = line.Read(read);
            if (!level.IsLevel || !into.Keeps(level.LocationId!)) continue;
            into.Add(new ShopifyLevel(level.VariantId!, level.InventoryItemId ?? "", level.LocationId!, level.Quantity), level.Tracked);
            if (into.Count % 10_000 == 0) progress?.Report(RunEvent.Progress($"Reading Shopify stock: {into.Count} levels", into.Count, 0));
        }
        progress?.Report(RunEvent.Verbose($"Read {into.Count} inventory levels from Shopify."));
    }
}
