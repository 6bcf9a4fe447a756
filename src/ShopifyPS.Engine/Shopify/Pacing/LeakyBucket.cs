namespace ShopifyPS.Shopify;

/// <summary>
/// Our model of a shop's cost bucket (the pure arithmetic; <see cref="ShopBudget"/> adds locking and
/// waiting). Shopify refills <c>restoreRate</c> points a second up to <c>maximumAvailable</c> and refuses
/// (THROTTLED) a query whose requested cost exceeds what is available. We model the level from what
/// Shopify reports and what our requests cost, refill it with time, and subtract what requests in flight
/// have reserved, so a request is only sent when Shopify will accept it. Times are seconds on a monotonic clock.
/// </summary>
internal sealed class LeakyBucket
{
    private double _level;
    private double _anchor;

    /// <summary>False until a response has reported the bucket; until then requests go one at a time.</summary>
    public bool Known { get; private set; }
    public double Maximum { get; private set; }
    public double RestoreRate { get; private set; }
    public double InFlight { get; private set; }
    public int InFlightCount { get; private set; }

    /// <summary>Points a new request could use at <paramref name="now"/>.</summary>
    public double AvailableAt(double now) =>
        Math.Min(Maximum, _level + RestoreRate * Math.Max(0, now - _anchor)) - InFlight;

    /// <summary>
    /// How long to wait before <paramref name="cost"/> points can be reserved: zero when they can be now,
    /// null when only an answer to a request in flight can tell (the bucket is not known yet, or the
    /// reservations in flight alone hold the points back).
    /// </summary>
    public TimeSpan? WaitFor(double cost, double now)
    {
        if (!Known) return InFlightCount == 0 ? TimeSpan.Zero : null;
        // A cost above the bucket size can never be met; a full bucket is the best there is.
        var needed = Math.Min(cost, Maximum);
        var deficit = needed - AvailableAt(now);
        if (deficit <= 0) return TimeSpan.Zero;
        if (RestoreRate <= 0 || Math.Min(Maximum, _level + RestoreRate * Math.Max(0, now - _anchor)) >= Maximum) return null;
        return TimeSpan.FromSeconds(deficit / RestoreRate);
    }

    public void Reserve(double cost)
    {
        InFlight += cost;
        InFlightCount++;
    }

    /// <summary>
    /// A request finished: its reservation is released and its actual cost charged (the whole reservation
    /// when there was no answer, nothing when Shopify reported a status without running it). A reported
    /// status can only lower the model: answers arrive out of order, so a status may predate charges the
    /// model already holds, and a status that is too high is the one mistake that causes THROTTLED. Refill
    /// brings a too-low model back up. Shopify measured the level before we received it; counting refill from
    /// the moment of receipt under-estimates it slightly, which is the safe side.
    /// </summary>
    public void Complete(double reserved, double receivedAt, ThrottleStatus? status, int? actualCost)
    {
        InFlight = Math.Max(0, InFlight - reserved);
        InFlightCount = Math.Max(0, InFlightCount - 1);
        var charge = actualCost ?? (status is null ? reserved : 0);
        if (!Known)
        {
            if (status is null) return;
            (Maximum, RestoreRate, _level, Known) = (status.MaximumAvailable, status.RestoreRate, status.CurrentlyAvailable, true);
        }
        else
        {
            var modelled = Math.Min(Maximum, _level + RestoreRate * Math.Max(0, receivedAt - _anchor)) - charge;
            if (status is not null) (Maximum, RestoreRate) = (status.MaximumAvailable, status.RestoreRate);
            _level = status is null ? modelled : Math.Min(modelled, status.CurrentlyAvailable);
        }
        _anchor = receivedAt;
    }

    public ThrottleStatus? Snapshot(double now) =>
        Known ? new ThrottleStatus(Maximum, Math.Floor(AvailableAt(now) + InFlight), RestoreRate) : null;
}
