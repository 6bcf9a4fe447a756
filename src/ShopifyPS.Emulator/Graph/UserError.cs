using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.Graph;

/// <summary>A payload userError: field path, message and (for typed errors) code.</summary>
internal sealed class UserError(IReadOnlyList<string>? field, string message, string? code = null) : IGraphObject
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
        _ => null,
    };

    public static UserError At(string message, string? code, params object[] path) =>
        new(path.Select(p => p.ToString()!).ToList(), message, code);
}
