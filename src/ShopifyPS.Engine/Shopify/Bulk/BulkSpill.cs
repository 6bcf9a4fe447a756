using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using ShopifyPS.Storage;

namespace ShopifyPS.Shopify;

/// <summary>
/// Where <see cref="BulkGroupReader"/> parks parents it cannot keep open: a <see cref="ScratchDatabase"/> with the
/// parents in the order they were spilled and their children by parent, so reading them back holds one parent at a
/// time.
/// </summary>
internal sealed class BulkSpill : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE parents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, line TEXT NOT NULL);" +
        "CREATE TABLE children (parent INTEGER NOT NULL, line TEXT NOT NULL);" +
        "CREATE INDEX children_parent ON children (parent);");
    private readonly SqliteCommand _insertParent;
    private readonly SqliteCommand _findParent;
    private readonly SqliteCommand _insertChild;

    public BulkSpill()
    {
        _insertParent = _database.Command("INSERT INTO parents (id, line) VALUES ($id, $line) RETURNING seq", "$id", "$line");
        _findParent = _database.Command("SELECT seq FROM parents WHERE id = $id", "$id");
        _insertChild = _database.Command("INSERT INTO children (parent, line) VALUES ($parent, $line)", "$parent", "$line");
    }

    /// <summary>Parks a parent with the children it has so far.</summary>
    public void AddParent(BulkRecord parent)
    {
        _insertParent.Parameters["$id"].Value = parent.Id!;
        _insertParent.Parameters["$line"].Value = parent.Data.ToString(Formatting.None);
        var seq = (long)_insertParent.ExecuteScalar()!;
        foreach (var child in parent.Children) InsertChild(seq, child);
    }

    /// <summary>Parks a child of a spilled parent; false when its parent was never spilled.</summary>
    public bool AddChild(BulkRecord child)
    {
        _findParent.Parameters["$id"].Value = child.ParentId!;
        if (_findParent.ExecuteScalar() is not long seq) return false;
        InsertChild(seq, child);
        return true;
    }

    /// <summary>The spilled parents in the order they were spilled, each with all its children.</summary>
    public IEnumerable<BulkRecord> ReadBack()
    {
        var children = _database.Command("SELECT line FROM children WHERE parent = $parent ORDER BY rowid", "$parent");
        using var parents = _database.Command("SELECT seq, id, line FROM parents ORDER BY seq").ExecuteReader();
        while (parents.Read())
        {
            var parent = new BulkRecord(Json.ParseObject(parents.GetString(2)), null);
            children.Parameters["$parent"].Value = parents.GetInt64(0);
            using (var lines = children.ExecuteReader())
                while (lines.Read()) parent.AddChild(new BulkRecord(Json.ParseObject(lines.GetString(0)), parents.GetString(1)));
            yield return parent;
        }
    }

    public void Dispose() => _database.Dispose();

    private void InsertChild(long parent, BulkRecord child)
    {
        _insertChild.Parameters["$parent"].Value = parent;
        _insertChild.Parameters["$line"].Value = child.Data.ToString(Formatting.None);
        _insertChild.ExecuteNonQuery();
    }
}
