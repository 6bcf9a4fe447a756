namespace ShopifyPS.Emulator.Runtime;

/// <summary>
/// The folder where the emulator keeps staged uploads and bulk operation results. They are files, not memory: for a
/// Shopify Plus catalog they reach hundreds of MB (a bulk query of 3,000,000 inventory levels, 100 MB files of bulk
/// mutation variables), which held as byte arrays would dominate the process. The folder is made with its first file
/// (an emulator that never stages anything leaves nothing behind, even when it is killed) and removed on dispose.
/// </summary>
internal sealed class FileArea : IDisposable
{
    /// <param name="root">Where the folder is made (the --files option), or null for the system's temporary folder.</param>
    public FileArea(string? root)
    {
        Folder = Path.Combine(root ?? Path.GetTempPath(), $"shopifyps-emulator-{Guid.NewGuid():N}");
    }

    public string Folder { get; }

    /// <summary>A path for a new file in the folder.</summary>
    public string NewFile(string extension)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);
    }

    /// <summary>Deletes every file (a reset); one still being written (a bulk operation that outlives the reset) may stay.</summary>
    public void Clear()
    {
        if (!Directory.Exists(Folder)) return;
        foreach (var file in Directory.EnumerateFiles(Folder)) TryDelete(file);
    }

    public static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Still open elsewhere (Windows); the folder goes on dispose.
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A bulk operation still writing; nothing more to do at shutdown.
        }
    }
}
