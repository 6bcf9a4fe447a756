using Newtonsoft.Json.Linq;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>A product a create is about to send: its draft and the productSet variables.</summary>
internal sealed class PlannedProduct
{
    public required ProductDraft Draft { get; init; }
    public required Item Item { get; init; }
    /// <summary>The productSet variables, kept as their JSON text (a <see cref="JRaw"/>): as a tree of tokens they take many
    /// times the memory, and a bulk create holds every product's variables until Shopify has answered.</summary>
    public required JToken Variables { get => _variables; init => _variables = new JRaw(value.ToString(Newtonsoft.Json.Formatting.None)); }

    private JRaw _variables = null!;

    /// <summary>Makes the product join these collections in its productSet (the ids are known only when the create is sent).</summary>
    public void JoinCollections(IReadOnlyList<string> ids)
    {
        var variables = JObject.Parse((string)_variables.Value!);
        variables["input"]!["collections"] = new JArray(ids);
        _variables = new JRaw(variables.ToString(Newtonsoft.Json.Formatting.None));
    }

    public string ItemNo => Draft.ItemNo;
    public string Handle => ProductSetInput.Handle(Draft.ItemNo);
}
