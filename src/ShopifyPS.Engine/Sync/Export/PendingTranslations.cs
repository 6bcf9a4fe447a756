using Microsoft.Data.Sqlite;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// The translations a run is to register, kept in a <see cref="ScratchDatabase"/> rather than in memory until
/// <see cref="TranslationSender"/> sends them, so a create of any size holds at most its buffer's size of products'
/// translations at once: the products' changes in the order they were added; the calls made of them once their
/// digests are known, by line number (their line in the bulk mutation's JSONL, read back when its answer comes); and
/// why Shopify refused a product's, by product.
/// </summary>
internal sealed class PendingTranslations : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE pending (line INTEGER PRIMARY KEY, product TEXT NOT NULL, unread INTEGER NOT NULL, changes TEXT NOT NULL);" +
        "CREATE TABLE calls (line INTEGER PRIMARY KEY, product TEXT NOT NULL, changes TEXT NOT NULL);" +
        "CREATE TABLE refused (product TEXT PRIMARY KEY, problems TEXT NOT NULL) WITHOUT ROWID;");
    private readonly ScratchBuffer<ProductTranslationChanges> _buffer;
    private readonly SqliteCommand _insertPending;
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _readCall;
    private readonly SqliteCommand _insertRefused;
    private readonly SqliteCommand _readRefused;

    public PendingTranslations(int bufferSize)
    {
        _insertPending = _database.Command("INSERT INTO pending VALUES ($line, $product, $unread, $changes)", "$line", "$product", "$unread", "$changes");
        _insertCall = _database.Command("INSERT INTO calls VALUES ($line, $product, $changes)", "$line", "$product", "$changes");
        _readCall = _database.Command("SELECT product, changes FROM calls WHERE line = $line", "$line");
        _insertRefused = _database.Command("INSERT OR REPLACE INTO refused VALUES ($product, $problems)", "$product", "$problems");
        _readRefused = _database.Command("SELECT problems FROM refused WHERE product = $product", "$product");
        _buffer = new(bufferSize, Write);
    }

    /// <summary>The most products' translations held in memory at once (never above the buffer's size).</summary>
    public int MostHeld => _buffer.MostHeld;

    /// <summary>The products added.</summary>
    public int Count => _buffer.Count;

    /// <summary>The products added with a change whose digest is still to be read (its source text is new in this run).</summary>
    public int Unread { get; private set; }

    /// <summary>The calls made (<see cref="AddCall"/>), which are the lines of the translationsRegister.</summary>
    public int CallCount { get; private set; }

    /// <summary>Takes a product's changes to register (none: nothing to do).</summary>
    public void Add(string productId, IReadOnlyList<TranslationChange> changes)
    {
        if (changes.Count == 0) return;
        if (changes.Any(c => c.Digest is null)) Unread++;
        _buffer.Add(new ProductTranslationChanges(productId, changes));
    }

    /// <summary>The ids of the products with a digest to read, read as they are enumerated.</summary>
    public IEnumerable<string> UnreadIds()
    {
        _buffer.Flush();
        return _database.Rows("SELECT product FROM pending WHERE unread = 1 ORDER BY line", reader => reader.GetString(0));
    }

    /// <summary>Every product's changes in the order added, read as they are enumerated.</summary>
    public IEnumerable<ProductTranslationChanges> Products()
    {
        _buffer.Flush();
        return _database.Rows("SELECT product, changes FROM pending ORDER BY line", Changes);
    }

    /// <summary>Writes a product's changes, each with its digest, as the next call.</summary>
    public void AddCall(string productId, IReadOnlyList<TranslationChange> changes)
    {
        _insertCall.Parameters["$line"].Value = CallCount++;
        _insertCall.Parameters["$product"].Value = productId;
        _insertCall.Parameters["$changes"].Value = ScratchJson.Write(changes);
        _insertCall.ExecuteNonQuery();
    }

    /// <summary>Every call in line order, read as they are enumerated.</summary>
    public IEnumerable<ProductTranslationChanges> Calls() => _database.Rows("SELECT product, changes FROM calls ORDER BY line", Changes);

    /// <summary>The call of one line.</summary>
    public ProductTranslationChanges Call(int line)
    {
        _readCall.Parameters["$line"].Value = line;
        using var reader = _readCall.ExecuteReader();
        if (!reader.Read()) throw new ArgumentOutOfRangeException(nameof(line), line, "No call has this line.");
        return Changes(reader);
    }

    /// <summary>Records why Shopify refused (part of) a product's translations.</summary>
    public void Refuse(string productId, IReadOnlyList<string> problems)
    {
        _insertRefused.Parameters["$product"].Value = productId;
        _insertRefused.Parameters["$problems"].Value = ScratchJson.Write(problems);
        _insertRefused.ExecuteNonQuery();
    }

    /// <summary>Why Shopify refused the product's translations, or null when it did not.</summary>
    public IReadOnlyList<string>? Refused(string productId)
    {
        _readRefused.Parameters["$product"].Value = productId;
        return _readRefused.ExecuteScalar() is string problems ? ScratchJson.Read<List<string>>(problems) : null;
    }

    public void Dispose() => _database.Dispose();

    private static ProductTranslationChanges Changes(SqliteDataReader reader) =>
        new(reader.GetString(0), ScratchJson.Read<List<TranslationChange>>(reader.GetString(1)));

    private void Write(int line, ProductTranslationChanges product)
    {
        _insertPending.Parameters["$line"].Value = line;
        _insertPending.Parameters["$product"].Value = product.ProductId;
        _insertPending.Parameters["$unread"].Value = product.Changes.Any(c => c.Digest is null) ? 1 : 0;
        _insertPending.Parameters["$changes"].Value = ScratchJson.Write(product.Changes);
        _insertPending.ExecuteNonQuery();
    }
}
