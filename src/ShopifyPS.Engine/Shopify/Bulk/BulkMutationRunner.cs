using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Bulk imports: write one JSONL line of variables per execution, stagedUploadsCreate a
/// BULK_MUTATION_VARIABLES target, upload the file there (multipart POST with the target's parameters
/// first, then the file), bulkOperationRunMutation with the target's <c>key</c> as stagedUploadPath, poll to
/// completion and stream one <see cref="BulkMutationResult"/> per line. Lines are written to the file as they are
/// enumerated; when the next line would take the file past Shopify's limit per file
/// (<see cref="ShopifyClientOptions.BulkUploadMaxBytes"/>), that file runs as one operation and the lines go on in
/// the next. The operations run one after the other, well inside Shopify's limit of concurrent bulk operations.
/// </summary>
public sealed class BulkMutationRunner
{
    private const string FileName = "bulk-variables.jsonl";
    private const string MimeType = "text/jsonl";
    private readonly ShopifyClient _client;

    public BulkMutationRunner(ShopifyClient client) => _client = client;

    /// <summary>
    /// Runs the mutation document once per element of <paramref name="variableLines"/> (each serialized as that
    /// execution's variables). <paramref name="clientIdentifier"/> (10–255 characters) tags the operations so a
    /// later run can find them. Results come in the order Shopify wrote them; match them by line number (counted over
    /// all of <paramref name="variableLines"/>, whichever file a line went in).
    /// </summary>
    public async IAsyncEnumerable<BulkMutationResult> RunAsync(string mutationDocumentName, IEnumerable<object> variableLines,
        string? clientIdentifier = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var document = QueryDocument.Get(mutationDocumentName);
        if (!document.IsMutation)
            throw new ArgumentException($"{mutationDocumentName} is not a mutation document.", nameof(mutationDocumentName));
        // The kill switch holds for the lines' mutation, before anything is staged (the staged upload itself changes nothing).
        if (document.ChangesShop && !_client.Profile.AllowOutgoingRequests)
            throw new ShopifyOutgoingRequestsDisabledException(_client.Profile.Name, document.Name);
        var file = Path.Combine(Path.GetTempPath(), $"shopifyps-bulk-{Guid.NewGuid():N}.jsonl");
        try
        {
            using var lines = variableLines.Select(v => Encoding.UTF8.GetBytes(JToken.FromObject(v).ToString(Formatting.None) + "\n")).GetEnumerator();
            var pending = lines.MoveNext() ? lines.Current : null;
            for (var offset = 0; pending is not null;)
            {
                (var count, pending) = await WriteFileAsync(file, pending, lines, cancellationToken).ConfigureAwait(false);
                var stagedUploadPath = await UploadAsync(file, cancellationToken).ConfigureAwait(false);
                // Starting the operation may be replayed after a lost answer exactly when every line may run twice.
                var operation = await BulkOperations.StartAsync(_client, "BulkOperationRunMutation",
                    new { mutation = document.Text, stagedUploadPath, clientIdentifier }, cancellationToken, retrySafe: document.RetrySafe).ConfigureAwait(false);
                _client.Progress?.Report(RunEvent.Verbose($"Bulk {mutationDocumentName} of lines {offset}–{offset + count - 1} started as {operation.Id}."));
                operation = await BulkOperations.WaitAsync(_client, operation, cancellationToken).ConfigureAwait(false);
                await foreach (var line in BulkOperations.ReadLinesAsync(_client, operation.Url, cancellationToken).ConfigureAwait(false))
                    yield return new BulkMutationResult(line, offset);
                offset += count;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes <paramref name="first"/> and then lines while they fit the limit; returns how many were written and
    /// the line that did not fit (null when the lines are done). A line alone above the limit still makes a file of
    /// its own, which Shopify then refuses by its size.</summary>
    private async Task<(int Count, byte[]? Next)> WriteFileAsync(string file, byte[] first, IEnumerator<byte[]> lines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Create, FileAccess.Write);
        var (count, size) = (0, 0L);
        for (var line = first; ; line = lines.Current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (count > 0 && size + line.Length > _client.Options.BulkUploadMaxBytes) return (count, line);
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            (count, size) = (count + 1, size + line.Length);
            if (!lines.MoveNext()) return (count, null);
        }
    }

    /// <summary>Stages the file and returns the stagedUploadPath (the target's <c>key</c> parameter).</summary>
    private async Task<string> UploadAsync(string file, CancellationToken cancellationToken)
    {
        var staged = new StagedFile("BULK_MUTATION_VARIABLES", FileName, MimeType, new FileInfo(file).Length);
        var target = (await StagedUploads.CreateAsync(_client, [staged], cancellationToken).ConfigureAwait(false))[0];
        var key = target.Key
            ?? throw new ShopifyException("The staged upload target has no 'key' parameter to run the bulk mutation with.", "StagedUploadsCreate", null);
        await StagedUploads.UploadAsync(_client, target, staged, () => new StreamContent(File.OpenRead(file)), cancellationToken).ConfigureAwait(false);
        return key;
    }
}

/// <summary>The outcome of one line of a bulk mutation: the payload, the input Shopify refused, or the errors that stopped it.</summary>
public sealed class BulkMutationResult
{
    internal BulkMutationResult(JObject line, int lineOffset)
    {
        LineNumber = line.Value<int?>("__lineNumber") is { } number ? number + lineOffset : -1;
        Errors = ShopifyClient.ReadErrors(line["errors"]);
        Payload = (line["data"] as JObject)?.Properties().FirstOrDefault()?.Value as JObject;
        UserErrors = Payload is null ? Array.Empty<UserError>() : MutationPayload.ReadUserErrors(Payload);
    }

    /// <summary>The zero-based line of the variables this result belongs to, counted over all the operation's files.</summary>
    public int LineNumber { get; }
    public JObject? Payload { get; }
    public IReadOnlyList<UserError> UserErrors { get; }
    public IReadOnlyList<GraphQLError> Errors { get; }
    public bool Succeeded => Errors.Count == 0 && UserErrors.Count == 0 && Payload is not null;

    public override string ToString() =>
        $"line {LineNumber}: " + (Succeeded ? "ok" : string.Join("; ", Errors.Select(e => e.ToString()).Concat(UserErrors.Select(e => e.ToString()))));
}
