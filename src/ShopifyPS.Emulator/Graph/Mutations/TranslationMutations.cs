using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;
using In = ShopifyPS.Emulator.GraphQL.Input;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// translationsRegister on products. Each translation needs a locale the shop has besides its primary
/// (INVALID_LOCALE_FOR_SHOP), a key the product can translate (INVALID_KEY_FOR_MODEL), a value (BLANK) and the digest of
/// the source text as it is now (INVALID_TRANSLATABLE_CONTENT: a stale digest is refused). Shopify does not say whether
/// the valid translations of a refused call are kept; the emulator keeps none, the reading that asks most of a client.
/// </summary>
internal static class TranslationMutations
{
    public static object Register(Args args, ExecContext ctx)
    {
        var store = ctx.Store;
        var errors = new List<UserError>();
        if (Lookup.Product(store, args.Str("resourceId")) is not { } product)
            return Payload(null, [UserError.At($"Resource {args.Str("resourceId")} does not exist", "RESOURCE_NOT_FOUND", "resourceId")]);
        var inputs = args.List("translations").Select(t => In.Obj(t)!).ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            var locale = In.Str(In.Get(inputs[i], "locale")) ?? "";
            var key = In.Str(In.Get(inputs[i], "key")) ?? "";
            var source = TranslatableProduct.Source(product, key);
            if (In.Get(inputs[i], "marketId") is not null)
                errors.Add(UserError.At("The emulator has no markets.", "MARKET_DOES_NOT_EXIST", "translations", i, "marketId"));
            else if (!store.Locales.Any(l => l.Locale == locale && !l.Primary))
                errors.Add(UserError.At($"Locale {locale} is not enabled for this shop", "INVALID_LOCALE_FOR_SHOP", "translations", i, "locale"));
            else if (!TranslatableProduct.Keys.Contains(key))
                errors.Add(UserError.At($"Key {key} is not a valid translatable field", "INVALID_KEY_FOR_MODEL", "translations", i, "key"));
            else if (string.IsNullOrEmpty(In.Str(In.Get(inputs[i], "value"))))
                errors.Add(UserError.At("Value can't be blank", "BLANK", "translations", i, "value"));
            else if (source is null || TranslatableProduct.Digest(source) != In.Str(In.Get(inputs[i], "translatableContentDigest")))
                errors.Add(UserError.At("Translatable content hash is invalid", "INVALID_TRANSLATABLE_CONTENT", "translations", i, "translatableContentDigest"));
        }
        if (errors.Count > 0) return Payload(null, errors);

        var now = store.Now();
        var registered = new List<GraphMap>();
        foreach (var input in inputs)
        {
            var locale = In.Str(In.Get(input, "locale"))!;
            var key = In.Str(In.Get(input, "key"))!;
            var translation = product.Translations.FirstOrDefault(t => t.Locale == locale && t.Key == key);
            if (translation is null) product.Translations.Add(translation = new Translation { Locale = locale, Key = key });
            translation.Value = In.Str(In.Get(input, "value"))!;
            translation.SourceDigest = In.Str(In.Get(input, "translatableContentDigest"))!;
            translation.UpdatedAt = now;
            registered.Add(new GraphMap("Translation", ("key", key), ("locale", locale), ("value", translation.Value), ("outdated", false),
                ("updatedAt", now), ("market", null)));
        }
        return Payload(registered, errors);
    }

    private static GraphMap Payload(List<GraphMap>? translations, List<UserError> errors) =>
        new("TranslationsRegisterPayload", ("translations", translations), ("userErrors", errors));
}
