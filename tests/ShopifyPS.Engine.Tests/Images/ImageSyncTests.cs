using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Images;
using ShopifyPS.Tests.Integration;
using ShopifyPS.Tests.Storage;

namespace ShopifyPS.Tests.Images;

/// <summary>Sync-ShopifyImage's engine against the in-process emulator: upload, no re-upload, replace, import.</summary>
public sealed class ImageSyncTests : IAsyncLifetime
{
    private const string Shop = "emulator";
    private readonly TempFolder _home = new();
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();
    private EmulatorShop _shop = null!;
    private readonly Dictionary<string, string> _products = new();   // item no. → product id
    private readonly Dictionary<string, string> _variants = new();   // "1000/RED" → variant id

    private string Pictures => Path.Combine(_home.Path, "erp-pictures");

    public async Task InitializeAsync()
    {
        _shop = await EmulatorShop.StartAsync(bucket: 2000, restoreRate: 1000);
        Directory.CreateDirectory(Pictures);
        WritePicture("1000.png", TestImages.Png(64, 48));
        WritePicture("1000-red.png", TestImages.Png(16, 16, shade: 0x10));
        WritePicture("1001.jpg", TestImages.Jpeg(120, 80));
        WritePicture("1002-corrupt.png", "this is not a picture"u8.ToArray());
        WritePicture("1003-huge.png", TestImages.Png(5001, 2));
        AddItem("1000", "1000.png", ("RED", "1000-red.png"), ("BLUE", ""));
        AddItem("1001", "1001.jpg");
        AddItem("1002", "1002-corrupt.png");
        AddItem("1003", "1003-huge.png");
        AddItem("1004", "missing.png");

        var seeded = await _shop.SeedAsync(new
        {
            products = new object[]
            {
                new { title = "1000", options = new[] { new { name = "Color", values = new[] { "RED", "BLUE" } } },
                      variants = new[] { new { options = new[] { "RED" }, sku = "1000/RED" }, new { options = new[] { "BLUE" }, sku = "1000/BLUE" } } },
                new { title = "1001", variants = new[] { new { sku = "1001" } } },
                new { title = "1002", variants = new[] { new { sku = "1002" } } },
                new { title = "1003", variants = new[] { new { sku = "1003" } } },
                new { title = "1004", variants = new[] { new { sku = "1004" } } },
            },
        });
        // The links Add-ShopifyItem would have written: product → item, variant → item variant.
        foreach (var product in seeded["products"]!)
        {
            var itemNo = product.Value<string>("handle")!;
            var productId = product.Value<string>("id")!;
            _products[itemNo] = productId;
            _store.Connector.SaveProduct(new ShopProduct { Shop = Shop, Id = productId, Title = itemNo, ItemNo = itemNo });
            foreach (var variant in product["variants"]!)
            {
                var code = variant.Value<string>("sku")!.Contains('/') ? variant.Value<string>("sku")!.Split('/')[1] : "";
                _variants[code.Length > 0 ? $"{itemNo}/{code}" : itemNo] = variant.Value<string>("id")!;
                _store.Connector.SaveVariant(new ShopVariant
                {
                    Shop = Shop, Id = variant.Value<string>("id")!, ProductId = productId, Sku = variant.Value<string>("sku")!,
                    ItemNo = itemNo, VariantCode = code, MappedByItem = code.Length == 0,
                });
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _shop.DisposeAsync();
        _store.Dispose();
        _home.Dispose();
    }

    private void WritePicture(string name, byte[] content) => File.WriteAllBytes(Path.Combine(Pictures, name), content);

    private void AddItem(string no, string picture, params (string Code, string Picture)[] variants)
    {
        _store.Erp.Upsert(ErpTables.Items, new Item { No = no, Description = $"Item {no}", PicturePath = Path.Combine(Pictures, picture) });
        foreach (var (code, variantPicture) in variants)
            _store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant
            {
                ItemNo = no, Code = code, Description = code, PicturePath = variantPicture.Length == 0 ? "" : Path.Combine(Pictures, variantPicture),
            });
    }

    private async Task<List<SyncResult>> SyncAsync(ImageSyncMode mode, bool whatIf = false, ImageSyncScope? scope = null)
    {
        var profile = _shop.Profile();
        profile.Items.SyncItemImages = mode;
        var context = new ShopSession(profile, _shop.Client(profile: profile), _store, new Progress<RunEvent>(), whatIf, DateOnly.FromDateTime(DateTime.Today), new ShopifyHome(_home.Path));
        var results = new List<SyncResult>();
        await foreach (var result in ImageSync.RunAsync(context, new ShopifyHome(_home.Path), scope ?? new ImageSyncScope(), CancellationToken.None))
            results.Add(result);
        return results;
    }

    private static SyncResult Of(List<SyncResult> results, string itemNo, string variantCode = "") =>
        results.Single(r => r.ItemNo == itemNo && r.VariantCode == variantCode);

    private async Task<(List<string> ProductMedia, Dictionary<string, List<string>> VariantMedia)> MediaAsync(string itemNo)
    {
        var answer = await _shop.RawAsync("query TestMedia($id: ID!) { product(id: $id) { media(first: 20) { nodes { id } } variants(first: 10) { nodes { id media(first: 5) { nodes { id } } } } } }",
            new JObject { ["id"] = _products[itemNo] }, "TestMedia");
        var product = answer["data"]!["product"]!;
        return (product["media"]!["nodes"]!.Select(n => n.Value<string>("id")!).ToList(),
            product["variants"]!["nodes"]!.ToDictionary(v => v.Value<string>("id")!, v => v["media"]!["nodes"]!.Select(n => n.Value<string>("id")!).ToList()));
    }

    private PictureState? State(string ownerId) => PictureState.Parse(_store.Connector.GetHash(Shop, ContentKind.Picture, ownerId));

    private async Task<List<string>> MutationsSentAsync() =>
        (await _shop.RequestsAsync()).Where(r => r.Value<string>("document")!.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
            .Select(r => r.Value<string>("operationName")!).ToList();

    /// <summary>Media added by someone else (the shop's staff): a staged upload made a file and attached to the product.</summary>
    private async Task<string> ForeignMediaAsync(string itemNo, byte[] content, string? showOnVariant = null)
    {
        var media = new ShopifyMedia(_shop.Client());
        var dir = Path.Combine(_home.Path, "foreign");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(file, content);
        var picture = LocalPicture.Load(file, false, out _)!;
        var target = (await media.StageAsync([(picture, picture.FileName)], default))[0];
        await media.UploadAsync(target, picture, picture.FileName, default);
        var id = (await media.CreateFilesAsync([(target.ResourceUrl!, "staff", picture.FileName)], default)).Ids[0];
        await media.WaitUntilProcessedAsync([id], default);
        Assert.Empty(await media.AttachAsync([(id, _products[itemNo])], default));
        if (showOnVariant is not null) Assert.Empty(await media.AppendAsync(_products[itemNo], [(_variants[showOnVariant], [id])], default));
        return id;
    }

    [Fact]
    public async Task Uploads_product_and_variant_pictures_skips_bad_files_and_a_rerun_sends_nothing()
    {
        var first = await SyncAsync(ImageSyncMode.ToShopify);

        Assert.Equal(SyncAction.Created, Of(first, "1000").Action);
        Assert.Equal(SyncAction.Created, Of(first, "1000", "RED").Action);
        Assert.Equal(SyncAction.Created, Of(first, "1001").Action);
        Assert.DoesNotContain(first, r => r.VariantCode == "BLUE");
        Assert.Contains("not a PNG, JPEG, GIF or WEBP", Of(first, "1002").Message);
        Assert.Contains("5001x2 pixels", Of(first, "1003").Message);
        Assert.Contains("does not exist", Of(first, "1004").Message);
        Assert.All(new[] { "1002", "1003", "1004" }, no => Assert.Equal(SyncAction.Skipped, Of(first, no).Action));
        Assert.Equal(3, _store.Connector.Skipped(Shop).Count(s => s.RecordType == "Picture"));

        var (productMedia, variantMedia) = await MediaAsync("1000");
        var productPicture = State(_products["1000"])!;
        var redPicture = State(_variants["1000/RED"])!;
        Assert.Equal([productPicture.MediaId, redPicture.MediaId], productMedia);
        Assert.Equal([redPicture.MediaId], variantMedia[_variants["1000/RED"]]);
        Assert.Empty(variantMedia[_variants["1000/BLUE"]]);
        Assert.True(productPicture.WeUploaded);
        Assert.Single((await MediaAsync("1001")).ProductMedia);
        Assert.Empty((await MediaAsync("1002")).ProductMedia);

        await _shop.ClearRequestsAsync();
        var second = await SyncAsync(ImageSyncMode.ToShopify);

        Assert.All(new[] { Of(second, "1000"), Of(second, "1000", "RED"), Of(second, "1001") }, r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await _shop.RequestsAsync());
        Assert.Equal(productMedia, (await MediaAsync("1000")).ProductMedia);
    }

    private async Task<int> FileCountAsync() =>
        (await _shop.RawAsync("query TestFiles { files(first: 100) { nodes { id } } }", new JObject(), "TestFiles"))["data"]!["files"]!["nodes"]!.Count();

    /// <summary>What a fault-free run leaves: each picture once on its product, the variant picture on its variant, no other file.</summary>
    private async Task AssertFaultFreeStateAsync()
    {
        var (productMedia, variantMedia) = await MediaAsync("1000");
        Assert.Equal([State(_products["1000"])!.MediaId, State(_variants["1000/RED"])!.MediaId], productMedia);
        Assert.Equal([State(_variants["1000/RED"])!.MediaId], variantMedia[_variants["1000/RED"]]);
        Assert.Single((await MediaAsync("1001")).ProductMedia);
        Assert.Equal(3, await FileCountAsync());
        Assert.All(new[] { _products["1000"], _variants["1000/RED"], _products["1001"] },
            owner => Assert.True(string.IsNullOrEmpty(_store.Connector.GetHash(Shop, ContentKind.PictureUpload, owner))));
    }

    [Theory]
    [InlineData("StagedUploadsCreate")]
    [InlineData("FileCreate")]
    [InlineData("FileStatuses")]
    [InlineData("FileUpdate")]
    [InlineData("VariantMedia")]
    [InlineData("ProductVariantAppendMedia")]
    public async Task A_lost_answer_to_a_media_or_file_call_ends_like_a_fault_free_run(string operation)
    {
        await _shop.FaultsAsync(new object[] { new { kind = "dropAfter", count = 1, match = operation } });
        var first = await SyncAsync(ImageSyncMode.ToShopify);
        await _shop.ClearFaultsAsync();
        Assert.Contains((await _shop.RequestsAsync()), r => r.Value<string>("operationName") == operation && r["fault"] is not null && r["fault"]!.Type != JTokenType.Null);

        // A call that can be replayed or looked up recovers in the same run; the rest fails only its pictures, and the rerun completes them.
        Assert.DoesNotContain(first, r => r.ItemNo is "1000" or "1001" && r.Action == SyncAction.Skipped);
        var rerun = await SyncAsync(ImageSyncMode.ToShopify);
        Assert.DoesNotContain(rerun, r => r.Action == SyncAction.Failed);
        await AssertFaultFreeStateAsync();
    }

    [Fact]
    public async Task A_503_on_fileCreate_is_sent_again_once_Shopify_is_known_not_to_have_created_the_files()
    {
        await _shop.FaultsAsync(new object[] { new { kind = "http5xx", count = 1, status = 503, match = "FileCreate" } });
        var first = await SyncAsync(ImageSyncMode.ToShopify);
        await _shop.ClearFaultsAsync();

        Assert.DoesNotContain(first, r => r.Action == SyncAction.Failed);
        await AssertFaultFreeStateAsync();
    }

    [Fact]
    public async Task Repeated_503s_on_fileCreate_fail_those_pictures_only_and_the_rerun_completes_them()
    {
        await _shop.FaultsAsync(new object[] { new { kind = "http5xx", count = 2, status = 503, match = "FileCreate" } });
        var first = await SyncAsync(ImageSyncMode.ToShopify);
        await _shop.ClearFaultsAsync();

        Assert.Contains(first, r => r.Action == SyncAction.Failed && r.Message.Contains("503"));
        Assert.Contains("does not exist", Of(first, "1004").Message);
        await SyncAsync(ImageSyncMode.ToShopify);
        await AssertFaultFreeStateAsync();
    }

    [Fact]
    public async Task A_run_killed_after_fileCreate_leaves_a_marker_the_next_run_adopts()
    {
        // What a run killed between fileCreate and saving its state leaves: the files in Shopify, only the markers at home.
        await SyncAsync(ImageSyncMode.ToShopify);
        foreach (var owner in new[] { _products["1000"], _variants["1000/RED"], _products["1001"] })
        {
            var state = State(owner)!;
            _store.Connector.SetHash(Shop, ContentKind.PictureUpload, owner, PictureMarker.Of(owner, state.Sha256));
            _store.Connector.SetHash(Shop, ContentKind.Picture, owner, "");
        }
        await _shop.ClearRequestsAsync();

        var rerun = await SyncAsync(ImageSyncMode.ToShopify);

        Assert.All(new[] { Of(rerun, "1000"), Of(rerun, "1000", "RED"), Of(rerun, "1001") }, r => Assert.Contains("interrupted attempt", r.Message));
        Assert.DoesNotContain("FileCreate", await MutationsSentAsync());
        await AssertFaultFreeStateAsync();
    }

    [Fact]
    public async Task Damaged_pictures_folders_and_impossible_paths_fail_their_record_only()
    {
        var whole = TestImages.Png(400, 400);
        WritePicture("1002-corrupt.png", whole[..(whole.Length / 2)]);
        WritePicture("1003-huge.png", [.. whole[..33], .. new byte[2000]]);
        _store.Erp.Upsert(ErpTables.Items, new Item { No = "1004", Description = "Item 1004", PicturePath = Pictures });
        _store.Erp.Upsert(ErpTables.Items, new Item { No = "1001", Description = "Item 1001", PicturePath = Path.Combine(Pictures, "10\01.jpg") });

        var results = await SyncAsync(ImageSyncMode.ToShopify);

        Assert.Contains("truncated", Of(results, "1002").Message);
        Assert.Matches("damaged|cannot be decoded", Of(results, "1003").Message);
        Assert.Contains("is a folder", Of(results, "1004").Message);
        Assert.Contains("NUL", Of(results, "1001").Message);
        Assert.Equal(SyncAction.Created, Of(results, "1000").Action);
    }

    [Fact]
    public async Task ScaleDown_fits_a_picture_above_Shopifys_limits_and_a_rerun_sees_it_unchanged()
    {
        WritePicture("1003-huge.png", TestImages.Png(4600, 40));
        var scope = new ImageSyncScope { ItemNo = ["1003"], ScaleDown = true };

        var first = await SyncAsync(ImageSyncMode.ToShopify, scope: scope);

        Assert.Equal(SyncAction.Created, Of(first, "1003").Action);
        Assert.Contains("scaled down from 4600x40", Of(first, "1003").Message);
        Assert.Equal(SyncAction.Unchanged, Of(await SyncAsync(ImageSyncMode.ToShopify, scope: scope), "1003").Action);
    }

    [Fact]
    public async Task A_changed_picture_replaces_the_media_ShopifyPS_uploaded_and_leaves_other_media_alone()
    {
        await SyncAsync(ImageSyncMode.ToShopify);
        var oldProduct = State(_products["1000"])!.MediaId;
        var oldRed = State(_variants["1000/RED"])!.MediaId;
        var staff = await ForeignMediaAsync("1000", TestImages.Png(30, 30, shade: 0x33));
        WritePicture("1000.png", TestImages.Png(64, 48, shade: 0x20));
        WritePicture("1000-red.png", TestImages.Jpeg(24, 24));
        await _shop.ClearRequestsAsync();

        var results = await SyncAsync(ImageSyncMode.ToShopify);

        Assert.Equal(SyncAction.Updated, Of(results, "1000").Action);
        Assert.Contains($"Replaced media {oldProduct}", Of(results, "1000").Message);
        Assert.Equal(SyncAction.Updated, Of(results, "1000", "RED").Action);
        Assert.Equal(SyncAction.Unchanged, Of(results, "1001").Action);
        var newProduct = State(_products["1000"])!.MediaId;
        var newRed = State(_variants["1000/RED"])!.MediaId;
        var (productMedia, variantMedia) = await MediaAsync("1000");
        Assert.Equal([staff, newProduct, newRed], productMedia);
        Assert.DoesNotContain(oldProduct, productMedia);
        Assert.DoesNotContain(oldRed, productMedia);
        Assert.Equal([newRed], variantMedia[_variants["1000/RED"]]);
        // One round for both pictures: stage, create, attach, delete the old ones, then show the variant's.
        Assert.Equal(["StagedUploadsCreate", "FileCreate", "FileUpdate", "FileDelete", "ProductVariantAppendMedia"], await MutationsSentAsync());
    }

    [Fact]
    public async Task A_variant_showing_someone_elses_media_gets_the_item_variant_picture_and_the_other_media_stays_on_the_product()
    {
        var staff = await ForeignMediaAsync("1000", TestImages.Png(30, 30, shade: 0x44), showOnVariant: "1000/RED");

        var results = await SyncAsync(ImageSyncMode.ToShopify, scope: new ImageSyncScope { ItemNo = ["1000"] });

        Assert.Equal(SyncAction.Created, Of(results, "1000", "RED").Action);
        Assert.Contains($"detached media {staff}", Of(results, "1000", "RED").Message);
        var (productMedia, variantMedia) = await MediaAsync("1000");
        Assert.Contains(staff, productMedia);
        Assert.Equal([State(_variants["1000/RED"])!.MediaId], variantMedia[_variants["1000/RED"]]);
        Assert.DoesNotContain(results, r => r.ItemNo == "1001");
    }

    [Fact]
    public async Task WhatIf_lists_what_would_be_uploaded_and_changes_nothing()
    {
        var results = await SyncAsync(ImageSyncMode.ToShopify, whatIf: true);

        Assert.All(results, r => Assert.True(r.Planned));
        Assert.Equal(SyncAction.Created, Of(results, "1000").Action);
        Assert.StartsWith("Would upload", Of(results, "1000").Message);
        Assert.Equal(SyncAction.Skipped, Of(results, "1002").Action);
        Assert.Empty(await MutationsSentAsync());
        Assert.Null(State(_products["1000"]));
        Assert.Empty(_store.Connector.Skipped(Shop));
        Assert.Empty((await MediaAsync("1000")).ProductMedia);
    }

    [Fact]
    public async Task Unlinked_items_and_unknown_products_are_reported()
    {
        _store.Erp.Upsert(ErpTables.Items, new Item { No = "9000" });

        var results = await SyncAsync(ImageSyncMode.ToShopify, scope: new ImageSyncScope { ItemNo = ["9000"], ProductId = ["gid://shopify/Product/999999"] });

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(SyncAction.Skipped, r.Action));
        Assert.Contains("not linked to a Shopify product", Of(results, "9000").Message);
    }

    [Fact]
    public async Task Import_downloads_changed_media_into_the_home_folder_and_links_the_items()
    {
        var staffPicture = TestImages.Png(40, 20, shade: 0x55);
        var product = await ForeignMediaAsync("1001", staffPicture);
        var red = await ForeignMediaAsync("1000", TestImages.Jpeg(32, 32), showOnVariant: "1000/RED");

        var first = await SyncAsync(ImageSyncMode.FromShopify);

        Assert.Equal(SyncAction.Updated, Of(first, "1001").Action);
        var itemPicture = Path.Combine(_home.Path, "pictures", Shop, "1001.png");
        Assert.Equal(itemPicture, _store.Erp.Rows(ErpTables.Items, ("No", "1001")).Single().PicturePath);
        Assert.Equal(staffPicture, File.ReadAllBytes(itemPicture));
        var variantPicture = Path.Combine(_home.Path, "pictures", Shop, "1000_RED.jpg");
        Assert.Equal(variantPicture, _store.Erp.Rows(ErpTables.ItemVariants, ("ItemNo", "1000"), ("Code", "RED")).Single().PicturePath);
        Assert.Equal(TestImages.Jpeg(32, 32), File.ReadAllBytes(variantPicture));
        Assert.Equal(red, State(_variants["1000/RED"])!.MediaId);
        // The product's own first media is the RED picture too; the item takes it, BLUE has none.
        Assert.Equal(Path.Combine(_home.Path, "pictures", Shop, "1000.jpg"), _store.Erp.Rows(ErpTables.Items, ("No", "1000")).Single().PicturePath);
        Assert.DoesNotContain(first, r => r.VariantCode == "BLUE" || r.ItemNo == "1002");

        var second = await SyncAsync(ImageSyncMode.FromShopify);
        Assert.All(second, r => Assert.Equal(SyncAction.Unchanged, r.Action));

        await _shop.RawAsync("mutation TestDelete($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds } }", new JObject { ["ids"] = new JArray(product) }, "TestDelete");
        var replacement = TestImages.Png(50, 50, shade: 0x66);
        await ForeignMediaAsync("1001", replacement);

        var third = await SyncAsync(ImageSyncMode.FromShopify);

        Assert.Equal(SyncAction.Updated, Of(third, "1001").Action);
        Assert.Equal(replacement, File.ReadAllBytes(itemPicture));
        Assert.Equal(SyncAction.Unchanged, Of(third, "1000", "RED").Action);
    }
}
