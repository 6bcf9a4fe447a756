using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>The pacing arithmetic: when a request may be sent so that Shopify will not throttle it.</summary>
public sealed class LeakyBucketTests
{
    private static LeakyBucket Observed(double available, double maximum = 100, double rate = 50, double at = 10)
    {
        var bucket = new LeakyBucket();
        bucket.Reserve(1);
        bucket.Complete(1, receivedAt: at, new ThrottleStatus(maximum, available, rate), actualCost: 1);
        return bucket;
    }

    [Fact]
    public void Before_the_first_answer_requests_go_one_at_a_time()
    {
        var bucket = new LeakyBucket();

        Assert.Equal(TimeSpan.Zero, bucket.WaitFor(500, now: 0));
        bucket.Reserve(500);
        Assert.Null(bucket.WaitFor(1, now: 0));
    }

    [Fact]
    public void A_request_waits_exactly_as_long_as_the_deficit_takes_to_refill()
    {
        var bucket = Observed(available: 20);

        Assert.Equal(TimeSpan.Zero, bucket.WaitFor(20, now: 10));
        Assert.Equal(0.8, bucket.WaitFor(60, now: 10)!.Value.TotalSeconds, 6);
        Assert.Equal(0.3, bucket.WaitFor(60, now: 10.5)!.Value.TotalSeconds, 6);
        Assert.Equal(TimeSpan.Zero, bucket.WaitFor(60, now: 10.8));
    }

    [Fact]
    public void Reservations_in_flight_hold_their_points()
    {
        var bucket = Observed(available: 100);

        bucket.Reserve(60);

        Assert.Equal(40, bucket.AvailableAt(10), 6);
        // The bucket is full, so only an answer (re-basing it) can free the points: wait for one.
        Assert.Null(bucket.WaitFor(60, now: 10));
    }

    [Fact]
    public void An_answer_re_bases_the_bucket_on_what_Shopify_reported_and_releases_the_reservation()
    {
        var bucket = Observed(available: 100);
        bucket.Reserve(60);

        // Requested 60, actual 12: Shopify reports 100 - 12 = 88 (the refund is in the figure).
        bucket.Complete(60, receivedAt: 10.2, new ThrottleStatus(100, 88, 50), actualCost: 12);

        Assert.Equal(0, bucket.InFlight);
        Assert.Equal(88, bucket.AvailableAt(10.2), 6);
        Assert.Equal(98, bucket.AvailableAt(10.4), 6);
        Assert.Equal(100, bucket.AvailableAt(20), 6);
    }

    [Fact]
    public void An_answer_that_predates_charges_the_model_holds_cannot_raise_it()
    {
        var bucket = Observed(available: 100, at: 10);
        bucket.Reserve(10);
        bucket.Reserve(10);

        // Shopify ran B then A, but A's answer (measured before B's charge) arrives last.
        bucket.Complete(10, receivedAt: 10, new ThrottleStatus(100, 80, 50), actualCost: 10);
        bucket.Complete(10, receivedAt: 10, new ThrottleStatus(100, 90, 50), actualCost: 10);

        Assert.Equal(70, bucket.AvailableAt(10), 6);
    }

    [Fact]
    public void A_lower_status_than_modelled_lowers_the_model()
    {
        var bucket = Observed(available: 100);
        bucket.Reserve(10);

        // Someone else (another process with the same app) used points too.
        bucket.Complete(10, receivedAt: 10, new ThrottleStatus(100, 40, 50), actualCost: 10);

        Assert.Equal(40, bucket.AvailableAt(10), 6);
    }

    [Fact]
    public void A_throttled_answer_charges_nothing()
    {
        var bucket = Observed(available: 100);
        bucket.Reserve(30);

        bucket.Complete(30, receivedAt: 10, new ThrottleStatus(100, 100, 50), actualCost: null);

        Assert.Equal(100, bucket.AvailableAt(10), 6);
    }

    [Fact]
    public void Without_a_status_the_actual_cost_is_charged()
    {
        var bucket = Observed(available: 100);
        bucket.Reserve(50);

        bucket.Complete(50, receivedAt: 10, status: null, actualCost: 10);

        Assert.Equal(90, bucket.AvailableAt(10), 6);
    }

    [Fact]
    public void A_request_with_no_answer_keeps_its_whole_reservation_charged()
    {
        var bucket = Observed(available: 100);
        bucket.Reserve(50);

        bucket.Complete(50, receivedAt: 10, status: null, actualCost: null);

        Assert.Equal(50, bucket.AvailableAt(10), 6);
    }

    [Fact]
    public void A_cost_above_the_bucket_size_waits_for_a_full_bucket_rather_than_for_ever()
    {
        var bucket = Observed(available: 50, maximum: 100, rate: 50);

        Assert.Equal(1.0, bucket.WaitFor(700, now: 10)!.Value.TotalSeconds, 6);
        Assert.Equal(TimeSpan.Zero, bucket.WaitFor(700, now: 11));
    }

    [Fact]
    public async Task Waiting_for_points_is_cancellable()
    {
        var budget = new ShopBudget(TimeProvider.System);
        var first = await budget.ReserveAsync(10, CancellationToken.None);
        budget.Complete(first, new QueryCost(10, 10, new ThrottleStatus(1000, 0, 0.001)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.ReserveAsync(500, cancel.Token));
    }

    [Fact]
    public async Task A_waiting_request_proceeds_when_an_answer_frees_the_points()
    {
        var budget = new ShopBudget(TimeProvider.System);
        var first = await budget.ReserveAsync(10, CancellationToken.None);
        budget.Complete(first, new QueryCost(10, 10, new ThrottleStatus(100, 100, 0.001)));
        var held = await budget.ReserveAsync(80, CancellationToken.None);

        var waiting = budget.ReserveAsync(80, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        budget.Complete(held, new QueryCost(80, 2, new ThrottleStatus(100, 98, 0.001)));

        var reservation = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(80, reservation.Cost);
    }
}
