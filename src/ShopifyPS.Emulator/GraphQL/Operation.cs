using System.Text.Json;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// One GraphQL request made ready to run: parsed, validated against the real schema (with its
/// variables), checked for Shopify's input and page-size limits and costed. Nothing has run yet,
/// so the caller can throttle on <see cref="RequestedCost"/> first.
/// </summary>
internal sealed class Operation
{
    private Operation(List<GraphError> errors) => Errors = errors;

    public List<GraphError> Errors { get; }
    public ExecContext? Context { get; private set; }
    public GraphQLOperationDefinition? Definition { get; private set; }
    public int RequestedCost { get; private set; }
    public string? OperationName { get; private set; }

    /// <summary>The document text (the cached instance, so repeated documents share one string).</summary>
    public string? Source { get; private set; }
    public bool IsMutation => Definition?.Operation == OperationType.Mutation;

    public bool IsValid => Errors.Count == 0 && Context != null;

    public static async Task<Operation> PrepareAsync(AdminSchema schema, ShopStore store, Uri baseUri, string? query,
        JsonElement? variables, string? operationName, bool bulkMode = false)
    {
        if (string.IsNullOrWhiteSpace(query))
            return new Operation(new() { new GraphError("No query string was present") });
        GraphQLDocument document;
        try
        {
            (query, document) = DocumentCache.Get(query);
        }
        catch (GraphQLParserException ex)
        {
            return new Operation(new() { new GraphError($"Parse error: {ex.Description}", "PARSE_ERROR", null, new[] { (ex.Location.Line, ex.Location.Column) }) });
        }

        var ops = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var op = operationName == null
            ? (ops.Count == 1 ? ops[0] : null)
            : ops.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (op == null)
        {
            var msg = operationName == null ? "An operation name is required" : $"No operation named \"{operationName}\"";
            return new Operation(new() { new GraphError(msg, "OPERATION_NOT_FOUND") });
        }

        var inputs = variables is { ValueKind: JsonValueKind.Object } v ? new Inputs(JsonInput.ToDictionary(v)) : Inputs.Empty;
        var validation = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema.Schema,
            Document = document,
            Operation = op,
            Variables = inputs,
            Rules = DocumentValidator.CoreRules,
        }).ConfigureAwait(false);
        var result = new Operation(new()) { Definition = op, OperationName = op.Name?.StringValue ?? operationName, Source = query };
        if (!validation.IsValid)
        {
            result.Errors.AddRange(validation.Errors.Select(e => ValidationErrors.ToShopify(e)));
            return result;
        }

        var ctx = new ExecContext(schema, store, document, validation, baseUri)
        {
            Source = query,
            BulkMode = bulkMode,
        };
        InputLimits.Check(ctx, result.Errors);
        result.RequestedCost = CostCalculator.Requested(ctx, op, result.Errors);
        result.Context = ctx;
        return result;
    }
}
