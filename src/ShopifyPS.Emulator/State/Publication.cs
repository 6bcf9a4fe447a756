namespace ShopifyPS.Emulator.State;

/// <summary>
/// A sales channel's publication. In 2026-04 a Publication has no name of its own: clients find it through its
/// catalog's title (an AppCatalog titled like the channel, e.g. "Online Store").
/// </summary>
internal sealed partial class Publication
{
    public long Id { get; init; }
    public string Title { get; set; } = "";
    public long CatalogId { get; init; }

    public string Gid => State.Gid.Of("Publication", Id);
}
