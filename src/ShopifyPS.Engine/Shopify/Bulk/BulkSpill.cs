using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Shopify;

/// <summary>
/// Where <see cref="BulkGroupReader{T}"/> parks parents it cannot keep open: a <see cref="ScratchDatabase"/> with the
/// parents' lines in the order they were spilled and their children's lines by parent, so reading them back holds one
/// parent at a time. Lines are kept as Shopify wrote them (with their numbers) and read again by the same reader, so a
/// spilled object comes back with every field it had.
/// </summary>
internal sealed class BulkSpill<T> : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE parents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number INTEGER NOT NULL, line TEXT NOT NULL);" +
        "CREATE TABLE children (parent INTEGER NOT NULL, number INTEGER NOT NULL, line TEXT NOT NULL);" +
        "CREATE INDEX children_parent ON children (parent);");
    private readonly Func<BulkLine, BulkRecord<T>> _read;
    private readonly SqliteCommand _insertParent;
    private readonly SqliteCommand _findParent;
    private readonly SqliteCommand _insertChild;

    public BulkSpill(Func<BulkLine, BulkRecord<T>> read)
    {
        _read = read;
        _insertParent = _database.Command("INSERT INTO parents (id, number, line) VALUES ($id, $number, $line) RETURNING seq", "$id", "$number", "$line");
        _findParent = _database.Command("SELECT seq FROM parents WHERE id = $id", "$id");
        _insertChild = _database.Command("INSERT INTO children (parent, number, line) VALUES ($parent, $number, $line)", "$parent", "$number", "$line");
    }

    /// <summary>Parks a parent with the children it has so far.</summary>
    public void AddParent(BulkRecord<T> parent)
    {
        _insertParent.Parameters["$id"].Value = parent.Id!;
        _insertParent.Parameters["$number"].Value = parent.Line.Number;
        _insertParent.Parameters["$line"].Value = parent.Line.Text;
        var seq = (long)_insertParent.ExecuteScalar()!;
        foreach (var child in parent.Children) InsertChild(seq, child);
    }

    /// <summary>Parks a child of a spilled parent; false when its parent was never spilled.</summary>
    public bool AddChild(BulkRecord<T> child)
    {
        _findParent.Parameters["$id"].Value = child.ParentId!;
        if (_findParent.ExecuteScalar() is not long seq) return false;
        InsertChild(seq, child);
        return true;
    }

    /// <summary>The spilled parents in the order they were spilled, each with all its children.</summary>
    public IEnumerable<BulkRecord<T>> ReadBack()
    {
        var children = _database.Command("SELECT number, line FROM children WHERE parent = $parent ORDER BY rowid", "$parent");
        using var parents = _database.Command("SELECT seq, number, line FROM parents ORDER BY seq").ExecuteReader();
        while (parents.Read())
        {
            var parent = _read(new BulkLine(parents.GetInt32(1), parents.GetString(2)));
            children.Parameters["$parent"].Value = parents.GetInt64(0);
            using (var lines = children.ExecuteReader())
                while (lines.Read()) parent.AddChild(_read(new BulkLine(lines.GetInt32(0), lines.GetString(1))));
            yield return parent;
        }
    }

    public void Dispose() => _database.Dispose();

    private void InsertChild(long parent, BulkRecord<T> child)
    {
        _insertChild.Parameters["$parent"].Value = parent;
        _insertChild.Parameters["$number"].Value = child.Line.Number;
        _insertChild.Parameters["$line"].Value = child.Line.Text;
        _insertChild.ExecuteNonQuery();
    }
}
