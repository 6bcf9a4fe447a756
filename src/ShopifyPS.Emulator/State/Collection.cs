using System.Globalization;
using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.Search;

namespace ShopifyPS.Emulator.State;

/// <summary>A collection: custom (products added by hand) or smart (products chosen by its rules, which the emulator
/// does not evaluate; a smart collection has a ruleSet and refuses products added by hand).</summary>
internal sealed class Collection : IGraphObject
{
    public long Id { get; init; }
    public required string Title { get; set; }
    public required string Handle { get; set; }
    public bool Smart { get; init; }
    public List<Product> Products { get; } = new();
    public DateTimeOffset UpdatedAt { get; set; }

    public string Gid => State.Gid.Of("Collection", Id);

    public string? GraphType => "Collection";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "legacyResourceId" => Fmt.Legacy(Id),
        "title" => Title,
        "handle" => Handle,
        "ruleSet" => Smart ? new GraphMap("CollectionRuleSet", ("appliedDisjunctively", false), ("rules", new List<object>())) : null,
        "products" => Paging.Connection(Products, args, ctx, p => Paging.ById(p.Id)),
        "productsCount" => Fmt.Count(Products.Count),
        "hasProduct" => Graph.Lookup.Product(ctx.Store, args.Str("id")) is { } p && Products.Contains(p),
        "updatedAt" => UpdatedAt,
        _ => null,
    };
}

/// <summary>collections(query:) fields: title (whole or a word), handle, collection_type (custom | smart), id.</summary>
internal sealed class CollectionSearch : ISearchFields<Collection>
{
    public FieldKind Kind(string field) => field == "id" ? FieldKind.Number : FieldKind.Text;

    public IEnumerable<string?> Values(Collection c, string field) => field switch
    {
        "title" => new[] { c.Title }.Concat(c.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        "handle" => [c.Handle],
        "collection_type" => [c.Smart ? "smart" : "custom"],
        "id" => [c.Id.ToString(CultureInfo.InvariantCulture)],
        _ => [],
    };

    public IEnumerable<Collection>? Candidates(string field, string value) => null;

    public bool MatchesDefault(Collection c, string word) => c.Title.Contains(word, StringComparison.OrdinalIgnoreCase);
}
