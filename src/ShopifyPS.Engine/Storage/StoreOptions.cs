using System.Globalization;

namespace ShopifyPS.Storage;

/// <summary>How a run waits for the database. One writer at a time: a second writer waits up to
/// <see cref="WriteLockTimeout"/> and then stops with <see cref="StoreBusyException"/>.</summary>
public sealed record StoreOptions(TimeSpan WriteLockTimeout)
{
    /// <summary>Seconds a writer waits for another run to finish; scheduled jobs that overlap raise it.</summary>
    public const string LockTimeoutVariable = "SHOPIFYPS_LOCK_TIMEOUT";

    public static readonly TimeSpan DefaultWriteLockTimeout = TimeSpan.FromSeconds(30);

    public static StoreOptions Default { get; } = new(DefaultWriteLockTimeout);

    /// <summary>Reads <c>$SHOPIFYPS_LOCK_TIMEOUT</c> (seconds, 0 = do not wait); unset means 30 seconds.</summary>
    /// <exception cref="ShopifyPSException">The variable is not a number of seconds (ShopifyLockTimeoutInvalid).</exception>
    public static StoreOptions FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(LockTimeoutVariable);
        if (string.IsNullOrWhiteSpace(text)) return Default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > int.MaxValue / 1000)
            throw new ShopifyPSException(ErrorCatalog.LockTimeoutInvalid, $"${LockTimeoutVariable} is '{text}'; set it to the number of seconds a run may wait for the database (for example 30), or remove it.", LockTimeoutVariable);
        return new StoreOptions(TimeSpan.FromSeconds(seconds));
    }
}

/// <summary>Another run holds the database's write lock for longer than this run may wait.</summary>
public sealed class StoreBusyException(string message, string path) : ShopifyPSException(ErrorCatalog.StoreBusy, message, path);

/// <summary>The database cannot be used: written by a newer ShopifyPS, or not a database SQLite can open.</summary>
public sealed class StoreUnusableException(string message, string path, Exception? inner = null) : ShopifyPSException(ErrorCatalog.StoreUnusable, message, path, inner);
