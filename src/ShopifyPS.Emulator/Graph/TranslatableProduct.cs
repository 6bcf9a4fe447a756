using System.Security.Cryptography;
using System.Text;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph;

/// <summary>
/// A product as a TranslatableResource: its translatable content (title, body_html, handle, product_type and the SEO
/// texts that are not blank), each with the SHA-256 hex digest of its value, and its translations per locale, outdated
/// when the source's digest is no longer the one the translation was registered against.
/// </summary>
internal sealed class TranslatableProduct(Product product) : IGraphObject
{
    public Product Product => product;

    public string? GraphType => "TranslatableResource";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "resourceId" => product.Gid,
        "translatableContent" => Content(product).Select(c => new GraphMap("TranslatableContent",
            ("key", c.Key), ("value", c.Value), ("digest", Digest(c.Value)), ("locale", ctx.Store.Locales[0].Locale), ("type", c.Type))).ToList(),
        "translations" => product.Translations
            .Where(t => t.Locale == args.Str("locale") && (args.Bool("outdated") is not { } outdated || Outdated(t) == outdated))
            .Select(t => new GraphMap("Translation", ("key", t.Key), ("locale", t.Locale), ("value", t.Value), ("outdated", Outdated(t)),
                ("updatedAt", t.UpdatedAt), ("market", null))).ToList(),
        "nestedTranslatableResources" => Paging.Connection(Array.Empty<TranslatableProduct>(), args, ctx, r => Paging.ById(r.Product.Id)),
        _ => null,
    };

    private bool Outdated(Translation translation) => Source(product, translation.Key) is not { } source || Digest(source) != translation.SourceDigest;

    /// <summary>A product's translatable keys.</summary>
    public static readonly IReadOnlyList<string> Keys = ["title", "body_html", "handle", "product_type", "meta_title", "meta_description"];

    /// <summary>The product's translatable keys (in <see cref="Keys"/>' order) with their content type; blank ones have
    /// nothing to translate.</summary>
    public static IEnumerable<(string Key, string Type, string Value)> Content(Product product) =>
        new[]
        {
            ("title", "SINGLE_LINE_TEXT_FIELD", product.Title), ("body_html", "HTML", product.DescriptionHtml), ("handle", "URI", product.Handle),
            ("product_type", "SINGLE_LINE_TEXT_FIELD", product.ProductType), ("meta_title", "SINGLE_LINE_TEXT_FIELD", product.SeoTitle ?? ""),
            ("meta_description", "MULTI_LINE_TEXT_FIELD", product.SeoDescription ?? ""),
        }.Where(c => c.Item3.Length > 0);

    public static string? Source(Product product, string key) => Content(product).FirstOrDefault(c => c.Key == key).Value;

    public static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
