using System.Diagnostics;

namespace ShopifyPS.Emulator.Runtime;

/// <summary>
/// Shopify's cost budget per app and store: a bucket of points that refills at a constant rate.
/// A query needs its requested cost available up front; the unused part is refunded afterwards.
/// Time can run faster than the wall clock (clock speed factor) so benchmarks need not wait.
/// </summary>
internal sealed class LeakyBucket
{
    private readonly Lock _sync = new();
    private double _available;
    private long _lastTimestamp;

    public LeakyBucket(int maximum, double restoreRate)
    {
        Maximum = maximum;
        RestoreRate = restoreRate;
        _available = maximum;
        _lastTimestamp = Stopwatch.GetTimestamp();
    }

    public int Maximum { get; private set; }
    public double RestoreRate { get; private set; }
    public double ClockSpeed { get; private set; } = 1;

    public void Configure(int? maximum, double? restoreRate, double? clockSpeed)
    {
        lock (_sync)
        {
            Refill();
            if (maximum is { } m) { Maximum = m; _available = Math.Min(_available, m); }
            if (restoreRate is { } r) RestoreRate = r;
            if (clockSpeed is { } c && c > 0) ClockSpeed = c;
        }
    }

    /// <summary>Takes <paramref name="cost"/> points if available. Returns the level after the attempt.</summary>
    public bool TryTake(int cost, out double available)
    {
        lock (_sync)
        {
            Refill();
            if (cost > _available)
            {
                available = _available;
                return false;
            }
            _available -= cost;
            available = _available;
            return true;
        }
    }

    public double Refund(int points)
    {
        lock (_sync)
        {
            Refill();
            _available = Math.Min(Maximum, _available + Math.Max(points, 0));
            return _available;
        }
    }

    public double Available
    {
        get { lock (_sync) { Refill(); return _available; } }
    }

    /// <summary>Empties or fills the bucket (tests use it to provoke THROTTLED).</summary>
    public void SetAvailable(double points)
    {
        lock (_sync)
        {
            Refill();
            _available = Math.Clamp(points, 0, Maximum);
        }
    }

    private void Refill()
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = (now - _lastTimestamp) / (double)Stopwatch.Frequency * ClockSpeed;
        _lastTimestamp = now;
        _available = Math.Min(Maximum, _available + seconds * RestoreRate);
    }
}
