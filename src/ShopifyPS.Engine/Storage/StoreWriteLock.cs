using System.Diagnostics;

namespace ShopifyPS.Storage;

/// <summary>
/// The one-writer-per-database rule. SQLite's own lock lasts one transaction, but a run writes many batches and
/// must not interleave with another run, so a writer holds an exclusive handle on <c>&lt;database&gt;.lock</c>
/// for its whole life. The operating system releases the handle when the process ends, however it ends, so a
/// crashed run never leaves a stale lock behind. The file's text (process id, start time) is for people only.
/// </summary>
internal sealed class StoreWriteLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _handle;

    private StoreWriteLock(FileStream handle) => _handle = handle;

    public static string PathFor(string database) => database + ".lock";

    public static StoreWriteLock Acquire(string database, TimeSpan timeout, CancellationToken cancellation)
    {
        var path = PathFor(database);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var handle = TryOpen(path);
            if (handle is not null)
            {
                WriteOwner(handle);
                return new StoreWriteLock(handle);
            }
            if (waited.Elapsed >= timeout)
                throw new StoreBusyException(
                    $"The database {database} is in use by another ShopifyPS run (it holds {path}); waited {timeout.TotalSeconds:0.#} s. " +
                    $"Run again when that run has finished, or set ${StoreOptions.LockTimeoutVariable} to the seconds to wait.", database);
            cancellation.WaitHandle.WaitOne(PollInterval);
        }
    }

    /// <summary>Whether a live process holds the database's write lock now. Looks without creating the lock file.</summary>
    public static bool IsHeld(string database)
    {
        try
        {
            using var handle = new FileStream(PathFor(database), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    // FileShare.None is an exclusive lock (flock on Unix, a share mode on Windows), also between two handles of one process.
    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreUnusableException(
                $"The lock file {path} cannot be created or opened: {ex.Message} " +
                $"Give the account that runs ShopifyPS write access to the folder {Path.GetDirectoryName(path)}.", path, ex);
        }
    }

    private static void WriteOwner(FileStream handle)
    {
        using var process = Process.GetCurrentProcess();
        var text = System.Text.Encoding.UTF8.GetBytes($"process {process.Id} since {DateTimeOffset.UtcNow:O}\n");
        handle.SetLength(0);
        handle.Write(text);
        handle.Flush();
    }

    public void Dispose() => _handle.Dispose();
}
