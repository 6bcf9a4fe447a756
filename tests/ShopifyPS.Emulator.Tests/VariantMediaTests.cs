using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>productVariantAppendMedia / productVariantDetachMedia: a variant shows one of its product's ready media.</summary>
public class VariantMediaTests
{
    private const string Append = "mutation($p: ID!, $vm: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $p, variantMedia: $vm) { productVariants { id } userErrors { field message code } } }";
    private const string Detach = "mutation($p: ID!, $vm: [ProductVariantDetachMediaInput!]!) { productVariantDetachMedia(productId: $p, variantMedia: $vm) { productVariants { id } userErrors { field message code } } }";
    private const string VariantMedia = "query($id: ID!) { productVariant(id: $id) { media(first: 5) { nodes { id } } } }";

    private sealed record Shop(TestEmulator Emu, string ProductId, string VariantId, string OtherVariantId);

    private static async Task<Shop> StartAsync(int processingMs = 20)
    {
        var emu = await TestEmulator.StartAsync(new EmulatorOptions { MediaProcessingMs = processingMs });
        var seeded = await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            products = new[] { new { title = "Shirt", options = new[] { new { name = "Size", values = new[] { "S", "M" } } },
                variants = new[] { new { options = new[] { "S" } }, new { options = new[] { "M" } } } } },
        });
        var product = seeded["products"]![0]!;
        return new Shop(emu, product["id"]!.GetValue<string>(), product["variants"]![0]!["id"]!.GetValue<string>(), product["variants"]![1]!["id"]!.GetValue<string>());
    }

    /// <summary>A staged PNG made into a file and attached to the product; returns its id.</summary>
    private static async Task<string> ProductMediaAsync(Shop shop, bool waitReady = true)
    {
        var target = (await shop.Emu.DataAsync("mutation { stagedUploadsCreate(input: [{ resource: IMAGE, filename: \"a.png\", mimeType: \"image/png\", httpMethod: PUT }]) { stagedTargets { url resourceUrl } } }"))
            ["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        using (var put = await shop.Emu.Http.PutAsync(target["url"]!.GetValue<string>(), new ByteArrayContent(MediaTests.Png(10, 10)))) Assert.True(put.IsSuccessStatusCode);
        var id = (await shop.Emu.DataAsync("mutation($f: [FileCreateInput!]!) { fileCreate(files: $f) { files { id } } }",
            new { f = new[] { new { originalSource = target["resourceUrl"]!.GetValue<string>(), contentType = "IMAGE" } } }))["fileCreate"]!["files"]![0]!["id"]!.GetValue<string>();
        await shop.Emu.DataAsync("mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { userErrors { message } } }",
            new { f = new[] { new { id, referencesToAdd = new[] { shop.ProductId } } } });
        if (waitReady) await Task.Delay(100);
        return id;
    }

    private static async Task<JsonArray> ErrorsAsync(Shop shop, string mutation, string variantId, params string[] mediaIds)
    {
        var data = await shop.Emu.DataAsync(mutation, new { p = shop.ProductId, vm = new[] { new { variantId, mediaIds } } });
        return data.AsObject().First().Value!["userErrors"]!.AsArray();
    }

    private static async Task<string[]> ShownAsync(Shop shop, string variantId) =>
        (await shop.Emu.DataAsync(VariantMedia, new { id = variantId }))["productVariant"]!["media"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Ready_product_media_is_appended_to_a_variant_and_detached_again()
    {
        var shop = await StartAsync();
        await using var _ = shop.Emu;
        var media = await ProductMediaAsync(shop);

        Assert.Empty(await ErrorsAsync(shop, Append, shop.VariantId, media));
        Assert.Equal([media], await ShownAsync(shop, shop.VariantId));
        Assert.Empty(await ShownAsync(shop, shop.OtherVariantId));

        Assert.Empty(await ErrorsAsync(shop, Detach, shop.VariantId, media));
        Assert.Empty(await ShownAsync(shop, shop.VariantId));
    }

    [Fact]
    public async Task Append_refuses_media_still_processing_media_of_another_product_and_a_second_media()
    {
        var shop = await StartAsync(processingMs: 5000);
        await using var _ = shop.Emu;
        var processing = await ProductMediaAsync(shop, waitReady: false);
        Assert.Equal("NON_READY_MEDIA", (await ErrorsAsync(shop, Append, shop.VariantId, processing)).Single()!["code"]!.GetValue<string>());
        Assert.Equal("MEDIA_DOES_NOT_EXIST_ON_PRODUCT", (await ErrorsAsync(shop, Append, shop.VariantId, "gid://shopify/MediaImage/999999")).Single()!["code"]!.GetValue<string>());
        Assert.Equal("TOO_MANY_MEDIA_PER_INPUT_PAIR", (await ErrorsAsync(shop, Append, shop.VariantId)).Single()!["code"]!.GetValue<string>());
        Assert.Equal("PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT", (await ErrorsAsync(shop, Append, "gid://shopify/ProductVariant/999999", processing)).Single()!["code"]!.GetValue<string>());
        Assert.Empty(await ShownAsync(shop, shop.VariantId));
    }

    [Fact]
    public async Task A_variant_with_media_takes_no_other_until_it_is_detached()
    {
        var shop = await StartAsync();
        await using var _ = shop.Emu;
        var first = await ProductMediaAsync(shop);
        var second = await ProductMediaAsync(shop);
        Assert.Empty(await ErrorsAsync(shop, Append, shop.VariantId, first));

        Assert.Equal("PRODUCT_VARIANT_ALREADY_HAS_MEDIA", (await ErrorsAsync(shop, Append, shop.VariantId, second)).Single()!["code"]!.GetValue<string>());
        Assert.Equal("MEDIA_IS_NOT_ATTACHED_TO_VARIANT", (await ErrorsAsync(shop, Detach, shop.VariantId, second)).Single()!["code"]!.GetValue<string>());
        Assert.Equal([first], await ShownAsync(shop, shop.VariantId));
    }

    [Fact]
    public async Task Deleting_the_file_removes_it_from_the_variant()
    {
        var shop = await StartAsync();
        await using var _ = shop.Emu;
        var media = await ProductMediaAsync(shop);
        Assert.Empty(await ErrorsAsync(shop, Append, shop.VariantId, media));

        await shop.Emu.DataAsync("mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds } }", new { ids = new[] { media } });

        Assert.Empty(await ShownAsync(shop, shop.VariantId));
    }
}
