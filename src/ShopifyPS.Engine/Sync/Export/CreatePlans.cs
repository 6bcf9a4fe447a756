using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The products one create run plans and creates, kept in a <see cref="ScratchDatabase"/> rather than in memory, so a
/// create of any size holds at most its buffer's size of plans at once: the plans by line number (their line in
/// the bulk mutation's JSONL, read back when its answer comes), each with the draft its product is recorded from; and
/// the products created, by line number again (their line in the publishing), with the text of their result.
/// </summary>
internal sealed class CreatePlans : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE plans (line INTEGER PRIMARY KEY, item TEXT NOT NULL, draft TEXT NOT NULL, variables TEXT NOT NULL);" +
        "CREATE TABLE created (line INTEGER PRIMARY KEY, item TEXT NOT NULL, id TEXT NOT NULL, locales TEXT NOT NULL, what TEXT NOT NULL);");
    private readonly ScratchBuffer<PlannedProduct> _buffer;
    private readonly SqliteCommand _insertPlan;
    private readonly SqliteCommand _readPlan;
    private readonly SqliteCommand _insertCreated;
    private readonly SqliteCommand _readCreated;

    public CreatePlans(int bufferSize)
    {
        _buffer = new(bufferSize, Write);
        _insertPlan = _database.Command("INSERT INTO plans VALUES ($line, $item, $draft, $variables)", "$line", "$item", "$draft", "$variables");
        _readPlan = _database.Command("SELECT draft, variables FROM plans WHERE line = $line", "$line");
        _insertCreated = _database.Command("INSERT INTO created VALUES ($line, $item, $id, $locales, $what)", "$line", "$item", "$id", "$locales", "$what");
        _readCreated = _database.Command("SELECT item, id, locales, what FROM created WHERE line = $line", "$line");
    }

    /// <summary>The most plans held in memory at once (never above the buffer's size).</summary>
    public int MostHeld => _buffer.MostHeld;

    /// <summary>The plans added, which are the lines of the create.</summary>
    public int Count => _buffer.Count;

    /// <summary>The products recorded as created, which are the lines of the publishing.</summary>
    public int CreatedCount { get; private set; }

    public void Add(PlannedProduct plan) => _buffer.Add(plan);

    /// <summary>The plan of one line.</summary>
    public PlannedProduct Plan(int line)
    {
        _buffer.Flush();
        _readPlan.Parameters["$line"].Value = line;
        using var reader = _readPlan.ExecuteReader();
        if (!reader.Read()) throw new ArgumentOutOfRangeException(nameof(line), line, "No plan has this line.");
        return new PlannedProduct(ScratchJson.Read<ProductDraft>(reader.GetString(0)), new JRaw(reader.GetString(1)));
    }

    /// <summary>Every plan's productSet variables in line order, read as they are enumerated.</summary>
    public IEnumerable<JToken> Variables()
    {
        _buffer.Flush();
        return _database.Rows("SELECT variables FROM plans ORDER BY line", reader => (JToken)new JRaw(reader.GetString(0)));
    }

    /// <summary>Every plan's item no. in line order, read as they are enumerated.</summary>
    public IEnumerable<string> ItemNos()
    {
        _buffer.Flush();
        return _database.Rows("SELECT item FROM plans ORDER BY line", reader => reader.GetString(0));
    }

    /// <summary>Records a created (or found) product as the next line of the publishing, with the locales it is translated
    /// into ("" for none).</summary>
    public void AddCreated(string itemNo, string productId, string locales, string what)
    {
        _insertCreated.Parameters["$line"].Value = CreatedCount++;
        _insertCreated.Parameters["$item"].Value = itemNo;
        _insertCreated.Parameters["$id"].Value = productId;
        _insertCreated.Parameters["$locales"].Value = locales;
        _insertCreated.Parameters["$what"].Value = what;
        _insertCreated.ExecuteNonQuery();
    }

    /// <summary>The created product of one line of the publishing.</summary>
    public CreatedProduct Created(int line)
    {
        _readCreated.Parameters["$line"].Value = line;
        using var reader = _readCreated.ExecuteReader();
        if (!reader.Read()) throw new ArgumentOutOfRangeException(nameof(line), line, "No created product has this line.");
        return new CreatedProduct(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
    }

    /// <summary>The ids of the created products in line order, read as they are enumerated.</summary>
    public IEnumerable<string> CreatedIds() => _database.Rows("SELECT id FROM created ORDER BY line", reader => reader.GetString(0));

    public void Dispose() => _database.Dispose();

    private void Write(int line, PlannedProduct plan)
    {
        _insertPlan.Parameters["$line"].Value = line;
        _insertPlan.Parameters["$item"].Value = plan.ItemNo;
        _insertPlan.Parameters["$draft"].Value = ScratchJson.Write(plan.Draft);
        _insertPlan.Parameters["$variables"].Value = (string)plan.Variables.Value!;
        _insertPlan.ExecuteNonQuery();
    }
}

/// <summary>A product the create made or found: its item, id, the locales it is translated into ("" for none), and what
/// its result says (before publishing).</summary>
internal sealed record CreatedProduct(string ItemNo, string ProductId, string Locales, string What);
