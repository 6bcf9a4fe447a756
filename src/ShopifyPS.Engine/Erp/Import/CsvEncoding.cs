using System.Text;
using System.Text.Unicode;

namespace ShopifyPS.Erp.Import;

/// <summary>
/// The text encoding of the ERP data set's files: UTF-8 (with or without BOM) unless the user names another. A file
/// that is not valid UTF-8 is refused rather than decoded with replacement characters, which would store U+FFFD for
/// every æøå of a file Excel saved as Windows-1252 and lose the real letters without a word.
/// </summary>
public static class CsvEncoding
{
    /// <summary>The encoding a name stands for: a .NET or IANA name (utf-8, windows-1252, iso-8859-1, latin1, …) or a
    /// code page number.</summary>
    public static Encoding Resolve(string name)
    {
        // The code page encodings (windows-1252 and friends) are in the runtime but not registered by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return int.TryParse(name, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ShopifyPSException(ErrorCatalog.ShopifyErpDataEncodingUnknown,
                $"'{name}' is not a text encoding this system knows. Use utf-8 (the default), windows-1252, iso-8859-1 or a code page number.", name, ex);
        }
    }

    public static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary>A UTF-16 (or UTF-32 little-endian) byte order mark names the file's encoding itself (Windows PowerShell's Out-File
    /// writes UTF-16), so such a file is read in that encoding whatever was asked for.</summary>
    public static bool HasWideByteOrderMark(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF);
    }

    /// <summary>The first line (1-based) of the file that is not valid UTF-8, or null when the whole file is.</summary>
    public static int? FirstInvalidUtf8Line(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[64 * 1024];
        var kept = 0;
        var line = 1;
        while (true)
        {
            if (kept == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = stream.Read(buffer, kept, buffer.Length - kept);
            var end = kept + read;
            // A line feed byte is never part of a multi-byte sequence, so whole lines can be checked one by one.
            var start = 0;
            int feed;
            while ((feed = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
            {
                if (!Utf8.IsValid(buffer.AsSpan(start, feed - start))) return line;
                line++;
                start = feed + 1;
            }
            if (read == 0) return Utf8.IsValid(buffer.AsSpan(start, end - start)) ? null : line;
            kept = end - start;
            Array.Copy(buffer, start, buffer, 0, kept);
        }
    }
}
