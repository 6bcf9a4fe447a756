using System.Security.Cryptography;

namespace ShopifyPS.Sync.Images;

/// <summary>A picture file of the item store, read and checked against Shopify's media rules, with its content hash.</summary>
public sealed class LocalPicture
{
    private LocalPicture(string path, byte[] content, ImageHeader header)
    {
        Path = path;
        Content = content;
        Header = header;
        Sha256 = Hash(content);
    }

    public string Path { get; }
    public byte[] Content { get; }
    public ImageHeader Header { get; }
    public string Sha256 { get; }
    public string FileName => System.IO.Path.GetFileName(Path);

    public override string ToString() => $"{Path} ({Header}, {Content.Length / 1024.0:0.#} KB)";

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
        return home.ResolvePath(picturePath);
    }

    /// <summary>The file read and checked, or null with <paramref name="problem"/>: missing, unreadable, or refused by <see cref="MediaRules"/>.</summary>
    public static LocalPicture? Load(string path, out string problem)
    {
        problem = "";
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = $"the picture file {path} does not exist";
                return null;
            }
            // Refuse an oversized file before reading 20 MB or more into memory.
            if (MediaRules.CheckSize(info.Length) is { } sizeProblem)
            {
                problem = $"{path}: {sizeProblem}";
                return null;
            }
            var content = File.ReadAllBytes(path);
            if (MediaRules.Check(content, out var header) is { } ruleProblem)
            {
                problem = $"{path}: {ruleProblem}";
                return null;
            }
            return new LocalPicture(path, content, header!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"the picture file {path} cannot be read: {ex.Message}";
            return null;
        }
    }
}
