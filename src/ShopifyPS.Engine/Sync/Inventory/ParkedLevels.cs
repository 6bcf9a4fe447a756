using Microsoft.Data.Sqlite;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Inventory;

/// <summary>
/// The levels a run has to stock, parked in a <see cref="ScratchDatabase"/> by line number from the batch that found them
/// until the end of the run, so that one activation (one bulk mutation from the threshold on) stocks them all while
/// memory stays bounded by a batch: each answer reads its own level back by its line.
/// </summary>
internal sealed class ParkedLevels : IDisposable
{
    private readonly ScratchDatabase _database = new("CREATE TABLE levels (line INTEGER PRIMARY KEY, level TEXT NOT NULL);");
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _read;
    private readonly IReadOnlyDictionary<string, ShopLocation> _locations;

    public ParkedLevels(IEnumerable<ShopLocation> locations)
    {
        _locations = locations.ToDictionary(l => l.Id, StringComparer.Ordinal);
        _insert = _database.Command("INSERT INTO levels VALUES ($line, $level)", "$line", "$level");
        _read = _database.Command("SELECT level FROM levels WHERE line = $line", "$line");
    }

    public int Count { get; private set; }

    public void Add(LevelPlan plan)
    {
        _insert.Parameters["$line"].Value = Count++;
        _insert.Parameters["$level"].Value = ScratchJson.Write(
            new Parked(plan.Variant, plan.Location.Id, plan.Figure, plan.InventoryItemId, plan.Known));
        _insert.ExecuteNonQuery();
    }

    /// <summary>The level of one line.</summary>
    public LevelPlan Level(int line)
    {
        _read.Parameters["$line"].Value = line;
        return Plan((string)_read.ExecuteScalar()!);
    }

    /// <summary>Every level in line order, read as they are enumerated.</summary>
    public IEnumerable<LevelPlan> Levels()
    {
        using var reader = _database.Command("SELECT level FROM levels ORDER BY line").ExecuteReader();
        while (reader.Read()) yield return Plan(reader.GetString(0));
    }

    public void Dispose() => _database.Dispose();

    private LevelPlan Plan(string text)
    {
        var parked = ScratchJson.Read<Parked>(text);
        return new LevelPlan(parked.Variant, _locations[parked.LocationId], parked.Figure)
        {
            InventoryItemId = parked.InventoryItemId, Known = parked.Known, Activated = parked.Known,
        };
    }

    private sealed record Parked(ShopVariant Variant, string LocationId, StockFigure Figure, string InventoryItemId, bool Known);
}
