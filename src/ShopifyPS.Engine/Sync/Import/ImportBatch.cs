using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// Products imported in one store transaction, each in a savepoint of its own: a product that fails still leaves
/// nothing behind, while the commit is paid once per batch instead of once per product (per product it was the
/// largest cost of a first import). The results of a batch are handed out only once it is committed, so a run that
/// stops never reports a product that was not saved; the products it had not committed are read again next time.
/// </summary>
internal sealed class ImportBatch(SqliteStore store) : IDisposable
{
    /// <summary>A batch is committed after this many products, and before anything is awaited (its transaction holds
    /// the store's write lock, which another run of the same store may be waiting for).</summary>
    public const int MaxProducts = 100;
    private readonly List<SyncResult> _results = new();
    private IStoreTransaction? _transaction;
    private int _products;

    public bool IsFull => _products >= MaxProducts;

    /// <summary>Starts a product: a savepoint in the batch's transaction (begun with the batch's first product).</summary>
    public void BeginProduct()
    {
        _transaction ??= store.BeginTransaction();
        Execute("SAVEPOINT product");
    }

    public void KeepProduct() => Execute("RELEASE product");

    /// <summary>Takes back what the product wrote; the products before it in the batch stay.</summary>
    public void UndoProduct() => Execute("ROLLBACK TO product; RELEASE product");

    /// <summary>A product's results, handed out at the next <see cref="Commit"/>.</summary>
    public void Add(IReadOnlyList<SyncResult> results)
    {
        _products++;
        _results.AddRange(results);
    }

    /// <summary>Commits the batch and returns its results.</summary>
    public IReadOnlyList<SyncResult> Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        var results = _results.ToList();
        _results.Clear();
        _products = 0;
        return results;
    }

    public void Dispose() => _transaction?.Dispose();

    private void Execute(string sql)
    {
        using var command = store.Command(sql);
        command.ExecuteNonQuery();
    }
}
