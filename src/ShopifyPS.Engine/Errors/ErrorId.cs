namespace ShopifyPS;

/// <summary>
/// One stable error id: the name scripts and tests match (always <c>Shopify…</c>), what kind of failure it is, and what
/// the user can do about it (listed in about_ShopifyPS).
/// </summary>
public sealed record ErrorId(string Name, ErrorKind Kind, string Remedy)
{
    public override string ToString() => Name;
}
