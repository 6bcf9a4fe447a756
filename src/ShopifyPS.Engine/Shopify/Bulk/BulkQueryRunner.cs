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

    /// <summary>
    /// Runs the bulk document and yields its objects in file order, flat: a nested connection's object
    /// carries <see cref="BulkRecord.ParentId"/> and comes after its parent, though not necessarily
    /// directly after. Constant memory; use <see cref="BulkRecord.Nest"/> to rebuild the tree.
    /// </summary>
    public async IAsyncEnumerable<BulkRecord> RunAsync(string bulkDocumentName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var document = QueryDocument.Get(bulkDocumentName);
        if (!document.IsBulkQuery)
            throw new ArgumentException($"{bulkDocumentName} is not a bulk query document (it has no '# bulk:' header).", nameof(bulkDocumentName));
        var operation = await BulkOperations.StartAsync(_client, "BulkOperationRunQuery", new { query = document.Text }, cancellationToken).ConfigureAwait(false);
        _client.Progress?.Report(RunEvent.Verbose($"Bulk export {bulkDocumentName} started as {operation.Id}."));
        operation = await BulkOperations.WaitAsync(_client, operation, cancellationToken).ConfigureAwait(false);
        await foreach (var line in BulkOperations.ReadLinesAsync(_client, operation.Url, cancellationToken).ConfigureAwait(false))
            yield return new BulkRecord(line);
    }
}

/// <summary>One object of a bulk export: its fields, its gid, and the gid of the object it is nested in.</summary>
public sealed class BulkRecord
{
    private const string ParentKey = "__parentId";
    private readonly List<BulkRecord> _children = new();

    internal BulkRecord(JObject line)
    {
        ParentId = line.Value<string>(ParentKey);
        line.Remove(ParentKey);
        Data = line;
        Id = line.Value<string>("id");
    }

    public JObject Data { get; }
    public string? Id { get; }
    public string? ParentId { get; }

    /// <summary>The type part of the gid (Product, ProductVariant, InventoryLevel, ...).</summary>
    public string TypeName => Id is { } id && id.StartsWith("gid://shopify/", StringComparison.Ordinal)
        ? id["gid://shopify/".Length..].Split('/')[0]
        : "";

    /// <summary>Nested objects (filled by <see cref="Nest"/>).</summary>
    public IReadOnlyList<BulkRecord> Children => _children;

    public IEnumerable<BulkRecord> ChildrenOfType(string typeName) => _children.Where(c => c.TypeName == typeName);

    /// <summary>
    /// Rebuilds parent/child from <c>__parentId</c> and returns the top-level objects with their children
    /// attached. Holds the whole export in memory, because a child may come long after its parent.
    /// </summary>
    public static async Task<IReadOnlyList<BulkRecord>> Nest(IAsyncEnumerable<BulkRecord> records, CancellationToken cancellationToken = default)
    {
        var roots = new List<BulkRecord>();
        var byId = new Dictionary<string, BulkRecord>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (record.Id is not null) byId[record.Id] = record;
            if (record.ParentId is null) roots.Add(record);
            else if (byId.TryGetValue(record.ParentId, out var parent)) parent._children.Add(record);
            else throw new InvalidDataException($"Bulk result line {record.Id ?? record.Data.ToString()} names parent {record.ParentId}, which did not come before it.");
        }
        return roots;
    }

    public override string ToString() => Id ?? Data.ToString(Newtonsoft.Json.Formatting.None);
}
