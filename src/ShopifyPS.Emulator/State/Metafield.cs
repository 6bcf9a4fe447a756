using System.Security.Cryptography;
using System.Text;
using ShopifyPS.Emulator.Graph;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

/// <summary>A metafield of a product or variant (namespace, key, type, value as text).</summary>
internal sealed class Metafield : IGraphObject
{
    public long Id { get; init; }
    public required string OwnerGid { get; init; }
    public required string Namespace { get; init; }
    public required string Key { get; init; }
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? GraphType => "Metafield";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid.Of("Metafield", Id),
        "legacyResourceId" => Fmt.Legacy(Id),
        "namespace" => Namespace,
        "key" => Key,
        "type" => Type,
        "value" => Value,
        "jsonValue" => Value,
        "compareDigest" => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Type + "\n" + Value))),
        "ownerType" => Graph.Mutations.MetafieldMutations.OwnerType(OwnerGid),
        "createdAt" => CreatedAt,
        "updatedAt" => UpdatedAt,
        _ => null,
    };
}

/// <summary>The metafields of one owner, and the owner's <c>metafield</c> / <c>metafields</c> fields.</summary>
internal sealed class MetafieldList
{
    public List<Metafield> Items { get; } = new();

    public Metafield? Find(string ns, string key) => Items.FirstOrDefault(m => m.Namespace == ns && m.Key == key);

    /// <summary>metafield(namespace, key) and metafields(first, namespace, keys: ["ns.key"]) of HasMetafields.</summary>
    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "metafield" => Find(args.Str("namespace") ?? "", args.Str("key") ?? ""),
        _ => Paging.Connection(Items.Where(m => Matches(m, args)).ToList(), args, ctx, m => Paging.ById(m.Id)),
    };

    private static bool Matches(Metafield m, Args args) =>
        (args.Str("namespace") is not { } ns || m.Namespace == ns)
        && (args.List("keys") is not { Count: > 0 } keys || keys.Select(Input.Str).Contains($"{m.Namespace}.{m.Key}"));
}
