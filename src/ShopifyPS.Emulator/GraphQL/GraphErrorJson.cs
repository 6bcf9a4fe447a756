using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Writes GraphQL errors in Shopify's shape: message, locations, path, extensions.code.</summary>
internal static class GraphErrorJson
{
    public static JsonArray Array(IEnumerable<GraphError> errors)
    {
        var arr = new JsonArray();
        foreach (var e in errors)
        {
            var o = new JsonObject { ["message"] = e.Message };
            if (e.Locations is { Count: > 0 } locs)
                o["locations"] = new JsonArray(locs.Select(l => (JsonNode)new JsonObject { ["line"] = l.Line, ["column"] = l.Column }).ToArray());
            if (e.Path is { Count: > 0 } path)
                o["path"] = new JsonArray(path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create(p.ToString())!).ToArray());
            if (e.Code != null || e.Extensions != null)
            {
                var ext = new JsonObject();
                if (e.Code != null) ext["code"] = e.Code;
                if (e.Extensions != null) foreach (var (k, v) in e.Extensions) ext[k] = Executor.Leaf(v);
                o["extensions"] = ext;
            }
            arr.Add(o);
        }
        return arr;
    }
}
