using System.Text.Json;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Control;

/// <summary>
/// Test and benchmark controls under /emulator/ (nothing in ShopifyPS depends on them):
/// reset, config, faults, requests, staged-uploads, state, seed and inventory. Formats are in README.md.
/// </summary>
internal static class ControlEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static void Map(WebApplication app, EmulatorRuntime rt)
    {
        app.MapPost("/emulator/reset", async (HttpContext http) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            lock (rt.Store.Sync)
            {
                rt.Store.Reset();
                rt.Files.Clear();
                rt.Faults.Clear();
                rt.Log.Clear();
                rt.Bucket.SetAvailable(rt.Bucket.Maximum);
                if (body?["seed"] is JsonObject seed) Seeder.Load(rt.Store, seed.ToJsonString());
            }
            return Results.Json(new { ok = true }, Json);
        });

        app.MapGet("/emulator/config", () => Results.Json(Config(rt), Json));
        app.MapPost("/emulator/config", async (HttpContext http) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false) as JsonObject ?? new JsonObject();
            rt.Bucket.Configure((int?)Num(body, "bucketSize"), Num(body, "restoreRate"), Num(body, "clockSpeed"));
            if (Num(body, "currentlyAvailable") is { } available) rt.Bucket.SetAvailable(available);
            if (Num(body, "latencyMs") is { } latency) rt.LatencyMs = (int)latency;
            if (Num(body, "mediaProcessingMs") is { } media) rt.MediaProcessingMs = (int)media;
            if (body["accessScopes"] is JsonArray scopes)
                lock (rt.Store.Sync)
                {
                    rt.Store.GrantedScopes.Clear();
                    rt.Store.GrantedScopes.UnionWith(scopes.Select(s => (string?)s).OfType<string>());
                }
            return Results.Json(Config(rt), Json);
        });

        app.MapGet("/emulator/faults", () => Results.Json(rt.Faults.Snapshot(), Json));
        app.MapPost("/emulator/faults", async (HttpContext http) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            var rules = body switch
            {
                JsonArray a => a.Deserialize<List<FaultRule>>(Json),
                JsonObject o when o["faults"] is JsonArray a => a.Deserialize<List<FaultRule>>(Json),
                JsonObject o => new List<FaultRule> { o.Deserialize<FaultRule>(Json)! },
                _ => null,
            };
            if (rules == null || rules.Count == 0 || rules.Any(r => !Faults.Kinds.Contains(r.Kind)))
                return Results.Json(new { error = $"Expected fault rules with kind one of: {string.Join(", ", Faults.Kinds)}" }, Json, statusCode: 400);
            rt.Faults.Add(rules);
            return Results.Json(rt.Faults.Snapshot(), Json);
        });
        app.MapDelete("/emulator/faults", () =>
        {
            rt.Faults.Clear();
            return Results.Json(new { ok = true }, Json);
        });

        app.MapGet("/emulator/requests", () => Results.Json(rt.Log.Snapshot(), Json));
        app.MapDelete("/emulator/requests", () =>
        {
            rt.Log.Clear();
            return Results.Json(new { ok = true }, Json);
        });

        // What arrived at the staged upload targets: a benchmark's floor counts the files a bulk mutation's data needs.
        app.MapGet("/emulator/staged-uploads", () =>
        {
            lock (rt.Store.Sync)
                return Results.Json(rt.Store.Uploads.Values.Where(u => u.ContentFile != null)
                    .Select(u => new { key = u.Key, resource = u.Resource, size = u.ContentLength }).ToList(), Json);
        });

        app.MapGet("/emulator/state", () =>
        {
            // The dump's collections are lazy: they are serialized here, under the lock, not after the handler returns,
            // when a request still being answered could change them (a 500 "collection was modified").
            lock (rt.Store.Sync) return Results.Json(JsonSerializer.SerializeToNode(StateDump.Of(rt.Store), Json), Json);
        });

        app.MapPost("/emulator/seed", async (HttpContext http) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            if (body is not JsonObject) return Results.Json(new { error = "Expected a JSON object (see README, Seed format)." }, Json, statusCode: 400);
            lock (rt.Store.Sync)
            {
                try
                {
                    return Results.Json(Seeder.Load(rt.Store, body.ToJsonString()), Json);
                }
                catch (SeedException ex)
                {
                    return Results.Json(new { error = ex.Message }, Json, statusCode: 400);
                }
            }
        });

        app.MapPost("/emulator/inventory", async (HttpContext http) =>
        {
            var body = await ReadBody(http).ConfigureAwait(false);
            lock (rt.Store.Sync)
            {
                try
                {
                    return Results.Json(Seeder.SetLevels(rt.Store, body?["levels"] as JsonArray ?? new JsonArray()), Json);
                }
                catch (SeedException ex)
                {
                    return Results.Json(new { error = ex.Message }, Json, statusCode: 400);
                }
            }
        });
    }

    private static object Config(EmulatorRuntime rt) => new
    {
        bucketSize = rt.Bucket.Maximum,
        restoreRate = rt.Bucket.RestoreRate,
        currentlyAvailable = Math.Floor(rt.Bucket.Available),
        clockSpeed = rt.Bucket.ClockSpeed,
        latencyMs = rt.LatencyMs,
        mediaProcessingMs = rt.MediaProcessingMs,
        accessScopes = rt.Store.GrantedScopes.Order(StringComparer.Ordinal).ToList(),
    };

    private static double? Num(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static async Task<JsonNode?> ReadBody(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
