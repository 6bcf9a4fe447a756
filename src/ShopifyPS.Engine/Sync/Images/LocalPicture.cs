using System.Security.Cryptography;

namespace ShopifyPS.Sync.Images;

/// <summary>A picture file of the item store, read, decoded and checked against Shopify's media rules, with its content
/// hash (of the file as it is, so a picture scaled down for upload is still unchanged while the file is).</summary>
public sealed class LocalPicture
{
    /// <summary>What -ScaleDown reads at most: a camera original far above Shopify's 20 MB is still a picture to scale.</summary>
    public const long MaxScaleDownBytes = 200L * 1024 * 1024;

    private LocalPicture(string path, byte[] content, ImageHeader header, string sha256, ImageHeader? original)
    {
        Path = path;
        Content = content;
        Header = header;
        Sha256 = sha256;
        ScaledFrom = original;
    }

    public string Path { get; }
    public byte[] Content { get; }
    public ImageHeader Header { get; }
    public string Sha256 { get; }
    public string FileName => System.IO.Path.GetFileName(Path);
    /// <summary>The file's own size when it was scaled down to fit Shopify's limits; null when it is sent as it is.</summary>
    public ImageHeader? ScaledFrom { get; }

    public override string ToString() =>
        $"{Path} ({Header}, {Content.Length / 1024.0:0.#} KB{(ScaledFrom is null ? "" : $", scaled down from {ScaledFrom.Width}x{ScaledFrom.Height}")})";

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>
    /// Where a PicturePath points: <c>~</c> expanded, a relative path taken from the home folder (the ERP import
    /// stores paths from a data set as full paths). Null with <paramref name="problem"/> for a URL, which is not a file.
    /// </summary>
    public static string? Resolve(ShopifyHome home, string picturePath, out string problem)
    {
        problem = "";
        if (Uri.TryCreate(picturePath, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            problem = $"PicturePath {picturePath} is a URL; ShopifyPS uploads picture files only (download it and set PicturePath to the file)";
            return null;
        }
        try
        {
            return home.ResolvePath(picturePath);
        }
        catch (ArgumentException)
        {
            // A NUL (or on Windows another character no path may hold) fails this picture, never the run.
            problem = $"PicturePath of this record holds a character no file path can have (such as NUL); correct it with Set-ShopifyItem -PicturePath or in the ERP data";
            return null;
        }
    }

    /// <summary>The file read, decoded and checked, or null with <paramref name="problem"/>: missing, a folder, unreadable,
    /// damaged, or refused by <see cref="MediaRules"/>. With <paramref name="scaleDown"/> a picture above Shopify's pixel
    /// or size limits is scaled down to fit instead of refused.</summary>
    public static LocalPicture? Load(string path, bool scaleDown, out string problem)
    {
        problem = "";
        try
        {
            if (Directory.Exists(path))
            {
                problem = $"{path} is a folder, not a picture file; set PicturePath to the picture in it";
                return null;
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = $"the picture file {path} does not exist";
                return null;
            }
            // Refuse an oversized file before reading it into memory.
            if (MediaRules.CheckSize(info.Length) is { } sizeProblem && !(scaleDown && info.Length <= MaxScaleDownBytes))
            {
                problem = $"{path}: {sizeProblem}";
                return null;
            }
            var content = File.ReadAllBytes(path);
            var header = ImageHeaderReader.Read(content, out var headerProblem);
            if (header is null)
            {
                problem = $"{path}: {headerProblem}";
                return null;
            }
            var sha256 = Hash(content);
            var tooLarge = MediaRules.TooLarge(header) ?? MediaRules.CheckSize(content.Length);
            if (tooLarge is null)
            {
                if (PictureDecoder.Damage(content) is { } damage)
                {
                    problem = $"{path}: {damage}";
                    return null;
                }
                return new LocalPicture(path, content, header, sha256, null);
            }
            if (!scaleDown)
            {
                problem = $"{path}: {tooLarge}";
                return null;
            }
            if (PictureDecoder.ScaleDown(content, header, out var scaleProblem) is not { } scaled)
            {
                problem = $"{path}: {scaleProblem}";
                return null;
            }
            var scaledHeader = ImageHeaderReader.Read(scaled.Content, out _) ?? header with { Format = scaled.Format };
            if (MediaRules.CheckSize(scaled.Content.Length) is { } stillTooBig)
            {
                problem = $"{path}: scaled down to {scaledHeader.Width}x{scaledHeader.Height}, {stillTooBig}";
                return null;
            }
            return new LocalPicture(path, scaled.Content, scaledHeader, sha256, header);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"the picture file {path} cannot be read: {ex.Message}";
            return null;
        }
    }
}
