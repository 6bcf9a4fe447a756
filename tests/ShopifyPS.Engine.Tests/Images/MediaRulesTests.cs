using ShopifyPS.Sync.Images;

namespace ShopifyPS.Tests.Images;

public sealed class MediaRulesTests
{
    public static TheoryData<string, byte[], string?> Files() => new()
    {
        { "small png", TestImages.Png(10, 10), null },
        { "jpeg at the limit", TestImages.Jpeg(4472, 4472), null },
        { "gif", TestImages.Gif(4472, 1), null },
        { "png too wide", TestImages.Png(4473, 2), "4473x2 pixels; Shopify takes at most 4472 pixels on a side and 20 megapixels" },
        { "jpeg too tall", TestImages.Jpeg(10, 4473), "10x4473 pixels" },
        { "webp too wide", TestImages.Webp("VP8X", 16383, 10), "16383x10 pixels" },
        { "corrupt", "not an image at all"u8.ToArray(), "not a PNG, JPEG, GIF or WEBP" },
        { "empty", [], "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Checks_format_and_pixel_size(string name, byte[] content, string? problem)
    {
        var found = MediaRules.Check(content, out var header);

        if (problem is null)
        {
            Assert.True(found is null, $"{name}: {found}");
            Assert.NotNull(header);
        }
        else Assert.True(found?.Contains(problem, StringComparison.Ordinal) == true, $"{name}: {found}");
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(MediaRules.MaxFileBytes, null)]
    [InlineData(MediaRules.MaxFileBytes + 1, "the file is 20.0 MB; Shopify takes images up to 20 MB")]
    [InlineData(0, "the file is empty")]
    public void Checks_the_file_size_before_reading(long size, string? problem) =>
        Assert.Equal(problem, MediaRules.CheckSize(size));

    [Fact]
    public void A_file_over_20_MB_is_refused_even_when_its_header_is_fine()
    {
        var content = new byte[MediaRules.MaxFileBytes + 1];
        TestImages.Png(100, 100).CopyTo(content, 0);

        Assert.StartsWith("the file is 20.0 MB", MediaRules.Check(content, out _));
    }

    [Theory]
    [InlineData("sha256=ab12 uploaded=gid://shopify/MediaImage/5")]
    [InlineData("sha256=ab12 downloaded=gid://shopify/MediaImage/5 at=2026-05-01T10:00:00Z")]
    public void Picture_state_reads_back_what_it_wrote(string text) =>
        Assert.Equal(text, PictureState.Parse(text)!.ToString());

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("sha256=ab12")]
    public void Unreadable_picture_state_counts_as_never_synced(string text) => Assert.Null(PictureState.Parse(text));
}
