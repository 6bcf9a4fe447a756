using System.Buffers;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>A Shopify bulk operation as last polled (BulkOperationFields.fragment.graphql).</summary>
public sealed class BulkOperation
{
    private static readonly string[] Terminal = { "COMPLETED", "FAILED", "CANCELED", "EXPIRED" };

    internal BulkOperation(JObject node)
    {
        Id = node.Value<string>("id") ?? "";
        Status = node.Value<string>("status") ?? "";
        Type = node.Value<string>("type") ?? "";
        ErrorCode = node.Value<string>("errorCode");
        ObjectCount = node.Value<long?>("objectCount") ?? 0;
        RootObjectCount = node.Value<long?>("rootObjectCount") ?? 0;
        Url = node.Value<string>("url");
        PartialDataUrl = node.Value<string>("partialDataUrl");
    }

    public string Id { get; }
    /// <summary>CREATED, RUNNING, COMPLETED, CANCELING, CANCELED, FAILED or EXPIRED.</summary>
    public string Status { get; }
    /// <summary>QUERY or MUTATION.</summary>
    public string Type { get; }
    public string? ErrorCode { get; }
    public long ObjectCount { get; }
    /// <summary>The objects at the root of the query only (the products of a products export, not their variants).</summary>
    public long RootObjectCount { get; }
    /// <summary>The JSONL result (null when the operation produced no lines).</summary>
    public string? Url { get; }
    public string? PartialDataUrl { get; }

    public bool IsFinished => Terminal.Contains(Status);

    public override string ToString() => $"{Id} {Status} ({ObjectCount} objects)";
}

/// <summary>What both bulk runners do once an operation is started: poll it to its end and stream its JSONL result.</summary>
internal static class BulkOperations
{
    /// <summary>Starts an operation through <paramref name="documentName"/> and returns it, or throws with Shopify's userErrors.</summary>
    public static async Task<BulkOperation> StartAsync(ShopifyClient client, string documentName, object variables, CancellationToken cancellationToken, bool? retrySafe = null)
    {
        var response = await client.ExecuteAsync(QueryDocument.Get(documentName), variables, cancellationToken, retrySafe).ConfigureAwait(false);
        var payload = response.Payload().ThrowIfFailed();
        return new BulkOperation(payload["bulkOperation"] as JObject
            ?? throw new ShopifyException("Shopify started no bulk operation.", documentName, response.RequestId));
    }

    /// <summary>Polls until the operation finishes; anything but COMPLETED is a <see cref="ShopifyBulkOperationException"/>.</summary>
    public static async Task<BulkOperation> WaitAsync(ShopifyClient client, BulkOperation operation, CancellationToken cancellationToken)
    {
        var options = client.Options;
        for (var poll = 0; !operation.IsFinished; poll++)
        {
            var interval = poll < options.BulkFastPolls ? options.BulkPollInterval : options.BulkSlowPollInterval;
            await Task.Delay(interval, options.Time, cancellationToken).ConfigureAwait(false);
            var response = await client.ExecuteAsync("BulkOperation", new { id = operation.Id }, cancellationToken).ConfigureAwait(false);
            operation = new BulkOperation(response.Data["bulkOperation"] as JObject
                ?? throw new ShopifyException($"Bulk operation {operation.Id} is not known to Shopify.", "BulkOperation", response.RequestId));
            client.Progress?.Report(RunEvent.Progress($"Bulk {operation.Type.ToLowerInvariant()} {operation.Status.ToLowerInvariant()}: {operation.ObjectCount} objects", operation.ObjectCount, 0));
        }
        if (operation.Status != "COMPLETED")
            throw new ShopifyBulkOperationException(operation.Id, operation.Status, operation.ErrorCode, operation.PartialDataUrl);
        return operation;
    }

    /// <summary>Streams the result file line by line, each parsed (no token is sent: the URL is signed storage, not Shopify's API).</summary>
    public static async IAsyncEnumerable<JObject> ReadLinesAsync(ShopifyClient client, string? url,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in ReadTextAsync(client, url, cancellationToken).ConfigureAwait(false)) yield return line.Parse();
    }

    /// <summary>The result file's non-blank lines as text, for a reader that takes only the fields it needs.</summary>
    public static async IAsyncEnumerable<BulkLine> ReadTextAsync(ShopifyClient client, string? url,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (url is null) yield break;
        using var response = await client.TransferAsync(() => new HttpRequestMessage(HttpMethod.Get, url), "The bulk result download",
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line)) yield return new BulkLine(number, line);
        }
    }
}

/// <summary>Reads one JSON value from the reader (a line of a bulk result).</summary>
internal delegate T Utf8LineReader<out T>(ref Utf8JsonReader reader);

/// <summary>One line of a bulk operation's JSONL result, with its number in the file.</summary>
internal readonly record struct BulkLine(int Number, string Text)
{
    /// <summary>Reads the line with <paramref name="read"/> over its UTF-8 bytes: for a reader of a very large result
    /// that takes only the fields it needs, without a token tree per line.</summary>
    /// <exception cref="ShopifyException">The line is not one JSON value of the shape <paramref name="read"/> takes.</exception>
    public T Read<T>(Utf8LineReader<T> read)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Text.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(Text, buffer)));
            var value = read(ref reader);
            if (reader.Read()) throw new System.Text.Json.JsonException("more than one JSON value on the line");
            return value;
        }
        // A value of another type than the field has (Utf8JsonReader's Get* methods), or a number or date that is not one.
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Malformed(ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public JObject Parse()
    {
        try
        {
            return Json.ParseObject(Text);
        }
        catch (Newtonsoft.Json.JsonReaderException ex)
        {
            throw Malformed(ex.Message);
        }
    }

    /// <summary>A line that is not the JSON Shopify writes: a download cut short, or a file that is not a bulk result.</summary>
    public ShopifyException Malformed(string why) =>
        new($"Line {Number} of the bulk operation's result file is not what Shopify writes ({why}). Run again; if it keeps failing, check Shopify's status page.");
}
