using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Runtime;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Graph.Mutations;

/// <summary>
/// bulkOperationRunQuery, bulkOperationRunMutation and bulkOperationCancel. The work runs in the
/// background (<see cref="BulkRunner"/>); clients poll bulkOperation(id:).
/// </summary>
internal static class BulkMutations
{
    /// <summary>From API version 2026-01 a shop may run up to five bulk operations at a time.</summary>
    public const int MaxConcurrent = 5;
    public const int MaxConnections = 5;
    public const int MaxConnectionDepth = 2;

    public static object RunQuery(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        const string type = "BulkOperationRunQueryPayload";
        var query = args.Str("query") ?? "";
        if (LimitReached(ctx.Store) is { } limit) return Fail(type, limit);
        var prepared = Operation.PrepareAsync(ctx.Schema, ctx.Store, ctx.BaseUri, query, null, null, bulkMode: true).GetAwaiter().GetResult();
        if (!prepared.IsValid)
            return Fail(type, UserError.At(prepared.Errors[0].Message, "INVALID", "query"));
        if (prepared.IsMutation)
            return Fail(type, UserError.At("Bulk queries cannot contain mutations. Use bulkOperationRunMutation instead.", "INVALID", "query"));
        if (prepared.Definition!.SelectionSet.Selections.Count != 1)
            return Fail(type, UserError.At("Bulk queries must contain exactly one top-level field.", "INVALID", "query"));
        var (count, depth) = Connections(prepared.Context!, prepared.Definition!);
        var problem = count == 0 ? "Bulk queries must contain at least one connection."
            : count > MaxConnections ? $"Bulk queries cannot contain more than {MaxConnections} connections."
            : depth > MaxConnectionDepth ? $"Bulk queries cannot contain connections with a nesting depth greater than {MaxConnectionDepth}."
            : null;
        if (problem != null) return Fail(type, UserError.At(problem, "INVALID", "query"));

        var op = NewOperation(ctx.Store, "QUERY", query, rt.Faults.DrawBulkFailure(query));
        rt.Bulk.StartQuery(op);
        return new GraphMap(type, ("bulkOperation", op), ("userErrors", new List<UserError>()));
    }

    public static object RunMutation(Args args, ExecContext ctx, EmulatorRuntime rt)
    {
        const string type = "BulkOperationRunMutationPayload";
        var mutation = args.Str("mutation") ?? "";
        var path = args.Str("stagedUploadPath") ?? "";
        if (LimitReached(ctx.Store) is { } limit) return Fail(type, limit);
        if (!ctx.Store.Uploads.TryGetValue(path, out var upload) || upload.ContentFile == null)
            return Fail(type, UserError.At("The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.", "NO_SUCH_FILE", "stagedUploadPath"));
        if (MutationProblem(ctx, mutation) is { } problem)
            return Fail(type, UserError.At(problem, "INVALID_MUTATION", "mutation"));
        var op = NewOperation(ctx.Store, "MUTATION", mutation, rt.Faults.DrawBulkFailure(mutation));
        rt.Bulk.StartMutation(op, upload.ContentFile);
        return new GraphMap(type, ("bulkOperation", op), ("userErrors", new List<UserError>()));
    }

    public static object Cancel(Args args, ExecContext ctx)
    {
        const string type = "BulkOperationCancelPayload";
        if (!Gid.TryParse(args.Str("id"), "BulkOperation", out var id) || !ctx.Store.BulkOperations.TryGetValue(id, out var op))
            return Fail(type, UserError.At("Bulk operation does not exist", null, "id"));
        if (!op.IsRunning)
            return new GraphMap(type, ("bulkOperation", op), ("userErrors", new List<UserError> { UserError.At($"A bulk operation cannot be canceled when it is {op.Status.ToLowerInvariant()}", null, "id") }));
        op.CancelRequested = true;
        op.Status = "CANCELING";
        return new GraphMap(type, ("bulkOperation", op), ("userErrors", new List<UserError>()));
    }

    private static UserError? LimitReached(ShopStore store) =>
        store.BulkOperations.Values.Count(b => b.IsRunning) >= MaxConcurrent
            ? new UserError(null, "Bulk operations limit reached. Please try again later.", "LIMIT_REACHED")
            : null;

    private static BulkOperation NewOperation(ShopStore store, string type, string query, string? failWith)
    {
        var op = new BulkOperation { Id = store.NextId(), Type = type, Query = query, CreatedAt = store.Now(), FailWith = failWith };
        store.BulkOperations[op.Id] = op;
        return op;
    }

    private static GraphMap Fail(string type, UserError error) =>
        new(type, ("bulkOperation", null), ("userErrors", new List<UserError> { error }));

    /// <summary>A bulk mutation document must parse and hold one mutation with exactly one root field.</summary>
    private static string? MutationProblem(ExecContext ctx, string mutation)
    {
        GraphQLDocument doc;
        try
        {
            doc = GraphQLParser.Parser.Parse(mutation);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException ex)
        {
            return $"Failed to parse the mutation - {ex.Description}";
        }
        var ops = doc.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (ops.Count != 1 || ops[0].Operation != OperationType.Mutation)
            return "Invalid mutation: a single mutation operation is required.";
        var fields = ops[0].SelectionSet.Selections.OfType<GraphQLField>().ToList();
        if (fields.Count != 1) return "Invalid mutation: exactly one top-level mutation field is required.";
        var name = fields[0].Name.StringValue;
        return ctx.Schema.Schema.Mutation!.GetField(name) == null ? $"Invalid mutation: unknown mutation field '{name}'." : null;
    }

    /// <summary>Counts connection fields and their deepest nesting in a bulk query.</summary>
    private static (int Count, int Depth) Connections(ExecContext ctx, GraphQLOperationDefinition op)
    {
        var count = 0;
        var maxDepth = 0;
        void Walk(IEnumerable<GraphQLSelectionSet> sets, string typeName, int depth)
        {
            if (ctx.Schema.Type(typeName) is not IComplexGraphType parent) return;
            foreach (var (_, nodes) in Executor.CollectFields(ctx, sets, typeName))
            {
                var def = parent.GetField(nodes[0].Name.StringValue);
                if (def == null) continue;
                var named = def.ResolvedType!.GetNamedType();
                var sub = nodes.Where(n => n.SelectionSet != null).Select(n => n.SelectionSet!).ToList();
                var isConnection = CostCalculator.Classify(named.Name) == TypeKind.Connection;
                if (isConnection)
                {
                    count++;
                    maxDepth = Math.Max(maxDepth, depth + 1);
                }
                Walk(sub, named.Name, isConnection ? depth + 1 : depth);
            }
        }
        Walk(new[] { op.SelectionSet }, ctx.Schema.Schema.Query.Name, 0);
        return (count, maxDepth);
    }
}
