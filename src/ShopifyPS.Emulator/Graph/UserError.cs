using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.Graph;

/// <summary>A payload userError: field path, message, (for typed errors) code and (metafieldsSet) the input's index.</summary>
internal sealed class UserError(IReadOnlyList<string>? field, string message, string? code = null, int? elementIndex = null) : IGraphObject
{
    public IReadOnlyList<string>? Field { get; } = field;
    public string Message { get; } = message;
    public string? Code { get; } = code;

    public string? GraphType => null;

    public object? Resolve(string name, Args args, ExecContext ctx) => name switch
    {
        "field" => Field,
        "message" => Message,
        "code" => Code,
        "elementIndex" => elementIndex,
        _ => null,
    };

    public static UserError At(string message, string? code, params object[] path) =>
        new(path.Select(p => p.ToString()!).ToList(), message, code);
}
