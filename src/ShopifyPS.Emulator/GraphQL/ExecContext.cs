using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Everything one operation's execution needs: the store, the coerced arguments, errors and cost.</summary>
internal sealed class ExecContext
{
    public ExecContext(AdminSchema schema, ShopStore store, GraphQLDocument document, IValidationResult validation, Uri baseUri)
    {
        Schema = schema;
        Store = store;
        Document = document;
        Validation = validation;
        BaseUri = baseUri;
        Fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue);
    }

    public AdminSchema Schema { get; }
    public ShopStore Store { get; }
    public GraphQLDocument Document { get; }
    public IValidationResult Validation { get; }
    public Uri BaseUri { get; }
    public Dictionary<string, GraphQLFragmentDefinition> Fragments { get; }

    /// <summary>The document's source text, to turn AST offsets into line/column locations.</summary>
    public string Source { get; init; } = "";

    /// <summary>In a bulk query connections need no first/last and return every node.</summary>
    public bool BulkMode { get; init; }

    /// <summary>
    /// Bulk queries run their root connection in windows, so the store lock is held for one window
    /// at a time and only one window of results is in memory: the next window starts after this key.
    /// </summary>
    public BulkWindow? RootWindow { get; set; }

    /// <summary>True while a root field's resolver runs (the connection that <see cref="RootWindow"/> limits).</summary>
    public bool ResolvingRootField { get; set; }

    /// <summary>The idempotency key of the mutation field being resolved (from @idempotent), if any.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>True when the current mutation field carried @idempotent at all.</summary>
    public bool HasIdempotentDirective { get; set; }

    public List<GraphError> Errors { get; } = new();

    public double ActualCost { get; set; }

    public Args ArgsFor(GraphQLField field) =>
        Validation.ArgumentValues != null && Validation.ArgumentValues.TryGetValue(field, out var a) ? new Args(a) : Args.Empty;

    public IDictionary<string, DirectiveInfo>? DirectivesFor(GraphQLField field) =>
        Validation.DirectiveValues != null && Validation.DirectiveValues.TryGetValue(field, out var d) ? d : null;
}

/// <summary>A GraphQL error as Shopify writes it: message, locations, path, extensions.code.</summary>
internal sealed record GraphError(string Message, string? Code = null, IReadOnlyList<object>? Path = null, IReadOnlyList<(int Line, int Column)>? Locations = null)
{
    public Dictionary<string, object?>? Extensions { get; init; }
}

/// <summary>Thrown by a resolver to fail its field with a top-level GraphQL error.</summary>
internal sealed class GraphFieldException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}

/// <summary>One window of a bulk query's root connection: at most <see cref="Size"/> nodes after <see cref="After"/>.</summary>
internal sealed class BulkWindow(int size)
{
    public int Size { get; } = size;
    public Graph.SortKey? After { get; set; }
    public bool HasMore { get; set; }
}
