using Newtonsoft.Json.Linq;

namespace ShopifyPS.Sync.Export;

/// <summary>A product a create is about to send: its draft and the productSet variables, kept as their JSON text (a
/// <see cref="JRaw"/>), which is how they go to the scratch file and into the bulk mutation's lines.</summary>
internal sealed record PlannedProduct(ProductDraft Draft, JRaw Variables)
{
    public string ItemNo => Draft.ItemNo;
    public string Handle => ProductSetInput.Handle(Draft.ItemNo);
}
