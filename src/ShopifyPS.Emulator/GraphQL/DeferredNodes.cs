using System.Collections;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// In a bulk query, the nodes (or edges) of a connection, completed one at a time while the result file is written
/// rather than all at once: a location's 1,000,000 inventory levels would otherwise be one tree of JSON in memory.
/// The list of items is taken when the field resolves; each item is completed under the store's lock.
/// </summary>
internal sealed class DeferredNodes(ExecContext ctx, IGraphType itemType, List<GraphQLSelectionSet> sets, IEnumerable items, List<object> path, bool objectsFree)
{
    public IEnumerable<JsonNode?> Complete()
    {
        var i = 0;
        foreach (var item in items)
        {
            JsonNode? node;
            lock (ctx.Store.Sync) node = Executor.Complete(ctx, itemType, sets, item, [.. path, i++], objectsFree, perItem: true);
            yield return node;
        }
    }

    /// <summary>The deferred nodes a completed connection field holds, if it is one.</summary>
    public static DeferredNodes? In(JsonNode? field) => field is JsonValue value && value.TryGetValue<DeferredNodes>(out var deferred) ? deferred : null;
}
