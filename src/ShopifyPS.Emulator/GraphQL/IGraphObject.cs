namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// Something the executor can select fields from. Entities and payloads implement it; a field the
/// emulator does not model resolves to null.
/// </summary>
internal interface IGraphObject
{
    /// <summary>The runtime GraphQL object type, or null to use the field's declared type.</summary>
    string? GraphType { get; }

    object? Resolve(string field, Args args, ExecContext ctx);
}

/// <summary>A small payload or value object described by a dictionary (userErrors, MoneyV2, SEO, ...).</summary>
internal sealed class GraphMap : IGraphObject
{
    private readonly Dictionary<string, object?> _values;

    public GraphMap(string? type, params (string Key, object? Value)[] values)
    {
        GraphType = type;
        _values = new Dictionary<string, object?>(values.Length);
        foreach (var (k, v) in values) _values[k] = v;
    }

    public string? GraphType { get; }

    public object? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    public object? Resolve(string field, Args args, ExecContext ctx) => _values.TryGetValue(field, out var v) ? v : null;
}

/// <summary>A value resolved lazily per field, used where computing every field up front would be wasteful.</summary>
internal sealed class GraphLambda : IGraphObject
{
    private readonly Func<string, Args, ExecContext, object?> _resolve;

    public GraphLambda(string? type, Func<string, Args, ExecContext, object?> resolve)
    {
        GraphType = type;
        _resolve = resolve;
    }

    public string? GraphType { get; }

    public object? Resolve(string field, Args args, ExecContext ctx) => _resolve(field, args, ctx);
}
