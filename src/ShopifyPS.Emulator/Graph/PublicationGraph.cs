using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class Publication : IGraphObject
{
    public string? GraphType => "Publication";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "autoPublish" => false,
        "supportsFuturePublishing" => false,
        "catalog" => new GraphMap("AppCatalog",
            ("id", State.Gid.Of("AppCatalog", CatalogId)), ("title", Title), ("status", "ACTIVE"), ("publication", this)),
        "publishedProductsCount" => Fmt.Count(ctx.Store.Products.Values.Count(p => p.Publications.ContainsKey(Id))),
        _ => null,
    };
}

/// <summary>ResourcePublicationV2: one product on one publication (Product.resourcePublicationsV2).</summary>
internal sealed class ResourcePublicationView(Product product, Publication publication) : IGraphObject
{
    public Publication Publication => publication;

    public string? GraphType => "ResourcePublicationV2";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "isPublished" => product.Publications.ContainsKey(publication.Id),
        "publication" => publication,
        "publishDate" => product.Publications.TryGetValue(publication.Id, out var at) ? at : null,
        "publishable" => product,
        _ => null,
    };
}
