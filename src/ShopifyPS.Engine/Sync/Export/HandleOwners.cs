using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Which item each product handle belongs to in a create run: the handles of the products already linked to items, then
/// those the run plans, so a new item whose handle would be the same (item nos. that differ only in punctuation or case)
/// is not upserted onto another item's product. Kept in a <see cref="ScratchDatabase"/>, so a run over a catalog of any
/// size holds none of them in memory.
/// </summary>
internal sealed class HandleOwners : IDisposable
{
    private readonly ScratchDatabase _database = new("CREATE TABLE handles (handle TEXT PRIMARY KEY, item TEXT NOT NULL) WITHOUT ROWID;");
    private readonly SqliteCommand _claim;
    private readonly SqliteCommand _owner;

    /// <param name="linkedItemNos">The items linked to products; of two whose handles are the same, the first keeps it.</param>
    public HandleOwners(IEnumerable<string> linkedItemNos)
    {
        _claim = _database.Command("INSERT OR REPLACE INTO handles VALUES ($handle, $item)", "$handle", "$item");
        _owner = _database.Command("SELECT item FROM handles WHERE handle = $handle", "$handle");
        foreach (var no in linkedItemNos)
            if (OwnerOf(ProductSetInput.Handle(no)) is null) Claim(ProductSetInput.Handle(no), no);
    }

    /// <summary>The item the handle belongs to, or null.</summary>
    public string? OwnerOf(string handle)
    {
        _owner.Parameters["$handle"].Value = handle;
        return _owner.ExecuteScalar() as string;
    }

    public void Claim(string handle, string itemNo)
    {
        _claim.Parameters["$handle"].Value = handle;
        _claim.Parameters["$item"].Value = itemNo;
        _claim.ExecuteNonQuery();
    }

    public void Dispose() => _database.Dispose();
}
