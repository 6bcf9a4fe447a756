using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.Graph.Mutations;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Runtime;

/// <summary>
/// Runs bulk operations in the background and writes their JSONL results: for queries one line per
/// node, nested connection nodes as their own lines carrying "__parentId" (after their parent, not always right
/// after it: <see cref="InterleavedRoots"/>); for
/// mutations one line per input line with "__lineNumber". Results are written to a file as they are made and the
/// variables are read from their file a line at a time, so neither is ever held whole in memory.
/// </summary>
internal sealed class BulkRunner(EmulatorRuntime rt)
{
    private ShopStore Store => rt.Store;

    public void StartQuery(BulkOperation op) => _ = Task.Run(() => Guard(op, () => RunQueryAsync(op)));

    public void StartMutation(BulkOperation op, string variablesFile) => _ = Task.Run(() => Guard(op, () => RunMutationAsync(op, variablesFile)));

    private async Task Guard(BulkOperation op, Func<Task> run)
    {
        try
        {
            lock (Store.Sync) op.Status = op.CancelRequested ? "CANCELING" : "RUNNING";
            if (op.FailWith is { } code) throw new BulkFaultException(code);
            await run().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            lock (Store.Sync)
            {
                op.Status = "FAILED";
                op.ErrorCode = (ex as BulkFaultException)?.Code ?? "INTERNAL_SERVER_ERROR";
                op.CompletedAt = Store.Now();
            }
        }
    }

    /// <summary>Nodes of the root connection per window (one hold of the store lock each).</summary>
    public const int WindowSize = 500;

    private async Task RunQueryAsync(BulkOperation op)
    {
        var prepared = await Operation.PrepareAsync(AdminSchema.V2026_04, Store, rt.BaseUri, op.Query, null, null, bulkMode: true).ConfigureAwait(false);
        var ctx = prepared.Context!;
        var window = new BulkWindow(WindowSize);
        ctx.RootWindow = window;
        using var output = new JsonlWriter(rt.Files.NewFile(".jsonl"));
        long roots = 0;
        var group = new List<(string? Id, List<JsonObject> Children)>();
        do
        {
            JsonObject? data;
            lock (Store.Sync) data = Executor.Execute(ctx, prepared.Definition!, new QueryRoot());
            foreach (var (_, value) in data!)
            {
                if (value is not JsonObject obj) continue;
                // A root that is not a connection (e.g. shop) has no windows: one pass returns it whole.
                foreach (var node in IsConnection(obj) ? Nodes(obj) : [obj])
                {
                    roots++;
                    group.Add(WriteNode(output, node, null));
                    if (group.Count == InterleavedRoots) WriteChildren(output, group);
                }
            }
            WriteChildren(output, group);
        }
        while (window.HasMore && !op.CancelRequested);
        Finish(op, output, roots);
    }

    /// <summary>Shopify writes a child after its parent, "not necessarily directly after" it. The emulator writes the
    /// roots in groups of this many, then their children, those of the last root first, so a reader that expects
    /// children right after their parent (or in parent order) fails here rather than on a real shop.</summary>
    public const int InterleavedRoots = 10;

    private static void WriteChildren(JsonlWriter output, List<(string? Id, List<JsonObject> Children)> group)
    {
        for (var i = group.Count - 1; i >= 0; i--)
            foreach (var connection in group[i].Children)
                foreach (var node in Nodes(connection)) WriteNode(output, node, group[i].Id, nested: true);
        group.Clear();
    }

    /// <summary>Writes the node without its nested connections and returns them (or, <paramref name="nested"/>, writes
    /// their nodes right after it).</summary>
    private static (string? Id, List<JsonObject> Children) WriteNode(JsonlWriter output, JsonObject node, string? parentId, bool nested = false)
    {
        var children = new List<JsonObject>();
        ExtractConnections(node, children);
        if (parentId != null) node["__parentId"] = parentId;
        output.Write(node);
        var id = node["id"]?.GetValue<string>();
        if (!nested) return (id, children);
        foreach (var child in children)
            foreach (var n in Nodes(child)) WriteNode(output, n, id, nested: true);
        return (id, []);
    }

    /// <summary>Takes nested connections out of a node (also under plain object fields) so their nodes become lines.</summary>
    private static void ExtractConnections(JsonObject obj, List<JsonObject> into)
    {
        foreach (var (key, value) in obj.ToList())
        {
            if (value is not JsonObject child) continue;
            if (IsConnection(child))
            {
                obj.Remove(key);
                into.Add(child);
            }
            else ExtractConnections(child, into);
        }
    }

    private static bool IsConnection(JsonObject o) => IsList(o["edges"]) || IsList(o["nodes"]);

    private static bool IsList(JsonNode? field) => field is JsonArray || DeferredNodes.In(field) != null;

    /// <summary>The connection's nodes, completed one at a time when they were deferred (<see cref="DeferredNodes"/>).</summary>
    private static IEnumerable<JsonObject> Nodes(JsonObject connection) =>
        Items(connection["nodes"]).OfType<JsonObject>().Concat(Items(connection["edges"]).Select(e => e?["node"]).OfType<JsonObject>());

    private static IEnumerable<JsonNode?> Items(JsonNode? field) =>
        DeferredNodes.In(field)?.Complete() ?? (field as JsonArray)?.ToList() ?? Enumerable.Empty<JsonNode?>();

    private async Task RunMutationAsync(BulkOperation op, string variablesFile)
    {
        using var output = new JsonlWriter(rt.Files.NewFile(".jsonl"));
        using var input = new StreamReader(variablesFile, Encoding.UTF8);
        var i = -1;
        while (!op.CancelRequested && await input.ReadLineAsync().ConfigureAwait(false) is { } text)
        {
            var line = text.Trim();
            if (line.Length == 0) continue;
            i++;
            var result = new JsonObject();
            JsonElement vars;
            try
            {
                vars = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                result["errors"] = GraphErrorJson.Array(new[] { new GraphError($"Invalid JSON on line {i}", "INVALID_STAGED_UPLOAD_FILE") });
                result["__lineNumber"] = i;
                output.Write(result);
                continue;
            }
            var prepared = await Operation.PrepareAsync(AdminSchema.V2026_04, Store, rt.BaseUri, op.Query, vars, null, bulkMode: true).ConfigureAwait(false);
            if (!prepared.IsValid)
            {
                result["errors"] = GraphErrorJson.Array(prepared.Errors);
            }
            else
            {
                JsonObject? data;
                lock (Store.Sync) data = Executor.Execute(prepared.Context!, prepared.Definition!, new MutationRoot(rt));
                if (prepared.Context!.Errors.Count > 0) result["errors"] = GraphErrorJson.Array(prepared.Context.Errors);
                result["data"] = data;
            }
            result["__lineNumber"] = i;
            output.Write(result);
        }
        Finish(op, output, output.Lines);
    }

    private void Finish(BulkOperation op, JsonlWriter output, long roots)
    {
        // The file is complete and closed before its URL is handed out.
        output.Dispose();
        lock (Store.Sync)
        {
            op.ObjectCount = output.Lines;
            op.RootObjectCount = roots;
            op.CompletedAt = Store.Now();
            if (op.CancelRequested)
            {
                op.Status = "CANCELED";
                return;
            }
            op.Status = "COMPLETED";
            // Shopify gives no file (url null) when a query matched nothing.
            if (output.Lines == 0) return;
            Store.BulkResults[op.Id] = output.Path;
            op.FileSize = output.Length;
            op.Url = new Uri(rt.BaseUri, $"emulator/bulk/{op.Id}.jsonl").ToString();
        }
    }

    /// <summary>The result file, written line by line; a file with no line is deleted (there is nothing to serve).</summary>
    private sealed class JsonlWriter(string path) : IDisposable
    {
        private readonly FileStream _file = File.Create(path);
        private readonly Utf8JsonWriter _writer = new(Stream.Null);

        public string Path { get; } = path;
        public long Lines { get; private set; }
        public long Length { get; private set; }

        public void Write(JsonNode line)
        {
            _writer.Reset(_file);
            line.WriteTo(_writer);
            _writer.Flush();
            _file.WriteByte((byte)'\n');
            Lines++;
            Length = _file.Position;
        }

        public void Dispose()
        {
            _writer.Dispose();
            _file.Dispose();
            if (Lines == 0) FileArea.TryDelete(Path);
        }
    }
}

/// <summary>A bulkFailed fault: the operation fails before it reads or writes anything.</summary>
internal sealed class BulkFaultException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
