using ShopifyPS.Connector;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync;

/// <summary>
/// One kind of sync run, built from its options before any shop is opened. <see cref="JobRunner"/> runs every job
/// the same way: check the profile, record the run, stream the results, close the run however it ends.
/// </summary>
public interface ISyncJob
{
    SyncKind Kind { get; }

    JobScope Scope { get; }

    /// <summary>What the run is doing, for progress (e.g. "Synchronizing inventory of contoso").</summary>
    string Activity(string shop);

    /// <summary>What the run will change, for the confirmation prompt.</summary>
    string Action { get; }

    /// <summary>Refuses a run the profile does not allow, before anything is recorded or sent.</summary>
    /// <exception cref="ShopifyPSException">The profile's settings rule the run out; the message says which to change.</exception>
    void Check(ShopProfile profile);

    IAsyncEnumerable<SyncResult> RunAsync(ShopSession session, CancellationToken cancellationToken);
}
