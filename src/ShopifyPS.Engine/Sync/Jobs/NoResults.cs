namespace ShopifyPS.Sync;

/// <summary>The results of a run whose scope, once resolved, names nothing to work on.</summary>
internal static class NoResults
{
    public static async IAsyncEnumerable<SyncResult> Empty()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}
