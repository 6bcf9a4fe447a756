using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Inventory;

/// <summary>What became of one level in a write.</summary>
internal sealed record WriteOutcome(LevelPlan Level, SyncAction Action, string Message);

/// <summary>
/// Writes quantities with <c>inventorySetQuantities</c> (V6), one call per batch of at most 250:
/// <list type="bullet">
/// <item>compare-and-set: each quantity carries <c>changeFromQuantity</c> = the quantity last read, so a level someone
/// changed in Shopify since is never overwritten blindly. Shopify refuses the whole call then
/// (CHANGE_FROM_QUANTITY_STALE); the stale levels are read again and the batch is sent again, at most
/// <see cref="MaxRounds"/> times;</item>
/// <item>idempotency: the key is derived from the run and the batch's content, so a retry of the same batch (the
/// client's, after a dropped connection) carries the same key and Shopify replays the first answer instead of applying
/// the batch twice, while a changed batch (after a stale answer) gets a new key.</item>
/// </list>
/// </summary>
internal sealed class QuantityWriter(ShopifyClient client, ShopifyLevelReader reader, string quantityName, string runId)
{
    public const int BatchSize = 250;
    public const int MaxRounds = 3;
    private const string StaleCode = "CHANGE_FROM_QUANTITY_STALE";
    private const string ConcurrentCode = "IDEMPOTENCY_CONCURRENT_REQUEST";

    /// <summary>Shows up in the shop's inventory history as what made the change.</summary>
    public string ReferenceDocumentUri => $"gid://shopifyps/InventorySync/{runId}";

    public async Task<IReadOnlyList<WriteOutcome>> WriteBatchAsync(IReadOnlyList<LevelPlan> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > BatchSize) throw new ArgumentException($"At most {BatchSize} quantities go in one call.", nameof(batch));
        var outcomes = new List<WriteOutcome>();
        var pending = batch.ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            if (round > MaxRounds)
            {
                outcomes.AddRange(pending.Select(l => new WriteOutcome(l, SyncAction.Failed,
                    $"{l.Location.Name}: Shopify's quantity kept changing between read and write ({StaleCode} {MaxRounds} times); the next run tries again.")));
                break;
            }
            var payload = (await client.ExecuteAsync("InventorySetQuantities", new
            {
                idempotencyKey = IdempotencyKey(pending),
                input = new
                {
                    name = quantityName,
                    reason = "correction",
                    referenceDocumentUri = ReferenceDocumentUri,
                    quantities = pending.Select(l => new { inventoryItemId = l.InventoryItemId, locationId = l.Location.Id, quantity = l.Target, changeFromQuantity = l.ShopifyStock }),
                },
            }, cancellationToken).ConfigureAwait(false)).Payload();

            if (payload.Succeeded)
            {
                foreach (var level in pending)
                {
                    outcomes.Add(new WriteOutcome(level, level.Activated ? SyncAction.Created : SyncAction.Updated, level.Describe(quantityName)));
                    level.ShopifyStock = level.Target;
                    level.ShopifyStockAt = DateTimeOffset.UtcNow;
                }
                break;
            }

            var byIndex = payload.UserErrors.Where(e => IndexOf(e, pending.Count) is not null).ToLookup(e => IndexOf(e, pending.Count)!.Value);
            var general = payload.UserErrors.Where(e => IndexOf(e, pending.Count) is null).ToList();
            if (general.Count > 0)
            {
                // The same batch again, with the same key: Shopify finishes or replays the request it is still working on.
                if (general.All(e => e.Code == ConcurrentCode)) { await Task.Delay(TimeSpan.FromSeconds(round), cancellationToken).ConfigureAwait(false); continue; }
                var message = string.Join("; ", general);
                outcomes.AddRange(pending.Select(l => new WriteOutcome(l, SyncAction.Failed, $"{l.Location.Name}: Shopify refused the quantities: {message}")));
                break;
            }

            var stale = new List<LevelPlan>();
            var next = new List<LevelPlan>();
            for (var i = 0; i < pending.Count; i++)
            {
                var errors = byIndex[i].ToList();
                if (errors.Count == 0) next.Add(pending[i]);
                else if (errors.All(e => e.Code == StaleCode)) stale.Add(pending[i]);
                else outcomes.Add(new WriteOutcome(pending[i], SyncAction.Failed, $"{pending[i].Location.Name}: {string.Join("; ", errors.Select(e => e.Message + (e.Code is null ? "" : $" ({e.Code})")))}"));
            }
            await RereadAsync(stale, cancellationToken).ConfigureAwait(false);
            foreach (var level in stale)
            {
                if (level.Differs) next.Add(level);
                else outcomes.Add(new WriteOutcome(level, SyncAction.Unchanged, $"{level.Location.Name}: {quantityName} {level.Target} (already set in Shopify)"));
            }
            pending = next;
        }
        return outcomes;
    }

    /// <summary>Reads the stale levels again, so the next attempt compares with what Shopify has now.</summary>
    private async Task RereadAsync(List<LevelPlan> stale, CancellationToken cancellationToken)
    {
        if (stale.Count == 0) return;
        var fresh = new ShopifyLevels();
        await reader.ReadVariantsAsync(stale.Select(l => l.Variant.Id).Distinct().ToList(), fresh, null, cancellationToken).ConfigureAwait(false);
        foreach (var level in stale)
        {
            level.ShopifyStock = fresh.Find(level.Variant.Id, level.Location.Id)?.Quantity;
            level.ShopifyStockAt = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>The index i of an error on <c>input.quantities.i…</c>, or null for an error about the whole call.</summary>
    private static int? IndexOf(UserError error, int count) =>
        error.Field is ["input", "quantities", var index, ..] && int.TryParse(index, out var i) && i >= 0 && i < count ? i : null;

    /// <summary>The same run and the same quantities give the same key; anything else a different one (formatted as a UUID,
    /// the form Shopify recommends).</summary>
    internal string IdempotencyKey(IEnumerable<LevelPlan> quantities)
    {
        var text = new StringBuilder(runId).Append('\n').Append(quantityName);
        foreach (var l in quantities)
            text.Append('\n').Append(l.InventoryItemId).Append('|').Append(l.Location.Id).Append('|').Append(l.Target).Append('|').Append(l.ShopifyStock?.ToString(CultureInfo.InvariantCulture) ?? "null");
        return Key(text.ToString());
    }

    /// <summary>A key that is a function of <paramref name="content"/> only.</summary>
    internal static string Key(string content) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16)).ToString();
}
