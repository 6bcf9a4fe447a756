using ShopifyPS.Sync.Images;

namespace ShopifyPS.Tests.Images;

public sealed class ImageHeaderReaderTests
{
    public static TheoryData<string, byte[], ImageFormat, int, int> Images() => new()
    {
        { "png 1x1", TestImages.Png(1, 1), ImageFormat.Png, 1, 1 },
        { "png 640x480", TestImages.Png(640, 480), ImageFormat.Png, 640, 480 },
        { "png 5001x3", TestImages.Png(5001, 3), ImageFormat.Png, 5001, 3 },
        { "jpeg 8x8", TestImages.Jpeg(8, 8), ImageFormat.Jpeg, 8, 8 },
        { "jpeg 1200x800", TestImages.Jpeg(1200, 800), ImageFormat.Jpeg, 1200, 800 },
        { "jpeg 13x7", TestImages.Jpeg(13, 7), ImageFormat.Jpeg, 13, 7 },
        { "gif", TestImages.Gif(320, 200), ImageFormat.Gif, 320, 200 },
        { "webp lossy", TestImages.Webp("VP8 ", 400, 300), ImageFormat.Webp, 400, 300 },
        { "webp lossless", TestImages.Webp("VP8L", 1000, 16000), ImageFormat.Webp, 1000, 16000 },
        { "webp extended", TestImages.Webp("VP8X", 6000, 20), ImageFormat.Webp, 6000, 20 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Reads_format_and_size_from_the_bytes(string name, byte[] data, ImageFormat format, int width, int height)
    {
        var header = ImageHeaderReader.Read(data, out var problem);

        Assert.True(header is not null, $"{name}: {problem}");
        Assert.Equal((format, width, height), (header.Format, header.Width, header.Height));
    }

    public static TheoryData<string, byte[], string> Corrupt() => new()
    {
        { "empty", [], "empty" },
        { "text", "hello, this is not an image"u8.ToArray(), "not a PNG, JPEG, GIF or WEBP" },
        { "bmp", [(byte)'B', (byte)'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "not a PNG, JPEG, GIF or WEBP" },
        { "png cut short", TestImages.Png(10, 10)[..20], "PNG image but its header is damaged" },
        { "png without IHDR first", Replace(TestImages.Png(10, 10), 12, "IDAT"u8.ToArray()), "PNG image but its header is damaged" },
        { "png of width 0", TestImages.Png(0, 10), "PNG image but its header is damaged" },
        { "jpeg without frame", TestImages.Jpeg(10, 10)[..22], "JPEG image but its header is damaged" },
        { "jpeg with garbage after SOI", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x12, 0x34, 0x56, 0x78], "JPEG image but its header is damaged" },
        { "gif cut short", TestImages.Gif(5, 5)[..8], "GIF image but its header is damaged" },
        { "webp with an unknown chunk", Replace(TestImages.Webp("VP8 ", 5, 5), 12, "ABCD"u8.ToArray()), "WEBP image but its header is damaged" },
        { "webp lossy without start code", Replace(TestImages.Webp("VP8 ", 5, 5), 23, [0, 0, 0]), "WEBP image but its header is damaged" },
    };

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void Says_why_bytes_are_not_a_usable_image(string name, byte[] data, string reason)
    {
        var header = ImageHeaderReader.Read(data, out var problem);

        Assert.Null(header);
        Assert.True(problem.Contains(reason, StringComparison.Ordinal), $"{name}: {problem}");
    }

    private static byte[] Replace(byte[] data, int at, byte[] with)
    {
        var copy = data.ToArray();
        with.CopyTo(copy, at);
        return copy;
    }
}
