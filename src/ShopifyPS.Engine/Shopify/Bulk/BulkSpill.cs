using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace ShopifyPS.Shopify;

/// <summary>
/// Where <see cref="BulkGroupReader"/> parks parents it cannot keep open: a temporary SQLite file (deleted on
/// dispose) with the parents in the order they were spilled and their children by parent, so reading them back holds
/// one parent at a time. Nothing here must survive a crash, so it runs without journal or sync.
/// </summary>
internal sealed class BulkSpill : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shopifyps-bulk-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insertParent;
    private readonly SqliteCommand _findParent;
    private readonly SqliteCommand _insertChild;

    public BulkSpill()
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" +
            "CREATE TABLE parents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, line TEXT NOT NULL);" +
            "CREATE TABLE children (parent INTEGER NOT NULL, line TEXT NOT NULL);" +
            "CREATE INDEX children_parent ON children (parent);");
        _transaction = _connection.BeginTransaction();
        _insertParent = Command("INSERT INTO parents (id, line) VALUES ($id, $line) RETURNING seq", "$id", "$line");
        _findParent = Command("SELECT seq FROM parents WHERE id = $id", "$id");
        _insertChild = Command("INSERT INTO children (parent, line) VALUES ($parent, $line)", "$parent", "$line");
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
        using var children = Command("SELECT line FROM children WHERE parent = $parent ORDER BY rowid", "$parent");
        using var parents = new SqliteCommand("SELECT seq, id, line FROM parents ORDER BY seq", _connection, _transaction);
        using var reader = parents.ExecuteReader();
        while (reader.Read())
        {
            var parent = new BulkRecord(Json.ParseObject(reader.GetString(2)), null);
            children.Parameters["$parent"].Value = reader.GetInt64(0);
            using (var lines = children.ExecuteReader())
                while (lines.Read()) parent.AddChild(new BulkRecord(Json.ParseObject(lines.GetString(0)), reader.GetString(1)));
            yield return parent;
        }
    }

    public void Dispose()
    {
        _insertParent.Dispose();
        _findParent.Dispose();
        _insertChild.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        File.Delete(_path);
    }

    private void InsertChild(long parent, BulkRecord child)
    {
        _insertChild.Parameters["$parent"].Value = parent;
        _insertChild.Parameters["$line"].Value = child.Data.ToString(Formatting.None);
        _insertChild.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, _connection, _transaction);
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private void Execute(string sql)
    {
        using var command = new SqliteCommand(sql, _connection);
        command.ExecuteNonQuery();
    }
}
