using Newtonsoft.Json.Linq;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Sends the metafield changes of planned updates: metafieldsSet with at most 25 metafields a call (Shopify's limit; the
/// call is atomic, so a call never mixes products) and metafieldsDelete for mapped values that became blank, one call
/// per product and kind, or one bulk mutation from the bulk threshold on (<see cref="MutationCalls"/>).
/// </summary>
internal static class MetafieldSender
{
    /// <summary>metafieldsSet takes at most this many metafields ("Allows a maximum of 25 metafields to be set at a time").</summary>
    public const int MaxPerCall = 25;

    /// <summary>Returns the changes Shopify accepted; what it refused goes to the update's problems.</summary>
    public static async Task<HashSet<MetafieldChange>> SendAsync(ShopSession context, IReadOnlyList<ProductUpdate> updates,
        Dictionary<ProductUpdate, List<string>> problems, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<MetafieldChange>();
        await SendAsync(context, "MetafieldsSet", updates, c => c.New is not null, c => new JObject
        {
            ["ownerId"] = c.OwnerId, ["namespace"] = c.Namespace, ["key"] = c.Key, ["type"] = c.New!.Type, ["value"] = c.New.Value,
        }, accepted, problems, cancellationToken).ConfigureAwait(false);
        await SendAsync(context, "MetafieldsDelete", updates, c => c.New is null,
            c => new JObject { ["ownerId"] = c.OwnerId, ["namespace"] = c.Namespace, ["key"] = c.Key },
            accepted, problems, cancellationToken).ConfigureAwait(false);
        return accepted;
    }

    private static async Task SendAsync(ShopSession context, string document, IReadOnlyList<ProductUpdate> updates, Func<MetafieldChange, bool> kind,
        Func<MetafieldChange, JObject> input, HashSet<MetafieldChange> accepted, Dictionary<ProductUpdate, List<string>> problems, CancellationToken cancellationToken)
    {
        var calls = updates.SelectMany(u => u.Metafields.Where(kind).Chunk(MaxPerCall).Select(chunk => (Update: u, Chunk: chunk))).ToList();
        if (calls.Count == 0) return;
        var outcomes = await MutationCalls.SendAsync(context, document,
            calls.Select(c => new JObject { ["metafields"] = new JArray(c.Chunk.Select(input)) }).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < calls.Count; i++)
        {
            if (outcomes[i].Succeeded) accepted.UnionWith(calls[i].Chunk);
            else problems[calls[i].Update].AddRange(outcomes[i].Problems.DefaultIfEmpty("no answer").Select(p => $"{document}: {p}"));
        }
    }
}
