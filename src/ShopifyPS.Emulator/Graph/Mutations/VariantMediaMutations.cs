using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// productVariantAppendMedia / productVariantDetachMedia: show one of the product's media on a variant, or stop
/// showing it. The rules are the MediaUserErrorCode values the schema documents for them: the variant must belong to
/// the product (PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT), appear once (PRODUCT_VARIANT_SPECIFIED_MULTIPLE_TIMES),
/// take one media per pair (TOO_MANY_MEDIA_PER_INPUT_PAIR), the media must be the product's
/// (MEDIA_DOES_NOT_EXIST_ON_PRODUCT) and READY (NON_READY_MEDIA), a variant with other media cannot take more
/// (PRODUCT_VARIANT_ALREADY_HAS_MEDIA), and only attached media can be detached (MEDIA_IS_NOT_ATTACHED_TO_VARIANT).
/// Any userError means nothing changed.
/// </summary>
internal static class VariantMediaMutations
{
    public static object Append(Args args, ExecContext ctx) => Run(args, ctx, append: true);

    public static object Detach(Args args, ExecContext ctx) => Run(args, ctx, append: false);

    private static object Run(Args args, ExecContext ctx, bool append)
    {
        var type = append ? "ProductVariantAppendMediaPayload" : "ProductVariantDetachMediaPayload";
        var store = ctx.Store;
        var product = Lookup.Product(store, args.Str("productId"));
        if (product == null)
            return Result(type, null, null, [UserError.At("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId")]);
        var pairs = args.List("variantMedia").Select(p => In.Obj(p)!).ToList();
        var errors = new List<UserError>();
        var seen = new HashSet<Variant>();
        var changes = new List<(Variant Variant, List<MediaFile> Media)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var variant = Lookup.Variant(store, In.Str(In.Get(pairs[i], "variantId")));
            if (variant == null || variant.Product != product)
            {
                errors.Add(UserError.At("Variant does not exist on the given product.", "PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT", "variantMedia", i, "variantId"));
                continue;
            }
            if (!seen.Add(variant))
                errors.Add(UserError.At("Variant specified in more than one pair.", "PRODUCT_VARIANT_SPECIFIED_MULTIPLE_TIMES", "variantMedia", i, "variantId"));
            var ids = In.List(In.Get(pairs[i], "mediaIds")).Select(In.Str).ToList();
            if (append && ids.Count != 1)
                errors.Add(UserError.At("Only one mediaId is allowed per variant-media input pair.", "TOO_MANY_MEDIA_PER_INPUT_PAIR", "variantMedia", i, "mediaIds"));
            var media = new List<MediaFile>();
            for (var m = 0; m < ids.Count; m++)
            {
                var file = Lookup.Media(store, ids[m]);
                if (file == null || !product.Media.Contains(file))
                    errors.Add(UserError.At("Media does not exist on the given product.", "MEDIA_DOES_NOT_EXIST_ON_PRODUCT", "variantMedia", i, "mediaIds", m));
                else if (append && file.CurrentStatus(DateTimeOffset.UtcNow) != "READY")
                    errors.Add(UserError.At("Non-ready media are not supported.", "NON_READY_MEDIA", "variantMedia", i, "mediaIds", m));
                else if (append && variant.Image != null && variant.Image != file)
                    errors.Add(UserError.At("Product variant already has attached media.", "PRODUCT_VARIANT_ALREADY_HAS_MEDIA", "variantMedia", i, "variantId"));
                else if (!append && variant.Image != file)
                    errors.Add(UserError.At("The specified media is not attached to the specified variant.", "MEDIA_IS_NOT_ATTACHED_TO_VARIANT", "variantMedia", i, "mediaIds", m));
                else media.Add(file);
            }
            changes.Add((variant, media));
        }
        if (errors.Count > 0) return Result(type, null, null, errors);
        foreach (var (variant, media) in changes)
            foreach (var file in media) variant.Image = append ? file : null;
        store.Touch(product);
        return Result(type, product, changes.Select(c => c.Variant).ToList(), []);
    }

    private static GraphMap Result(string type, Product? product, List<Variant>? variants, List<UserError> errors) =>
        new(type, ("product", product), ("productVariants", variants), ("userErrors", errors));
}
