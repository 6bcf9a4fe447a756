using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;

namespace ShopifyPS.Sync.Export;

/// <summary>A product an export is about to send: its draft, the productSet variables, and the content hash to record.</summary>
internal sealed class PlannedProduct
{
    public required ProductDraft Draft { get; init; }
    /// <summary>The linked product to update; null to create one.</summary>
    public ShopProduct? Existing { get; init; }
    public required JObject Variables { get; init; }
    public required string Hash { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Why an update is sent (content, prices, -Force).</summary>
    public string Why { get; init; } = "";

    public string ItemNo => Draft.ItemNo;
}
