using System.Collections.Concurrent;

namespace ShopifyPS.Shopify;

/// <summary>
/// The cost budget of one shop, shared by every <see cref="ShopifyClient"/> for that shop in this process
/// (Shopify limits per app and store, not per connection). A request reserves its expected cost before it
/// is sent and waits — cancellably — until the bucket holds it; its answer re-bases the bucket.
/// </summary>
public sealed class ShopBudget
{
    private static readonly ConcurrentDictionary<string, ShopBudget> Shared = new(StringComparer.OrdinalIgnoreCase);

    private readonly object _sync = new();
    private readonly LeakyBucket _bucket = new();
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();

    internal ShopBudget(TimeProvider time) => _time = time;

    /// <summary>The budget for a shop key (the GraphQL endpoint's authority).</summary>
    public static ShopBudget For(string shopKey) => Shared.GetOrAdd(shopKey, _ => new ShopBudget(TimeProvider.System));

    /// <summary>The bucket as we model it now (null before the first answer).</summary>
    public ThrottleStatus? Status
    {
        get { lock (_sync) return _bucket.Snapshot(Now); }
    }

    /// <summary>Waits until <paramref name="cost"/> points are available and reserves them.</summary>
    public async Task<Reservation> ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? wait;
            Task changed;
            lock (_sync)
            {
                wait = _bucket.WaitFor(cost, Now);
                if (wait == TimeSpan.Zero)
                {
                    _bucket.Reserve(cost);
                    return new Reservation(cost);
                }
                changed = _changed.Task;
            }
            // An answer may re-base the bucket either way, so wake up on it as well as on the refill time.
            var refill = wait is { } w ? Task.Delay(w, _time, cancellationToken) : Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
            await Task.WhenAny(changed, refill).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Settles a reservation with what the answer said (nothing, when there was no answer).</summary>
    public void Complete(Reservation reservation, QueryCost? cost)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _bucket.Complete(reservation.Cost, Now, cost?.ThrottleStatus, cost?.ActualQueryCost);
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private double Now => _time.GetTimestamp() / (double)_time.TimestampFrequency;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Points held for one request in flight.</summary>
    public readonly record struct Reservation(double Cost);
}
