using ShopifyPS.Erp.Import;
using ShopifyPS.Storage;

namespace ShopifyPS.Bench;

/// <summary>
/// the performance model in BENCHMARKS.md: Import-ShopifyErpData's engine on the synthetic data set (100k items, 300k variants, 1M
/// stock rows at full size), first into an empty database, then the same files again with every row unchanged.
/// No API calls: judged by its aims, under 60 s and 1 GB.
/// </summary>
internal static class ErpLoadWorkload
{
    private const string Aims = "no API calls; aim < 60 s, < 1 GB";

    /// <param name="data">A generated data set, or null to generate one of <paramref name="size"/> in a temporary folder.</param>
    public static IReadOnlyList<WorkloadResult> Run(ErpDataSize size, string? data)
    {
        var folder = Directory.CreateTempSubdirectory("shopifyps-bench-erp-");
        try
        {
            if (data is null)
            {
                data = Path.Combine(folder.FullName, "data");
                ErpDataGenerator.Write(data, size);
            }
            using var store = SqliteStore.Open(Path.Combine(folder.FullName, "erp.db"), StoreAccess.Write, StoreOptions.Default);
            return [Load("ERP load, empty database", store, data), Load("ERP load again, every row unchanged", store, data)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static WorkloadResult Load(string workload, SqliteStore store, string data)
    {
        var usage = Usage.Start();
        var result = new ErpDataImporter(store.Erp).Import(data, false, new Progress<RunEvent>(), CancellationToken.None);
        var used = usage.Stop();
        if (result.Errors.Count > 0) throw new InvalidOperationException($"{workload}: {string.Join("; ", result.Errors)}");
        return WorkloadResult.Offline(workload, result.Files.Sum(f => f.Rows), used, Aims);
    }
}
