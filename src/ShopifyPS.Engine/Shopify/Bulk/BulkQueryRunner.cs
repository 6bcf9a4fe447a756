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
    /// Runs the bulk document and yields its objects in file order, flat, each as a JObject: a nested connection's
    /// object carries <see cref="BulkRecord{T}.ParentId"/> and comes after its parent, though not necessarily
    /// directly after. Constant memory.
    /// </summary>
    internal async IAsyncEnumerable<BulkRecord<JObject>> RunAsync(string bulkDocumentName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var line in RunLinesAsync(bulkDocumentName, cancellationToken).ConfigureAwait(false))
            yield return BulkRecord.Parse(line);
    }

    /// <summary>The same as <see cref="RunAsync"/>, the lines as text: for a reader of a very large result that reads
    /// only the fields it needs (<see cref="BulkLine.Read"/>), and for <see cref="BulkGroupReader{T}"/>.</summary>
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
