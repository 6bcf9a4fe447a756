using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Http;

/// <summary>Staged upload targets, media downloads and bulk operation result files, all served by the emulator itself.</summary>
public static class FileEndpoints
{
    public static void Map(WebApplication app, EmulatorRuntime rt)
    {
        app.MapGet("/emulator/bulk/{id:long}.jsonl", (long id) =>
        {
            lock (rt.Store.Sync)
            {
                return rt.Store.BulkResults.TryGetValue(id, out var bytes)
                    ? Results.Bytes(bytes, "application/jsonl")
                    : Results.NotFound();
            }
        });
    }
}
