using System.Globalization;

namespace ShopifyPS.Bench;

/// <summary>
/// Every workload of a set, each in a process of its own (so one workload's memory does not count towards the next),
/// at full size times <c>scale</c>; prints one table and can write it into a file, between the set's markers. The
/// standard set is the performance model in BENCHMARKS.md; the Plus set is a Shopify Plus catalog: 100,000 items × 10
/// variants at 3 locations (1,000,000 variants, 3,000,000 levels).
/// </summary>
internal static class RunAll
{
    public static int Run(string set, double scale, double clockSpeed, string? write)
    {
        int Scaled(int full) => Math.Max(1, (int)Math.Round(full * scale));
        var clock = clockSpeed.ToString(CultureInfo.InvariantCulture);
        string[][] workloads = set.ToLowerInvariant() switch
        {
            "standard" =>
            [
                ["erp-load", "--items", $"{Scaled(100_000)}", "--variants-per-item", "3", "--locations", "4", "--stock-rows", $"{Scaled(1_000_000)}"],
                ["export-products", "--items", $"{Scaled(10_000)}", "--variants-per-item", "3", "--clock-speed", clock],
                ["import-shop", "--products", $"{Scaled(10_000)}", "--clock-speed", clock],
                ["inventory", "--variants", $"{Scaled(30_000)}", "--changed", "0.05", "--clock-speed", clock],
                // Below three bucketfuls pacing is not tested at all, so this one does not shrink below 3 × 100 mutations.
                ["pacing", "--requests-per-client", $"{Math.Max(100, Scaled(300))}", "--clock-speed", clock],
            ],
            "plus" =>
            [
                ["export-products", "--items", $"{Scaled(100_000)}", "--variants-per-item", "10", "--clock-speed", clock],
                ["inventory", "--variants", $"{Scaled(100_000) * 10}", "--variants-per-product", "10", "--changed", "0.05", "--clock-speed", clock],
                ["import-shop", "--products", $"{Scaled(100_000)}", "--variants-per-product", "10", "--clock-speed", clock],
            ],
            _ => throw new ArgumentException($"--set {set}: expected standard or plus."),
        };
        var results = new List<WorkloadResult>();
        foreach (var workload in workloads) results.AddRange(RunChild(workload));

        var report = ResultTable.Header(scale, clockSpeed) + "\n\n" + ResultTable.Render(results);
        Console.WriteLine();
        Console.WriteLine(report);
        if (write is not null)
        {
            ResultTable.WriteBetweenMarkers(write, set.ToLowerInvariant(), report);
            Console.WriteLine($"Written into {Path.GetFullPath(write)}.");
        }
        return 0;
    }

    private static IReadOnlyList<WorkloadResult> RunChild(string[] arguments)
    {
        Console.WriteLine($"== {string.Join(' ', arguments)}");
        return BenchProcess.Run<List<WorkloadResult>>(arguments);
    }
}
