using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// Shopify's stock as one bulk export of the whole shop delivered it (every level at the enabled locations), kept by
/// variant in a <see cref="ScratchDatabase"/>, so each batch of a run takes only its own variants' levels into memory.
/// A level's location is kept as its position among the enabled locations: a whole shop has a row per level, and
/// binding the location's id as text (one of three texts a row had) was a large part of writing it.
/// </summary>
internal sealed class StagedLevels : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE levels (variant TEXT NOT NULL, location INTEGER NOT NULL, item TEXT NOT NULL, quantity INTEGER NOT NULL, " +
        "tracked INTEGER NOT NULL, PRIMARY KEY (variant, location)) WITHOUT ROWID;");
    private readonly PositionalStatement _insert;
    private readonly SqliteCommand _range;
    private readonly IReadOnlyList<string> _locationIds;
    private readonly Dictionary<string, int> _locations;

    /// <param name="locationIds">The locations whose levels are kept (<see cref="Keeps"/>).</param>
    public StagedLevels(IReadOnlyList<string> locationIds)
    {
        _locationIds = locationIds;
        _locations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < locationIds.Count; i++) _locations.TryAdd(locationIds[i], i);
        _insert = _database.Statement("INSERT OR REPLACE INTO levels VALUES (?1, ?2, ?3, ?4, ?5)");
        _range = _database.Command("SELECT variant, location, item, quantity, tracked FROM levels WHERE variant BETWEEN $first AND $last",
            "$first", "$last");
    }

    public int Count { get; private set; }

    /// <summary>Whether levels at the location are kept: it is one of the run's enabled locations.</summary>
    public bool Keeps(string locationId) => _locations.ContainsKey(locationId);

    /// <summary>Keeps the level; its location must be one <see cref="Keeps"/> accepts.</summary>
    public void Add(ShopifyLevel level, bool tracked)
    {
        _insert.Execute([level.VariantId, _locations[level.LocationId], level.InventoryItemId, level.Quantity, tracked ? 1 : 0]);
        Count++;
    }

    /// <summary>The levels of <paramref name="variantIds"/> into <paramref name="into"/>; the export covered the whole shop,
    /// so each of these variants is read in full (a location without a level is one that does not stock it).</summary>
    public void Load(IReadOnlyCollection<string> variantIds, ShopifyLevels into)
    {
        if (variantIds.Count == 0) return;
        _range.Parameters["$first"].Value = variantIds.Min(StringComparer.Ordinal)!;
        _range.Parameters["$last"].Value = variantIds.Max(StringComparer.Ordinal)!;
        using (var reader = _range.ExecuteReader())
            while (reader.Read())
            {
                var variantId = reader.GetString(0);
                if (!variantIds.Contains(variantId)) continue;
                into.Add(new ShopifyLevel(variantId, reader.GetString(2), _locationIds[reader.GetInt32(1)], reader.GetInt32(3)));
                if (reader.GetInt64(4) == 0) into.Variant(variantId, reader.GetString(2), tracked: false, complete: true);
            }
        foreach (var variantId in variantIds)
            into.Variant(variantId, "", tracked: !into.IsUntracked(variantId), complete: true);
    }

    public void Dispose() => _database.Dispose();
}
