using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopifyPS.Emulator.GraphQL;

/// <summary>
/// The real Shopify Admin schema for one API version, built once with GraphQL.NET and used only
/// for validation and type information; execution is our own (see <see cref="Executor"/>).
/// </summary>
internal sealed class AdminSchema
{
    public const string SupportedVersion = "2026-04";

    private static readonly Lazy<AdminSchema> Shared = new(() => Load(SupportedVersion));

    public ISchema Schema { get; }
    public string Version { get; }

    private readonly Dictionary<string, HashSet<string>> _possibleTypes = new();

    private AdminSchema(ISchema schema, string version)
    {
        Schema = schema;
        Version = version;
        foreach (var type in schema.AllTypes)
        {
            if (type is IAbstractGraphType abs)
                _possibleTypes[type.Name] = abs.PossibleTypes.Select(t => t.Name).ToHashSet();
        }
    }

    /// <summary>The 2026-04 schema, parsed on first use and shared by every emulator in the process.</summary>
    public static AdminSchema V2026_04 => Shared.Value;

    public static AdminSchema? ForVersion(string version) => version == SupportedVersion ? V2026_04 : null;

    private static AdminSchema Load(string version)
    {
        var asm = typeof(AdminSchema).Assembly;
        using var stream = asm.GetManifestResourceStream($"ShopifyPS.Emulator.admin-{version}.graphql")
            ?? throw new InvalidOperationException($"Schema resource for {version} is missing.");
        using var reader = new StreamReader(stream);
        var sdl = reader.ReadToEnd();
        var customScalars = GraphQLParser.Parser.Parse(sdl).Definitions
            .OfType<GraphQLScalarTypeDefinition>()
            .Select(d => d.Name.StringValue)
            .ToList();
        // Shim 1: abstract types need a resolveType to build; we never use GraphQL.NET's execution.
        var schema = global::GraphQL.Types.Schema.For(sdl, b => b.Types.ForAll(c => c.ResolveType = _ => null!));
        // Shim 2: Shopify's custom scalars (Money, DateTime, URL, ...) pass their values through.
        foreach (var name in customScalars)
            schema.RegisterType(new PassThroughScalar(name));
        schema.Initialize();
        return new AdminSchema(schema, version);
    }

    public IGraphType? Type(string name) => Schema.AllTypes[name];

    /// <summary>True when an object of runtime type <paramref name="objectType"/> satisfies a fragment's type condition.</summary>
    public bool Satisfies(string objectType, string condition) =>
        objectType == condition || (_possibleTypes.TryGetValue(condition, out var set) && set.Contains(objectType));

    public bool IsAbstract(string typeName) => _possibleTypes.ContainsKey(typeName);

    public IEnumerable<string> PossibleTypes(string abstractType) =>
        _possibleTypes.TryGetValue(abstractType, out var set) ? set : Enumerable.Empty<string>();
}
