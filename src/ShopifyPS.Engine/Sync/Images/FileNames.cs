namespace ShopifyPS.Sync.Images;

/// <summary>File names for downloaded pictures.</summary>
internal static class FileNames
{
    /// <summary>The text with characters that no file system takes (and path separators) replaced by <c>_</c>.</summary>
    public static string Safe(string text)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(text.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
        return safe.Length == 0 || safe is "." or ".." ? "_" : safe;
    }

    /// <summary>The extension of the URL's path (".jpg"), or ".img" when it has none.</summary>
    public static string ExtensionOf(string url)
    {
        var extension = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetExtension(uri.AbsolutePath) : "";
        return extension.Length is > 1 and <= 5 ? extension.ToLowerInvariant() : ".img";
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a picture.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".partial";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
