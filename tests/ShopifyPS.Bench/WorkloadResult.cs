using System.Globalization;

namespace ShopifyPS.Bench;

/// <summary>
/// A workload's floor (the performance model in BENCHMARKS.md) and what the run did in the same unit: writes against ceil(changed / 250),
/// calls against one bulk operation, seconds against (Σcost − bucket) / restore rate.
/// </summary>
internal sealed record FloorCheck(string Floor, double FloorValue, double Actual, string Unit)
{
    /// <summary>Actual / floor; at the floor it is 1 (also when both are zero).</summary>
    public double? Ratio => FloorValue > 0 ? Actual / FloorValue : Actual == 0 ? 1 : double.PositiveInfinity;

    /// <summary>No API floor (the ERP load): judged by its aims instead.</summary>
    public static FloorCheck None(string aims) => new(aims, 0, 0, "");
}

/// <summary>One row of the benchmark table: what one workload cost in calls, points, time, CPU and memory.</summary>
internal sealed record WorkloadResult(
    string Workload, long Records, long Calls, long Polls, long Cost, long Throttled, long Retries,
    double WallSeconds, double ShopifySeconds, double ClockSpeed,
    string Floor, string Actual, double? Ratio, double CpuSeconds, long PeakMemoryMB, string CallsByOperation)
{
    public static WorkloadResult From(string workload, long records, RequestLog log, long retries, Used used, EmulatorLimits limits, FloorCheck floor) =>
        new(workload, records, log.Calls, log.Polls, log.Cost, log.Throttled, retries, used.Wall.TotalSeconds,
            log.Cost / limits.RestoreRate, limits.ClockSpeed, floor.Floor, ActualText(floor), floor.Ratio,
            used.Cpu.TotalSeconds, used.PeakBytes / 1048576, log.Breakdown());

    /// <summary>A workload that sends nothing to Shopify (the ERP load).</summary>
    public static WorkloadResult Offline(string workload, long records, Used used, string aims) =>
        new(workload, records, 0, 0, 0, 0, 0, used.Wall.TotalSeconds, 0, 1, aims, "", null, used.Cpu.TotalSeconds, used.PeakBytes / 1048576, "");

    private static string ActualText(FloorCheck floor) =>
        floor.Unit == "s" ? $"{floor.Actual:0.0} s" : $"{floor.Actual.ToString("N0", CultureInfo.InvariantCulture)} {floor.Unit}";
}
