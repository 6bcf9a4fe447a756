using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class Product : IGraphObject
{
    public string? GraphType => "Product";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "legacyResourceId" => Fmt.Legacy(Id),
        "title" => Title,
        "handle" => Handle,
        "descriptionHtml" => DescriptionHtml,
        "description" => Fmt.Truncate(Fmt.StripHtml(DescriptionHtml), args.Int("truncateAt")),
        "defaultCursor" => Paging.ById(Id).ToCursor(),
        "requiresSellingPlan" => false,
        "hasVariantsThatRequiresComponents" => false,
        "vendor" => Vendor,
        "productType" => ProductType,
        "status" => Status,
        "tags" => Tags.OrderBy(t => t, StringComparer.OrdinalIgnoreCase).ToList(),
        "metafield" or "metafields" => Metafields.Resolve(field, args, ctx),
        "collections" => Paging.Connection(ctx.Store.Collections.Values.Where(c => c.Products.Contains(this)).ToList(), args, ctx, c => Paging.ById(c.Id)),
        "seo" => new GraphMap("SEO", ("title", SeoTitle), ("description", SeoDescription)),
        "templateSuffix" => TemplateSuffix,
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        // "The date and time when the product was published to the online store."
        "publishedAt" => ctx.Store.Publications.Values.FirstOrDefault(x => x.Title == "Online Store") is { } online
            && Publications.TryGetValue(online.Id, out var at) ? at : null,
        "publishedOnPublication" => State.Gid.TryParse(args.Str("publicationId"), "Publication", out var pid) && Publications.ContainsKey(pid),
        "resourcePublicationsV2" => Paging.Connection(
            ctx.Store.Publications.Values.Where(x => args.Bool("onlyPublished") == false || Publications.ContainsKey(x.Id))
                .Select(x => new ResourcePublicationView(this, x)).ToList(),
            args, ctx, v => Paging.ById(v.Publication.Id)),
        "resourcePublicationsCount" => Fmt.Count(args.Bool("onlyPublished") == false ? ctx.Store.Publications.Count : Publications.Count),
        "isGiftCard" => false,
        "hasOnlyDefaultVariant" => Variants.Count == 1 && Variants[0].SelectedOptions is [("Title", "Default Title")],
        "hasOutOfStockVariants" => Variants.Any(v => v.InventoryQuantity <= 0),
        "tracksInventory" => Variants.Any(v => v.InventoryItem.Tracked),
        "totalInventory" => TotalInventory,
        "options" => Options.Take(args.Int("first") ?? int.MaxValue).Select(o => new OptionView(this, o)).ToList(),
        "variants" => Paging.Connection(Variants, args, ctx, v => new SortKey(null, v.Position, v.Id)),
        "variantsCount" => Fmt.Count(Variants.Count),
        "media" => Paging.Connection(Media, args, ctx, m => new SortKey(null, Media.IndexOf(m), m.Id)),
        "mediaCount" => Fmt.Count(Media.Count),
        "featuredMedia" => Media.FirstOrDefault(),
        "priceRangeV2" => Variants.Count == 0 ? null : new GraphMap("ProductPriceRangeV2",
            ("minVariantPrice", Fmt.MoneyV2(Variants.Min(v => v.Price), ctx.Store)),
            ("maxVariantPrice", Fmt.MoneyV2(Variants.Max(v => v.Price), ctx.Store))),
        _ => null,
    };

    /// <summary>ProductOption with its values; optionValues says which values variants use.</summary>
    private sealed class OptionView(Product product, ProductOption option) : IGraphObject
    {
        public string? GraphType => "ProductOption";

        public object? Resolve(string field, Args args, ExecContext ctx) => field switch
        {
            "id" => State.Gid.Of("ProductOption", option.Id),
            "name" => option.Name,
            "position" => option.Position,
            "values" => option.Values.Select(v => v.Name).ToList(),
            "optionValues" => option.Values.Select(v => new GraphMap("ProductOptionValue",
                ("id", State.Gid.Of("ProductOptionValue", v.Id)),
                ("name", v.Name),
                ("hasVariants", product.Variants.Any(x => x.SelectedOptions.Any(s => s.Name == option.Name && s.Value == v.Name))))).ToList(),
            _ => null,
        };
    }
}
