namespace ShopifyPS.Sync.Import;

/// <summary>What one product import reads: everything changed since the last import (the default), the products
/// with these ids, or the products matching a Shopify search. A narrowed import leaves the last sync time alone.</summary>
public sealed class ImportOptions
{
    /// <summary>Product gids or numeric ids.</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = [];
    /// <summary>Shopify search syntax, e.g. <c>vendor:Contoso</c>.</summary>
    public string? Query { get; init; }

    public bool IsNarrowed => ProductIds.Count > 0 || Query is not null;
}
