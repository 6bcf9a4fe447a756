using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync;

/// <summary>What every sync job works with: the shop, its Shopify client, the store, where to report, and
/// whether this is a -WhatIf run (plan only: no mutation is sent and nothing is written to the store).</summary>
public sealed record SyncContext(
    ShopProfile Profile,
    ShopifyClient Client,
    SqliteStore Store,
    IProgress<RunEvent> Progress,
    bool WhatIf,
    DateOnly Today)
{
    /// <summary>Refuses a run that would change the shop while the profile's kill switch is off, before anything is
    /// planned or recorded (the client would refuse each mutation too, but only after the run had begun).</summary>
    public void RefuseWhenOutgoingRequestsOff(string document)
    {
        if (!WhatIf && !Profile.AllowOutgoingRequests) throw new ShopifyOutgoingRequestsDisabledException(Profile.Name, document);
    }
}
