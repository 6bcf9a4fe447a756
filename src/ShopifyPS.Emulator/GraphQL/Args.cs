using System.Collections;
using System.Globalization;
using GraphQL.Execution;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>Coerced argument values of one field (from GraphQL.NET's validation), with typed accessors.</summary>
internal sealed class Args
{
    public static readonly Args Empty = new(null);

    private readonly IDictionary<string, ArgumentValue>? _values;

    public Args(IDictionary<string, ArgumentValue>? values) => _values = values;

    public bool Has(string name) => _values != null && _values.TryGetValue(name, out var v) && v.Source != ArgumentSource.FieldDefault;

    public object? this[string name] => _values != null && _values.TryGetValue(name, out var v) ? v.Value : null;

    public string? Str(string name) => Input.Str(this[name]);

    public int? Int(string name) => Input.Int(this[name]);

    public bool? Bool(string name) => this[name] is bool b ? b : null;

    public IDictionary<string, object?>? Obj(string name) => this[name] as IDictionary<string, object?>;

    public IReadOnlyList<object?> List(string name) => Input.List(this[name]);
}

/// <summary>Helpers to read coerced input values (dictionaries, lists, numbers as the client sent them).</summary>
internal static class Input
{
    public static string? Str(object? v) => v switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    public static int? Int(object? v) => v switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        decimal d => (int)d,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    public static decimal? Dec(object? v) => v switch
    {
        null => null,
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        float f => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static IReadOnlyList<object?> List(object? v) => v switch
    {
        null => Array.Empty<object?>(),
        IReadOnlyList<object?> l => l,
        string => new[] { v },
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => new[] { v },
    };

    public static IDictionary<string, object?>? Obj(object? v) => v as IDictionary<string, object?>;

    public static bool Has(IDictionary<string, object?> o, string key) => o.ContainsKey(key);

    public static object? Get(IDictionary<string, object?> o, string key) => o.TryGetValue(key, out var v) ? v : null;
}
