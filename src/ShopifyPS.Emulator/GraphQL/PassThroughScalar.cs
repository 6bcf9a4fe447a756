using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// A Shopify custom scalar (Money, Decimal, DateTime, URL, JSON, ...). Values pass through as the
/// client sent them; the resolvers interpret them where Shopify would.
/// </summary>
internal sealed class PassThroughScalar : ScalarGraphType
{
    public PassThroughScalar(string name) => Name = name;

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => LiteralToValue(value);

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    internal static object? LiteralToValue(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLIntValue i => long.Parse(i.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse(f.Value.Span, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue l => l.Values?.Select(LiteralToValue).ToList() ?? new List<object?>(),
        GraphQLObjectValue o => o.Fields?.ToDictionary(f => f.Name.StringValue, f => LiteralToValue(f.Value)) ?? new Dictionary<string, object?>(),
        _ => null,
    };
}
