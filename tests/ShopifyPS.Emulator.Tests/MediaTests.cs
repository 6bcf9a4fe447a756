using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.Media;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Images through staged uploads: processing, validation, attaching and deleting.</summary>
public class MediaTests
{
    private const string MediaQuery = "query($id: ID!) { product(id: $id) { media(first: 10) { nodes { id status alt mediaContentType mediaErrors { code message } ... on MediaImage { image { url width height } mimeType } } } } }";

    /// <summary>A PNG whose structure is whole (IHDR, IDAT, IEND, each with its CRC): the emulator reads the size from
    /// IHDR and checks the chunks, not the pixels, so the IDAT need not hold them.</summary>
    public static byte[] Png(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), ImageIntegrity.Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static async Task<string> StageAsync(TestEmulator emu, byte[] content, string filename = "photo.png", string method = "PUT")
    {
        var target = (await emu.DataAsync(
            "mutation($f: String!, $m: StagedUploadHttpMethodType!) { stagedUploadsCreate(input: [{ resource: IMAGE, filename: $f, mimeType: \"image/png\", httpMethod: $m }]) { stagedTargets { url resourceUrl parameters { name value } } userErrors { message } } }",
            new { f = filename, m = method }))["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        if (method == "PUT")
        {
            using var put = await emu.Http.PutAsync(target["url"]!.GetValue<string>(), new ByteArrayContent(content));
            Assert.True(put.IsSuccessStatusCode);
        }
        else
        {
            using var form = new MultipartFormDataContent();
            foreach (var p in target["parameters"]!.AsArray()) form.Add(new StringContent(p!["value"]!.GetValue<string>()), p["name"]!.GetValue<string>());
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", filename);
            using var post = await emu.Http.PostAsync(target["url"]!.GetValue<string>(), form);
            Assert.Equal(201, (int)post.StatusCode);
        }
        return target["resourceUrl"]!.GetValue<string>();
    }

    private static async Task<string> ProductAsync(TestEmulator emu) =>
        (await emu.DataAsync("mutation { productCreate(product: { title: \"Pictured\" }) { product { id } } }"))["productCreate"]!["product"]!["id"]!.GetValue<string>();

    private static async Task<JsonArray> SettledMediaAsync(TestEmulator emu, string productId)
    {
        for (var i = 0; i < 200; i++)
        {
            var nodes = (await emu.DataAsync(MediaQuery, new { id = productId }))["product"]!["media"]!["nodes"]!.AsArray();
            if (nodes.All(n => n!["status"]!.GetValue<string>() is "READY" or "FAILED")) return nodes;
            await Task.Delay(30);
        }
        throw new TimeoutException("media did not settle");
    }

    private static Task<TestEmulator> StartAsync(int processingMs = 50) => TestEmulator.StartAsync(new EmulatorOptions { MediaProcessingMs = processingMs });

    [Fact]
    public async Task Staged_image_attached_by_product_update_becomes_ready_and_is_served()
    {
        // Long enough that the mutation's own response still sees PROCESSING on a busy machine.
        await using var emu = await StartAsync(processingMs: 1500);
        var productId = await ProductAsync(emu);
        var png = Png(640, 480);
        var source = await StageAsync(emu, png);
        var payload = (await emu.DataAsync("mutation($p: ProductUpdateInput!, $m: [CreateMediaInput!]) { productUpdate(product: $p, media: $m) { product { media(first: 5) { nodes { status } } } userErrors { field message } } }",
            new { p = new { id = productId }, m = new[] { new { originalSource = source, mediaContentType = "IMAGE", alt = "Front" } } }))["productUpdate"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal("PROCESSING", payload["product"]!["media"]!["nodes"]![0]!["status"]!.GetValue<string>());

        var media = (await SettledMediaAsync(emu, productId)).Single()!;
        Assert.Equal("READY", media["status"]!.GetValue<string>());
        Assert.Equal("Front", media["alt"]!.GetValue<string>());
        Assert.Equal("image/png", media["mimeType"]!.GetValue<string>());
        Assert.Equal(640, media["image"]!["width"]!.GetValue<int>());
        Assert.Equal(480, media["image"]!["height"]!.GetValue<int>());
        var served = await emu.Http.GetByteArrayAsync(media["image"]!["url"]!.GetValue<string>());
        Assert.Equal(png, served);
    }

    [Theory]
    [InlineData("text", "UNSUPPORTED_IMAGE_FILE_TYPE")]
    [InlineData("huge", "INVALID_IMAGE_RESOLUTION")]
    [InlineData("wide", "INVALID_IMAGE_RESOLUTION")]
    [InlineData("truncated", "IMAGE_DOWNLOAD_FAILURE")]
    [InlineData("garbage after the header", "IMAGE_DOWNLOAD_FAILURE")]
    public async Task Bad_images_fail_processing_with_media_errors(string kind, string code)
    {
        await using var emu = await StartAsync();
        var productId = await ProductAsync(emu);
        var content = kind switch
        {
            "text" => "not an image"u8.ToArray(),
            "huge" => Png(4473, 4472),
            "truncated" => Png(400, 400)[..40],
            "garbage after the header" => [.. Png(400, 400)[..33], .. "garbage garbage garbage garbage"u8.ToArray()],
            _ => Png(6000, 100),
        };
        var source = await StageAsync(emu, content, method: "POST");
        var created = (await emu.DataAsync("mutation($id: ID!, $m: [CreateMediaInput!]!) { productCreateMedia(productId: $id, media: $m) { media { id } mediaUserErrors { code } } }",
            new { id = productId, m = new[] { new { originalSource = source, mediaContentType = "IMAGE" } } }))["productCreateMedia"]!;
        Assert.Empty(created["mediaUserErrors"]!.AsArray());
        var media = (await SettledMediaAsync(emu, productId)).Single()!;
        Assert.Equal("FAILED", media["status"]!.GetValue<string>());
        Assert.Equal(code, media["mediaErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(media["image"]);
    }

    [Fact]
    public async Task External_urls_cannot_be_downloaded_and_blank_sources_are_refused()
    {
        await using var emu = await StartAsync();
        var productId = await ProductAsync(emu);
        await emu.DataAsync("mutation($id: ID!) { productCreateMedia(productId: $id, media: [{ originalSource: \"https://example.com/a.png\", mediaContentType: IMAGE }]) { media { id } } }", new { id = productId });
        Assert.Equal("IMAGE_DOWNLOAD_FAILURE", (await SettledMediaAsync(emu, productId))[0]!["mediaErrors"]![0]!["code"]!.GetValue<string>());

        var refused = (await emu.DataAsync("mutation($id: ID!) { productCreateMedia(productId: $id, media: [{ originalSource: \"\", mediaContentType: IMAGE }]) { media { id } mediaUserErrors { code field } } }", new { id = productId }))["productCreateMedia"]!;
        Assert.Equal("BLANK", refused["mediaUserErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task File_create_refuses_a_filename_whose_extension_is_not_the_sources_and_creates_nothing()
    {
        await using var emu = await StartAsync();
        var target = (await emu.DataAsync("mutation { stagedUploadsCreate(input: [{ resource: IMAGE, filename: \"a.png\", mimeType: \"image/png\", httpMethod: PUT }]) { stagedTargets { url resourceUrl } } }"))
            ["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        using (var put = await emu.Http.PutAsync(target["url"]!.GetValue<string>(), new ByteArrayContent(Png(10, 10)))) Assert.True(put.IsSuccessStatusCode);
        const string create = "mutation($f: [FileCreateInput!]!) { fileCreate(files: $f) { files { id } userErrors { code field } } }";
        var source = target["resourceUrl"]!.GetValue<string>();

        var refused = (await emu.DataAsync(create, new { f = new[] { new { originalSource = source, contentType = "IMAGE", filename = "a.jpg" } } }))["fileCreate"]!;

        Assert.Equal("MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE", refused["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(["files", "0", "filename"], refused["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(refused["files"]);
        var created = (await emu.DataAsync(create, new { f = new[] { new { originalSource = source, contentType = "IMAGE", filename = "renamed.PNG" } } }))["fileCreate"]!;
        Assert.Empty(created["userErrors"]!.AsArray());
        Assert.Single(created["files"]!.AsArray());
    }

    [Fact]
    public async Task Product_set_files_is_a_replacement_list()
    {
        await using var emu = await StartAsync();
        var a = await StageAsync(emu, Png(10, 10), "a.png");
        var b = await StageAsync(emu, Png(20, 20), "b.png");
        const string set = "mutation($input: ProductSetInput!, $identifier: ProductSetIdentifiers) { productSet(input: $input, identifier: $identifier) { product { id media(first: 5) { nodes { id } } } userErrors { field message code } } }";
        var product = (await emu.DataAsync(set, new { input = new { title = "Files", files = new[] { new { originalSource = a, contentType = "IMAGE", alt = "A" }, new { originalSource = b, contentType = "IMAGE", alt = "B" } } } }))["productSet"]!["product"]!;
        var ids = product["media"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        var kept = (await emu.DataAsync(set, new { identifier = new { id = product["id"]!.GetValue<string>() }, input = new { files = new[] { new { id = ids[1] } } } }))["productSet"]!["product"]!;
        Assert.Equal(new[] { ids[1] }, kept["media"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Product_set_variant_file_points_at_one_of_the_product_files()
    {
        await using var emu = await StartAsync();
        var a = await StageAsync(emu, Png(30, 30), "v.png");
        const string set = "mutation($input: ProductSetInput!) { productSet(input: $input) { product { media(first: 5) { nodes { id } } variants(first: 5) { nodes { media(first: 1) { nodes { id } } } } } userErrors { field code } } }";
        object Input(string variantSource) => new
        {
            title = "Variant image",
            files = new[] { new { originalSource = a, contentType = "IMAGE" } },
            productOptions = new[] { new { name = "Color", values = new[] { new { name = "Red" } } } },
            variants = new[] { new { optionValues = new[] { new { optionName = "Color", name = "Red" } }, file = new { originalSource = variantSource, contentType = "IMAGE" } } },
        };
        var payload = (await emu.DataAsync(set, new { input = Input(a) }))["productSet"]!;
        var productMedia = payload["product"]!["media"]!["nodes"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(productMedia, payload["product"]!["variants"]!["nodes"]![0]!["media"]!["nodes"]![0]!["id"]!.GetValue<string>());

        var refused = (await emu.DataAsync(set, new { input = Input(a + "-other") }))["productSet"]!;
        Assert.Equal("INVALID_VARIANT", refused["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task File_create_update_references_and_delete()
    {
        await using var emu = await StartAsync();
        var productId = await ProductAsync(emu);
        var source = await StageAsync(emu, Png(100, 50));
        var file = (await emu.DataAsync("mutation($s: String!) { fileCreate(files: [{ originalSource: $s, contentType: IMAGE, alt: \"x\" }]) { files { id fileStatus alt } userErrors { code } } }", new { s = source }))["fileCreate"]!["files"]![0]!;
        var fileId = file["id"]!.GetValue<string>();
        Assert.StartsWith("gid://shopify/MediaImage/", fileId);

        await emu.DataAsync("mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { id } userErrors { code } } }", new { f = new[] { new { id = fileId, referencesToAdd = new[] { productId } } } });
        Assert.Single(await SettledMediaAsync(emu, productId));

        var deleted = (await emu.DataAsync("mutation($id: ID!, $m: [ID!]!) { productDeleteMedia(productId: $id, mediaIds: $m) { deletedMediaIds mediaUserErrors { code } } }", new { id = productId, m = new[] { fileId } }))["productDeleteMedia"]!;
        Assert.Equal(fileId, deleted["deletedMediaIds"]![0]!.GetValue<string>());
        Assert.Empty(await SettledMediaAsync(emu, productId));

        var missing = (await emu.DataAsync("mutation($f: [ID!]!) { fileDelete(fileIds: $f) { deletedFileIds userErrors { code } } }", new { f = new[] { fileId } }))["fileDelete"]!;
        Assert.Equal("FILE_DOES_NOT_EXIST", missing["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void Image_headers_of_every_supported_format_are_read()
    {
        var gif = new byte[16];
        "GIF89a"u8.CopyTo(gif);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), 300);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), 200);
        Assert.Equal(new ImageInfo("image/gif", 300, 200), ImageInspector.Inspect(gif));

        // SOI, an APP0 segment, then SOF0 with height 120 and width 160.
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xA0, 0x03, 0, 0, 0, 0 };
        Assert.Equal(new ImageInfo("image/jpeg", 160, 120), ImageInspector.Inspect(jpeg));

        var webp = new byte[32];
        "RIFF"u8.CopyTo(webp);
        "WEBP"u8.CopyTo(webp.AsSpan(8));
        "VP8X"u8.CopyTo(webp.AsSpan(12));
        webp[24] = 99; // width - 1 = 99
        webp[27] = 49; // height - 1 = 49
        Assert.Equal(new ImageInfo("image/webp", 100, 50), ImageInspector.Inspect(webp));

        Assert.Null(ImageInspector.Inspect("hello"u8));
        Assert.Equal("INVALID_IMAGE_FILE_SIZE", ImageInspector.Problem(new byte[21 * 1024 * 1024], out _)!.Value.Code);
    }
}
