using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Bulk imports: write one JSONL line of variables per execution, stagedUploadsCreate a
/// BULK_MUTATION_VARIABLES target, upload the file there (multipart POST with the target's parameters
/// first, then the file), bulkOperationRunMutation with the target's <c>key</c> as stagedUploadPath, poll to
/// completion and stream one <see cref="BulkMutationResult"/> per line. Shopify's limit is 100 MB a file.
/// </summary>
public sealed class BulkMutationRunner
{
    private const string FileName = "bulk-variables.jsonl";
    private const string MimeType = "text/jsonl";
    private readonly ShopifyClient _client;

    public BulkMutationRunner(ShopifyClient client) => _client = client;

    /// <summary>
    /// Runs the mutation document once per element of <paramref name="variableLines"/> (each serialized as that
    /// execution's variables). <paramref name="clientIdentifier"/> (10–255 characters) tags the operation so a
    /// later run can find it. Results come in the order Shopify wrote them; match them by line number.
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
            var lines = await WriteLinesAsync(file, variableLines, cancellationToken).ConfigureAwait(false);
            var stagedUploadPath = await UploadAsync(file, cancellationToken).ConfigureAwait(false);
            // Starting the operation may be replayed after a lost answer exactly when every line may run twice.
            var operation = await BulkOperations.StartAsync(_client, "BulkOperationRunMutation",
                new { mutation = document.Text, stagedUploadPath, clientIdentifier }, cancellationToken, retrySafe: document.RetrySafe).ConfigureAwait(false);
            _client.Progress?.Report(RunEvent.Verbose($"Bulk {mutationDocumentName} of {lines} lines started as {operation.Id}."));
            operation = await BulkOperations.WaitAsync(_client, operation, cancellationToken).ConfigureAwait(false);
            await foreach (var line in BulkOperations.ReadLinesAsync(_client, operation.Url, cancellationToken).ConfigureAwait(false))
                yield return new BulkMutationResult(line);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> WriteLinesAsync(string file, IEnumerable<object> variableLines, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
        foreach (var variables in variableLines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(JToken.FromObject(variables).ToString(Formatting.None)).ConfigureAwait(false);
            await writer.WriteAsync('\n').ConfigureAwait(false);
            count++;
        }
        return count;
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
    internal BulkMutationResult(JObject line)
    {
        LineNumber = line.Value<int?>("__lineNumber") ?? -1;
        Errors = ShopifyClient.ReadErrors(line["errors"]);
        Payload = (line["data"] as JObject)?.Properties().FirstOrDefault()?.Value as JObject;
        UserErrors = Payload is null ? Array.Empty<UserError>() : MutationPayload.ReadUserErrors(Payload);
    }

    /// <summary>The zero-based line of the uploaded variables this result belongs to.</summary>
    public int LineNumber { get; }
    public JObject? Payload { get; }
    public IReadOnlyList<UserError> UserErrors { get; }
    public IReadOnlyList<GraphQLError> Errors { get; }
    public bool Succeeded => Errors.Count == 0 && UserErrors.Count == 0 && Payload is not null;

    public override string ToString() =>
        $"line {LineNumber}: " + (Succeeded ? "ok" : string.Join("; ", Errors.Select(e => e.ToString()).Concat(UserErrors.Select(e => e.ToString()))));
}
