using Newtonsoft.Json.Linq;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>A product a create is about to send: its draft and the productSet variables.</summary>
internal sealed class PlannedProduct
{
    public required ProductDraft Draft { get; init; }
    public required Item Item { get; init; }
    public required JObject Variables { get; init; }

    public string ItemNo => Draft.ItemNo;
    public string Handle => ProductSetInput.Handle(Draft.ItemNo);
}
