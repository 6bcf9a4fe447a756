using System.Globalization;
using System.Text;

namespace ShopifyPS.Bench;

/// <summary>The one markdown table every workload prints, and its place in BENCHMARKS.md.</summary>
internal static class ResultTable
{
    public static string Render(IEnumerable<WorkloadResult> results)
    {
        var text = new StringBuilder()
            .AppendLine("| workload | records | API calls | Σ cost | THROTTLED | retries | wall time | Shopify time (Σcost / restore) | floor | actual | ratio | CPU | peak memory |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Join(" | ", [
                $"| {r.Workload}", N(r.Records), r.Polls > 0 ? $"{N(r.Calls)} ({N(r.Polls)} polls)" : N(r.Calls), N(r.Cost), N(r.Throttled), N(r.Retries),
                Seconds(r.WallSeconds), Seconds(r.ShopifySeconds) + (r.ClockSpeed == 1 ? "" : $" (clock ×{r.ClockSpeed.ToString(CultureInfo.InvariantCulture)})"),
                r.Floor, r.Actual, Ratio(r.Ratio), Seconds(r.CpuSeconds), $"{N(r.PeakMemoryMB)} MB |",
            ]));
        }
        return text.ToString();
    }

    /// <summary>The machine and settings the figures come from.</summary>
    public static string Header(double scale, double clockSpeed) =>
        $"Run {DateTime.Now:yyyy-MM-dd HH:mm}: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
        $".NET {Environment.Version}; scale {scale.ToString(CultureInfo.InvariantCulture)}; emulator at the Standard plan's limits " +
        $"(bucket {BenchShop.StandardBucket}, {BenchShop.StandardRestoreRate} points/s), clock " +
        (clockSpeed == 1 ? "real time." : $"sped up ×{clockSpeed.ToString(CultureInfo.InvariantCulture)} (the bucket refills that much faster; Shopify time is at the real rate).");

    /// <summary>Replaces what stands between the set's markers in <paramref name="file"/> (<c>&lt;!-- bench:start --&gt;</c>
    /// for the standard set, <c>&lt;!-- bench-plus:start --&gt;</c> for Plus), keeping the prose around them.</summary>
    public static void WriteBetweenMarkers(string file, string set, string content)
    {
        var name = set == "standard" ? "bench" : $"bench-{set}";
        var (startMarker, endMarker) = ($"<!-- {name}:start -->", $"<!-- {name}:end -->");
        var text = File.ReadAllText(file);
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
            throw new InvalidOperationException($"{file} has no '{startMarker}' … '{endMarker}' pair; add the two markers where the table belongs.");
        File.WriteAllText(file, text[..(start + startMarker.Length)] + "\n" + content + text[end..]);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds == 0 ? "0 s" : seconds < 0.1 ? "< 0.1 s" : $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string Ratio(double? ratio) => ratio switch
    {
        null => "—",
        double.PositiveInfinity => "∞",
        var r => r.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
