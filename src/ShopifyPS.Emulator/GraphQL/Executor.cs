using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// Executes a validated operation against <see cref="IGraphObject"/> sources. It follows the GraphQL
/// spec's CollectFields/CompleteValue and counts Shopify's actual cost from what it returns.
/// </summary>
internal static class Executor
{
    public static JsonObject? Execute(ExecContext ctx, GraphQLOperationDefinition op, IGraphObject root)
    {
        var isMutation = op.Operation == OperationType.Mutation;
        var rootType = isMutation ? ctx.Schema.Schema.Mutation!.Name : ctx.Schema.Schema.Query.Name;
        var result = new JsonObject();
        var fields = CollectFields(ctx, new[] { op.SelectionSet }, rootType);
        foreach (var (key, nodes) in fields)
        {
            var node = nodes[0];
            if (isMutation)
            {
                ctx.ActualCost += CostCalculator.MutationCost + CostCalculator.InputComplexity(node.Name.StringValue, ctx.ArgsFor(node));
                ApplyIdempotency(ctx, node);
            }
            ctx.ResolvingRootField = true;
            result[key] = ExecuteField(ctx, root, rootType, key, nodes, new List<object> { key }, objectsFree: isMutation);
        }
        return result;
    }

    private static void ApplyIdempotency(ExecContext ctx, GraphQLField node)
    {
        var dirs = ctx.DirectivesFor(node);
        ctx.HasIdempotentDirective = dirs != null && dirs.ContainsKey("idempotent");
        ctx.IdempotencyKey = ctx.HasIdempotentDirective ? Input.Str(dirs!["idempotent"].Arguments["key"].Value) : null;
    }

    /// <summary>Executes the merged selection sets of one field on an object of <paramref name="runtimeType"/>.</summary>
    private static JsonObject ExecuteSelection(ExecContext ctx, IEnumerable<GraphQLSelectionSet> sets, IGraphObject source, string runtimeType, List<object> path, bool objectsFree)
    {
        var obj = new JsonObject();
        foreach (var (key, nodes) in CollectFields(ctx, sets, runtimeType))
        {
            var fieldPath = new List<object>(path) { key };
            obj[key] = ExecuteField(ctx, source, runtimeType, key, nodes, fieldPath, objectsFree);
        }
        return obj;
    }

    private static JsonNode? ExecuteField(ExecContext ctx, IGraphObject source, string runtimeType, string key, List<GraphQLField> nodes, List<object> path, bool objectsFree)
    {
        var node = nodes[0];
        var name = node.Name.StringValue;
        if (name == "__typename") return JsonValue.Create(runtimeType);
        var parent = (IComplexGraphType)ctx.Schema.Type(runtimeType)!;
        var def = parent.GetField(name);
        if (def == null) return null;
        object? value;
        try
        {
            value = source.Resolve(name, ctx.ArgsFor(node), ctx);
        }
        catch (GraphFieldException ex)
        {
            ctx.Errors.Add(new GraphError(ex.Message, ex.Code, path, new[] { SourceText.LineColumn(ctx.Source, node.Location) }));
            return null;
        }
        catch (Exception ex) when (ex is InvalidCastException or NullReferenceException or KeyNotFoundException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // An emulator bug or an input shape it does not handle: fail the field, not the server.
            ctx.Errors.Add(new GraphError($"Internal error: {ex.Message}", "INTERNAL_SERVER_ERROR", path, new[] { SourceText.LineColumn(ctx.Source, node.Location) }));
            return null;
        }
        finally
        {
            ctx.ResolvingRootField = false;
        }
        value ??= EmptyValue(def.ResolvedType!);
        var subSets = nodes.Where(n => n.SelectionSet != null).Select(n => n.SelectionSet!).ToList();
        // Only a connection's edges/nodes cost per item; any other list of objects costs as one object,
        // as in the requested cost (which cannot know list lengths).
        var perItem = CostCalculator.Classify(runtimeType) == TypeKind.Connection;
        return Complete(ctx, def.ResolvedType!, subSets, value, path, objectsFree, perItem);
    }

    public static JsonNode? Complete(ExecContext ctx, IGraphType type, List<GraphQLSelectionSet> sets, object? value, List<object> path, bool objectsFree, bool perItem)
    {
        if (value == null) return null;
        switch (type)
        {
            case NonNullGraphType nn:
                return Complete(ctx, nn.ResolvedType!, sets, value, path, objectsFree, perItem);
            // A bulk query's connection: its nodes are completed as the result file is written (DeferredNodes).
            case ListGraphType list when perItem && ctx.RootWindow != null && value is System.Collections.IEnumerable items and not string:
                return JsonValue.Create(new DeferredNodes(ctx, list.ResolvedType!, sets, items, path, objectsFree));
            case ListGraphType list:
                var arr = new JsonArray();
                var i = 0;
                foreach (var item in Input.List(value))
                {
                    var itemPath = new List<object>(path) { i };
                    arr.Add(Complete(ctx, list.ResolvedType!, sets, item, itemPath, objectsFree || (!perItem && i > 0), perItem));
                    i++;
                }
                return arr;
            case ScalarGraphType or EnumerationGraphType:
                return Leaf(value);
            default:
                if (value is not IGraphObject obj) return null;
                var runtime = obj.GraphType ?? type.Name;
                var kind = CostCalculator.Classify(runtime);
                if (kind == TypeKind.Connection)
                {
                    ctx.ActualCost += 2;
                    objectsFree = false;
                }
                else if (kind == TypeKind.Object && !objectsFree)
                {
                    ctx.ActualCost += 1;
                }
                return ExecuteSelection(ctx, sets, obj, runtime, path, objectsFree);
        }
    }

    /// <summary>
    /// What an unmodelled field returns instead of null where the schema promises a value: an empty
    /// connection (metafields, collections, ...) or an empty list.
    /// </summary>
    private static object? EmptyValue(IGraphType type)
    {
        if (type is not NonNullGraphType nn) return type.GetNamedType() is { } named && CostCalculator.Classify(named.Name) == TypeKind.Connection ? EmptyConnection() : null;
        return nn.ResolvedType switch
        {
            ListGraphType => Array.Empty<object>(),
            var inner when CostCalculator.Classify(inner!.Name) == TypeKind.Connection => EmptyConnection(),
            _ => null,
        };
    }

    private static Graph.ConnectionResult EmptyConnection() => new(new List<object>(), new List<Graph.SortKey>(), false, false);

    public static JsonNode? Leaf(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTimeOffset dt => JsonValue.Create(Clock.Format(dt)),
        JsonNode n => n.DeepClone(),
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>The spec's CollectFields: groups fields by response key, honouring fragments, @skip and @include.</summary>
    public static List<(string Key, List<GraphQLField> Nodes)> CollectFields(ExecContext ctx, IEnumerable<GraphQLSelectionSet> sets, string runtimeType)
    {
        var order = new List<(string, List<GraphQLField>)>();
        var byKey = new Dictionary<string, List<GraphQLField>>();
        var visited = new HashSet<string>();
        foreach (var set in sets) Collect(ctx, set, runtimeType, order, byKey, visited);
        return order;
    }

    private static void Collect(ExecContext ctx, GraphQLSelectionSet set, string runtimeType,
        List<(string, List<GraphQLField>)> order, Dictionary<string, List<GraphQLField>> byKey, HashSet<string> visited)
    {
        foreach (var sel in set.Selections)
        {
            if (!Included(ctx, sel)) continue;
            switch (sel)
            {
                case GraphQLField f:
                    var key = f.Alias?.Name.StringValue ?? f.Name.StringValue;
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        list = new List<GraphQLField>();
                        byKey[key] = list;
                        order.Add((key, list));
                    }
                    list.Add(f);
                    break;
                case GraphQLInlineFragment inl:
                    if (inl.TypeCondition == null || ctx.Schema.Satisfies(runtimeType, inl.TypeCondition.Type.Name.StringValue))
                        Collect(ctx, inl.SelectionSet, runtimeType, order, byKey, visited);
                    break;
                case GraphQLFragmentSpread spread:
                    var fname = spread.FragmentName.Name.StringValue;
                    if (!visited.Add(fname) || !ctx.Fragments.TryGetValue(fname, out var frag)) break;
                    if (ctx.Schema.Satisfies(runtimeType, frag.TypeCondition.Type.Name.StringValue))
                        Collect(ctx, frag.SelectionSet, runtimeType, order, byKey, visited);
                    break;
            }
        }
    }

    /// <summary>Evaluates @skip(if:) and @include(if:) with literal or variable arguments.</summary>
    public static bool Included(ExecContext ctx, ASTNode sel)
    {
        var directives = sel switch
        {
            GraphQLField f => f.Directives,
            GraphQLInlineFragment i => i.Directives,
            GraphQLFragmentSpread s => s.Directives,
            _ => null,
        };
        if (directives == null) return true;
        foreach (var d in directives)
        {
            var n = d.Name.StringValue;
            if (n != "skip" && n != "include") continue;
            var arg = d.Arguments?.FirstOrDefault(a => a.Name.StringValue == "if");
            var on = arg?.Value switch
            {
                GraphQLBooleanValue b => b.BoolValue,
                GraphQLVariable v => ctx.Validation.Variables != null && ctx.Validation.Variables.ValueFor(v.Name.StringValue, out var av) && av.Value is true,
                _ => false,
            };
            if (n == "skip" && on) return false;
            if (n == "include" && !on) return false;
        }
        return true;
    }
}
