using ShopifyPS.Connector;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Import;

/// <summary>A product as read from Shopify, paired with its row in the connector's mirror (which holds the item links).</summary>
internal sealed record ImportedProduct(ShopifyProduct Source, ShopProduct Mirror, IReadOnlyList<ImportedVariant> Variants);

/// <summary>A variant as read from Shopify, paired with its mirror row.</summary>
internal sealed record ImportedVariant(ShopifyVariant Source, ShopVariant Mirror);

/// <summary>What importing one variant did: the notes say what changed (or would, under -WhatIf), in the words of the
/// result message; <see cref="ItemNos"/> are the items created or changed, whose data goes out with the result.</summary>
internal sealed class VariantOutcome
{
    private readonly List<string> _notes = [];

    public SyncAction Action { get; private set; } = SyncAction.Unchanged;
    public SortedSet<string> ItemNos { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Notes => _notes;

    public void Created(string itemNo, string note)
    {
        Action = SyncAction.Created;
        ItemNos.Add(itemNo);
        _notes.Add(note);
    }

    public void Updated(string itemNo, string note)
    {
        if (Action == SyncAction.Unchanged) Action = SyncAction.Updated;
        ItemNos.Add(itemNo);
        _notes.Add(note);
    }

    /// <summary>A change of the mapping only (no item data changed).</summary>
    public void Mapped(string note)
    {
        if (Action == SyncAction.Unchanged) Action = SyncAction.Updated;
        _notes.Add(note);
    }

    public void Note(string note) => _notes.Add(note);

    public void Skip(string note)
    {
        Action = SyncAction.Skipped;
        _notes.Add(note);
    }
}
