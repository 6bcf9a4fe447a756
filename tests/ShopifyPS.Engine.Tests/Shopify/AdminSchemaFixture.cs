using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Tests.Shopify;

/// <summary>
/// The vendored Shopify Admin 2026-04 schema (schema/admin-2026-04.graphql), built once with GraphQL.NET
/// for validating our documents. Two shims make the SDL buildable: abstract types get a resolveType that is
/// never called (we only validate), and each custom scalar (Money, URL, ...) passes values through.
/// </summary>
public sealed class AdminSchemaFixture
{
    public AdminSchemaFixture()
    {
        var sdl = File.ReadAllText(Path.Combine(RepoRoot.Path, "schema", "admin-2026-04.graphql"));
        var scalars = GraphQLParser.Parser.Parse(sdl).Definitions.OfType<GraphQLScalarTypeDefinition>().Select(s => s.Name.StringValue).ToList();
        Schema = global::GraphQL.Types.Schema.For(sdl, builder => builder.Types.ForAll(type => type.ResolveType = _ => null!));
        foreach (var name in scalars) Schema.RegisterType(new AnyValueScalar(name));
        Schema.Initialize();
    }

    public ISchema Schema { get; }

    /// <summary>Validation errors for a document and its variables (empty when Shopify would accept both).</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string text, JObject? variables)
    {
        var document = GraphQLParser.Parser.Parse(text);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = variables is null ? Inputs.Empty : new Inputs(ToPlain(variables)),
        });
        return result.Errors.Select(e => e.Message).ToList();
    }

    private static Dictionary<string, object?> ToPlain(JObject o) =>
        o.Properties().ToDictionary(p => p.Name, p => ToPlain(p.Value));

    private static object? ToPlain(JToken token) => token switch
    {
        JObject o => ToPlain(o),
        JArray a => a.Select(ToPlain).ToList(),
        JValue { Type: JTokenType.Integer } v => v.ToObject<long>() is var l && l is >= int.MinValue and <= int.MaxValue ? (int)l : l,
        JValue { Type: JTokenType.Float } v => v.ToObject<double>(),
        JValue v => v.Value,
        _ => throw new NotSupportedException(token.Type.ToString()),
    };

    private sealed class AnyValueScalar : ScalarGraphType
    {
        public AnyValueScalar(string name) => Name = name;
        public override object? ParseValue(object? value) => value;
        public override object? Serialize(object? value) => value;
        public override bool CanParseValue(object? value) => true;
        public override bool CanParseLiteral(GraphQLValue value) => true;
        public override object? ParseLiteral(GraphQLValue value) => value;
    }
}

/// <summary>The repository root (the folder holding ShopifyPS.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ShopifyPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("ShopifyPS.sln not found above " + AppContext.BaseDirectory);
    }
}
