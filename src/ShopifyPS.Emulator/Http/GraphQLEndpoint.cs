using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.Graph.Mutations;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Http;

/// <summary>POST /admin/api/{version}/graphql.json: auth, faults, validation, cost, throttle, execution, log.</summary>
internal static class GraphQLEndpoint
{
    public const string InvalidToken = "[API] Invalid API key or access token (unrecognized login or wrong password)";
    public const string ThrottleDocs = "https://shopify.dev/api/usage/rate-limits";
    public const int MaxSingleQueryCost = 1000;

    public static async Task HandleAsync(HttpContext http, EmulatorRuntime rt, string version)
    {
        var watch = Stopwatch.StartNew();
        var entry = new RequestLogEntry { Time = DateTimeOffset.UtcNow, ApiVersion = version };
        int status;
        JsonNode? body;
        try
        {
            (status, body) = await HandleCoreAsync(http, rt, version, entry).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (e.g. its timeout during an injected latency): log it as nginx's 499.
            (status, body) = (499, null);
        }
        entry.Status = status;
        entry.DurationMs = watch.Elapsed.TotalMilliseconds;
        // Logged before responding, so a client that reads the log after its call sees the entry.
        rt.Log.Add(entry);
        if (body == null) http.Abort();
        else await WriteJson(http, status, body).ConfigureAwait(false);
    }

    /// <summary>Returns the status and body to send; a null body means the connection is dropped.</summary>
    private static async Task<(int Status, JsonNode? Body)> HandleCoreAsync(HttpContext http, EmulatorRuntime rt, string version, RequestLogEntry entry)
    {
        var schema = AdminSchema.ForVersion(version);
        if (schema == null)
        {
            return (404, new JsonObject { ["errors"] = "Not Found" });
        }
        if (!http.Request.Headers.TryGetValue("X-Shopify-Access-Token", out var token) || token.ToString() != rt.Options.Token)
        {
            return (401, new JsonObject { ["errors"] = InvalidToken });
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (400, new JsonObject { ["errors"] = "Bad Request: the body is not JSON" });
        }
        using var _ = body;
        var root = body.RootElement;
        string? query = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
        string? opName = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("operationName", out var on) && on.ValueKind == JsonValueKind.String ? on.GetString() : null;
        JsonElement? variables = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object ? vars : null;
        entry.Document = query;
        entry.OperationName = opName;
        entry.VariablesJson = variables?.GetRawText();

        // Faults come first: they model the network and Shopify's front end, not the API.
        var faults = rt.Faults.Draw(opName, query);
        var delay = rt.LatencyMs + faults.Where(f => f.Kind == "latency").Sum(f => f.LatencyMs);
        entry.InjectedLatencyMs = delay;
        if (delay > 0) await Task.Delay(delay, http.RequestAborted).ConfigureAwait(false);
        var fault = faults.FirstOrDefault(f => f.Kind != "latency" && f.Kind != "dropAfter");
        var dropAfter = faults.Any(f => f.Kind == "dropAfter");
        if (fault != null)
        {
            entry.Fault = fault.Kind;
            return ApplyFault(http, rt, fault, entry);
        }

        var op = await Operation.PrepareAsync(schema, rt.Store, rt.BaseUri, query, variables, opName).ConfigureAwait(false);
        entry.OperationName ??= op.OperationName;
        entry.Document = op.Source ?? query;
        JsonObject response;
        if (!op.IsValid)
        {
            // Nothing ran: Shopify charges nothing for a request it rejects.
            entry.RequestedCost = op.RequestedCost;
            response = ErrorResponse(op.Errors, CostExtension(rt, op.RequestedCost, 0, rt.Bucket.Available));
        }
        else if (op.RequestedCost > MaxSingleQueryCost)
        {
            entry.RequestedCost = op.RequestedCost;
            var err = new GraphError(
                $"Query cost is {op.RequestedCost}, which exceeds the single query max cost limit ({MaxSingleQueryCost}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
                "MAX_COST_EXCEEDED");
            response = ErrorResponse(new() { err }, CostExtension(rt, op.RequestedCost, null, rt.Bucket.Available));
        }
        else if (!rt.Bucket.TryTake(op.RequestedCost, out var left))
        {
            entry.RequestedCost = op.RequestedCost;
            entry.Throttled = true;
            response = ThrottledResponse(rt, op.RequestedCost, left);
        }
        else
        {
            entry.RequestedCost = op.RequestedCost;
            var data = Execute(rt, op);
            var actual = (int)Math.Ceiling(op.Context!.ActualCost - 1e-9);
            var after = rt.Bucket.Refund(op.RequestedCost - actual);
            entry.ActualCost = actual;
            response = new JsonObject();
            if (op.Context.Errors.Count > 0) response["errors"] = GraphErrorJson.Array(op.Context.Errors);
            response["data"] = data;
            response["extensions"] = CostExtension(rt, op.RequestedCost, actual, after);
        }

        if (dropAfter)
        {
            // The server applied the request; the client never hears about it.
            entry.Fault = "dropAfter";
            return (0, null);
        }
        return (200, response);
    }

    private static JsonObject? Execute(EmulatorRuntime rt, Operation op)
    {
        lock (rt.Store.Sync)
        {
            return Executor.Execute(op.Context!, op.Definition!, op.IsMutation ? new MutationRoot(rt) : new QueryRoot());
        }
    }

    private static (int, JsonNode?) ApplyFault(HttpContext http, EmulatorRuntime rt, FaultRule fault, RequestLogEntry entry)
    {
        switch (fault.Kind)
        {
            case "throttled":
                entry.Throttled = true;
                return (200, ThrottledResponse(rt, 0, rt.Bucket.Available));
            case "http429":
                http.Response.Headers.RetryAfter = fault.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (429, new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." });
            case "http5xx":
                return (fault.Status, new JsonObject { ["errors"] = "Internal Server Error" });
            case "internalError":
                var requestId = Guid.NewGuid().ToString();
                http.Response.Headers["X-Request-Id"] = requestId;
                return (200, new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["message"] = $"Internal error. Looks like something went wrong on our end.\nRequest ID: {requestId} (include this in support requests).",
                        ["extensions"] = new JsonObject { ["code"] = "INTERNAL_SERVER_ERROR", ["requestId"] = requestId },
                    }),
                });
            default:
                return (0, null);
        }
    }

    public static JsonObject ThrottledResponse(EmulatorRuntime rt, int requested, double available)
    {
        var error = new JsonObject
        {
            ["message"] = "Throttled",
            ["extensions"] = new JsonObject { ["code"] = "THROTTLED", ["documentation"] = ThrottleDocs },
        };
        return new JsonObject
        {
            ["errors"] = new JsonArray(error),
            ["extensions"] = CostExtension(rt, requested, null, available),
        };
    }

    private static JsonObject ErrorResponse(List<GraphError> errors, JsonObject extensions) => new()
    {
        ["errors"] = GraphErrorJson.Array(errors),
        ["extensions"] = extensions,
    };

    public static JsonObject CostExtension(EmulatorRuntime rt, int requested, int? actual, double available) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = (double)rt.Bucket.Maximum,
                ["currentlyAvailable"] = (int)Math.Floor(available),
                ["restoreRate"] = rt.Bucket.RestoreRate * rt.Bucket.ClockSpeed,
            },
        },
    };

    public static async Task WriteJson(HttpContext http, int status, JsonNode body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
