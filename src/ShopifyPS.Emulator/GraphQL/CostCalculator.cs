using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

internal enum TypeKind { Object, Connection, Free }

/// <summary>
/// Shopify's calculated query cost. Scalars and enums cost 0, objects 1, a connection 2 plus
/// first/last times the cost of one node (one for the node plus its selection), a mutation field 10
/// plus the schema's input complexity hints. Objects reached from a mutation payload without passing
/// through a connection are free: Shopify reports 10 for a plain mutation (BC fixtures), not 10 + n.
/// Interfaces and unions cost the maximum of their possible selections.
/// </summary>
internal static class CostCalculator
{
    public const int MutationCost = 10;
    public const int MaxPageSize = 250;

    public static TypeKind Classify(string typeName) =>
        typeName.EndsWith("Connection", StringComparison.Ordinal) ? TypeKind.Connection
        : typeName.EndsWith("Edge", StringComparison.Ordinal) || typeName == "PageInfo" ? TypeKind.Free
        : TypeKind.Object;

    /// <summary>
    /// The dynamic complexity Shopify adds to a product mutation's base cost of 10 (changelogs "Dynamic complexity
    /// cost for productSet mutation", "... for productVariantsBulkCreate and productVariantsBulkUpdate mutations",
    /// "... for productCreate and productUpdate mutations", 2025-10): 0.2 per variant, 0.6 per variant file or
    /// media, 1.9 per product file or media.
    /// </summary>
    public static double InputComplexity(string mutationField, Args args)
    {
        switch (mutationField)
        {
            case "productSet":
                var input = args.Obj("input");
                if (input == null) return 0;
                var variants = Input.List(Input.Get(input, "variants"));
                var files = Input.List(Input.Get(input, "files"));
                var variantFiles = variants.Count(v => v is IDictionary<string, object?> d && Input.Get(d, "file") != null);
                return variants.Count * 0.2 + files.Count * 1.9 + variantFiles * 0.6;
            case "productVariantsBulkCreate" or "productVariantsBulkUpdate":
                var bulk = args.List("variants");
                var variantMedia = bulk.Count(v => v is IDictionary<string, object?> d
                    && (Input.Get(d, "mediaId") != null || Input.List(Input.Get(d, "mediaSrc")).Count > 0));
                return bulk.Count * 0.2 + variantMedia * 0.6 + args.List("media").Count * 1.9;
            case "productCreate" or "productUpdate":
                return args.List("media").Count * 1.9;
            default:
                return 0;
        }
    }

    /// <summary>The requested cost, computed before execution. Connection argument problems are added to <paramref name="errors"/>.</summary>
    public static int Requested(ExecContext ctx, GraphQLOperationDefinition op, List<GraphError> errors)
    {
        var walker = new Walker(ctx, errors);
        double total;
        if (op.Operation == OperationType.Mutation)
        {
            total = 0;
            var mutationType = ctx.Schema.Schema.Mutation!.Name;
            foreach (var (key, nodes) in Executor.CollectFields(ctx, new[] { op.SelectionSet }, mutationType))
            {
                var node = nodes[0];
                total += MutationCost + InputComplexity(node.Name.StringValue, ctx.ArgsFor(node));
                var def = ((IComplexGraphType)ctx.Schema.Type(mutationType)!).GetField(node.Name.StringValue);
                if (def == null) continue;
                total += walker.SelectionCost(Sub(nodes), def.ResolvedType!.GetNamedType().Name, objectsFree: true, new List<object> { key });
            }
        }
        else
        {
            total = walker.SelectionCost(new[] { op.SelectionSet }, ctx.Schema.Schema.Query.Name, objectsFree: false, new List<object>());
        }
        return (int)Math.Ceiling(total - 1e-9);
    }

    private static List<GraphQLSelectionSet> Sub(List<GraphQLField> nodes) =>
        nodes.Where(n => n.SelectionSet != null).Select(n => n.SelectionSet!).ToList();

    private sealed class Walker(ExecContext ctx, List<GraphError> errors)
    {
        public double SelectionCost(IReadOnlyList<GraphQLSelectionSet> sets, string typeName, bool objectsFree, List<object> path)
        {
            if (!ctx.Schema.IsAbstract(typeName)) return FieldsCost(sets, typeName, objectsFree, path);
            // Abstract type: the most expensive of the concrete selections a fragment could produce.
            var best = FieldsCost(sets, typeName, objectsFree, path);
            foreach (var concrete in NarrowedTypes(sets, typeName))
                best = Math.Max(best, FieldsCost(sets, concrete, objectsFree, path));
            return best;
        }

        private IEnumerable<string> NarrowedTypes(IReadOnlyList<GraphQLSelectionSet> sets, string abstractType)
        {
            var possible = ctx.Schema.PossibleTypes(abstractType).ToHashSet();
            var found = new HashSet<string>();
            foreach (var set in sets)
            foreach (var sel in set.Selections)
            {
                var cond = sel switch
                {
                    GraphQLInlineFragment i => i.TypeCondition?.Type.Name.StringValue,
                    GraphQLFragmentSpread s when ctx.Fragments.TryGetValue(s.FragmentName.Name.StringValue, out var f) => f.TypeCondition.Type.Name.StringValue,
                    _ => null,
                };
                if (cond == null) continue;
                if (possible.Contains(cond)) found.Add(cond);
                else foreach (var t in ctx.Schema.PossibleTypes(cond)) if (possible.Contains(t)) found.Add(t);
            }
            return found;
        }

        private double FieldsCost(IReadOnlyList<GraphQLSelectionSet> sets, string typeName, bool objectsFree, List<object> path)
        {
            if (ctx.Schema.Type(typeName) is not IComplexGraphType parent) return 0;
            double total = 0;
            foreach (var (key, nodes) in Executor.CollectFields(ctx, sets, typeName))
            {
                var def = parent.GetField(nodes[0].Name.StringValue);
                if (def == null) continue;
                var named = def.ResolvedType!.GetNamedType();
                if (named is ScalarGraphType or EnumerationGraphType) continue;
                var fieldPath = new List<object>(path) { key };
                var sub = Sub(nodes);
                if (Classify(named.Name) == TypeKind.Connection)
                    total += ConnectionCost(nodes[0], named, sub, fieldPath);
                else
                    total += (objectsFree || Classify(named.Name) == TypeKind.Free ? 0 : 1) + SelectionCost(sub, named.Name, objectsFree, fieldPath);
            }
            return total;
        }

        private double ConnectionCost(GraphQLField node, IGraphType connection, List<GraphQLSelectionSet> sets, List<object> path)
        {
            var args = ctx.ArgsFor(node);
            var size = args.Int("first") ?? args.Int("last");
            if (!ctx.BulkMode) CheckPageSize(node, args, size, path);
            var n = Math.Clamp(size ?? 0, 0, MaxPageSize);
            var connType = (IComplexGraphType)connection;
            var nodeType = connType.GetField("nodes")?.ResolvedType?.GetNamedType().Name;
            if (nodeType == null) return 2;
            // A node selected through edges { node } and through nodes is one node: take the larger.
            var nodeSets = new List<GraphQLSelectionSet>();
            var edgeSets = new List<GraphQLSelectionSet>();
            foreach (var (_, fields) in Executor.CollectFields(ctx, sets, connection.Name))
            {
                var name = fields[0].Name.StringValue;
                if (name == "nodes") nodeSets.AddRange(Sub(fields));
                else if (name == "edges") edgeSets.AddRange(Sub(fields));
            }
            var edgeType = connType.GetField("edges")?.ResolvedType?.GetNamedType().Name;
            var viaEdges = new List<GraphQLSelectionSet>();
            if (edgeType != null)
                foreach (var (_, fields) in Executor.CollectFields(ctx, edgeSets, edgeType))
                    if (fields[0].Name.StringValue == "node") viaEdges.AddRange(Sub(fields));
            var perNode = 0.0;
            if (nodeSets.Count > 0) perNode = 1 + SelectionCost(nodeSets, nodeType, false, path);
            if (viaEdges.Count > 0) perNode = Math.Max(perNode, 1 + SelectionCost(viaEdges, nodeType, false, path));
            return 2 + n * perNode;
        }

        private void CheckPageSize(GraphQLField node, Args args, int? size, List<object> path)
        {
            var loc = new[] { SourceText.LineColumn(ctx.Source, node.Location) };
            if (size == null)
                errors.Add(new GraphError("you must provide one of first or last", null, path, loc));
            else if (size > MaxPageSize || size < 0)
                errors.Add(new GraphError($"The {(args.Int("first") != null ? "first" : "last")} argument must be between 0 and {MaxPageSize}.", "BAD_REQUEST", path, loc));
        }
    }
}
