using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Bulk exports: bulkOperationRunQuery with the text of a <c># bulk:</c> document, poll bulkOperation(id)
/// to completion, download the JSONL and stream it. Bulk queries run outside the point budget, so they are
/// the way to read a whole shop.
/// </summary>
public sealed class BulkQueryRunner
{
    private readonly ShopifyClient _client;

    public BulkQueryRunner(ShopifyClient client) => _client = client;

    /// <summary>The operation of the last run once Shopify completed it (set before its first object is handed out):
    /// its <see cref="BulkOperation.RootObjectCount"/> is the total a reader's progress counts towards.</summary>
    public BulkOperation? Completed { get; private set; }

    /// <summary>
    /// Runs the bulk document and yields its objects in file order, flat: a nested connection's object
    /// carries <see cref="BulkRecord.ParentId"/> and comes after its parent, though not necessarily
    /// directly after. Constant memory; <see cref="BulkGroupReader"/> hands them out as parents with their children.
    /// </summary>
    public async IAsyncEnumerable<BulkRecord> RunAsync(string bulkDocumentName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in RunLinesAsync(bulkDocumentName, cancellationToken).ConfigureAwait(false))
            yield return new BulkRecord(line.Parse());
    }

    /// <summary>The same as <see cref="RunAsync"/>, the lines as text: for a reader of a very large result that parses
    /// only the fields it needs.</summary>
    internal async IAsyncEnumerable<BulkLine> RunLinesAsync(string bulkDocumentName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var document = QueryDocument.Get(bulkDocumentName);
        if (!document.IsBulkQuery)
            throw new ArgumentException($"{bulkDocumentName} is not a bulk query document (it has no '# bulk:' header).", nameof(bulkDocumentName));
        var operation = await BulkOperations.StartAsync(_client, "BulkOperationRunQuery", new { query = document.Text }, cancellationToken).ConfigureAwait(false);
        _client.Progress?.Report(RunEvent.Verbose($"Bulk export {bulkDocumentName} started as {operation.Id}."));
        Completed = operation = await BulkOperations.WaitAsync(_client, operation, cancellationToken).ConfigureAwait(false);
        await foreach (var line in BulkOperations.ReadTextAsync(_client, operation.Url, cancellationToken).ConfigureAwait(false))
            yield return line;
    }
}

/// <summary>One object of a bulk export: its fields, its gid, and the gid of the object it is nested in.</summary>
public sealed class BulkRecord
{
    private const string ParentKey = "__parentId";
    private readonly List<BulkRecord> _children = new();

    internal BulkRecord(JObject line)
        : this(line, line.Value<string>(ParentKey))
    {
        line.Remove(ParentKey);
    }

    internal BulkRecord(JObject data, string? parentId)
    {
        ParentId = parentId;
        Data = data;
        Id = data.Value<string>("id");
    }

    public JObject Data { get; }
    public string? Id { get; }
    public string? ParentId { get; }

    /// <summary>The type part of the gid (Product, ProductVariant, InventoryLevel, ...).</summary>
    public string TypeName
    {
        get
        {
            if (Id is not { } id || !id.StartsWith(GidPrefix, StringComparison.Ordinal)) return "";
            var end = id.IndexOf('/', GidPrefix.Length);
            return id[GidPrefix.Length..(end < 0 ? id.Length : end)];
        }
    }

    private const string GidPrefix = "gid://shopify/";

    /// <summary>Nested objects (filled by <see cref="BulkGroupReader"/>).</summary>
    public IReadOnlyList<BulkRecord> Children => _children;

    public IEnumerable<BulkRecord> ChildrenOfType(string typeName) => _children.Where(c => c.TypeName == typeName);

    internal void AddChild(BulkRecord child) => _children.Add(child);

    public override string ToString() => Id ?? Data.ToString(Newtonsoft.Json.Formatting.None);
}
