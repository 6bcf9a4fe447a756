using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using ShopifyPS.Storage;

namespace ShopifyPS.Sync.Export;

/// <summary>
/// Shopify's digests of products' title and body, as <see cref="TranslationDigests"/> read them, kept in a
/// <see cref="ScratchDatabase"/> by product and key rather than in memory: a run reads the digests of every product it
/// syncs or creates, and looks each product's up when its turn comes.
/// </summary>
internal sealed class DigestTable : IDisposable
{
    private readonly ScratchDatabase _database = new(
        "CREATE TABLE digests (product TEXT NOT NULL, key TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (product, key)) WITHOUT ROWID;");
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _read;

    public DigestTable()
    {
        _insert = _database.Command("INSERT OR REPLACE INTO digests VALUES ($product, $key, $digest)", "$product", "$key", "$digest");
        _read = _database.Command("SELECT key, digest FROM digests WHERE product = $product", "$product");
    }

    /// <summary>Keeps the digests of one translatable resource (a node of translatableResources), of the keys ShopifyPS
    /// registers only (title and body): a product has more translatable keys (handle, product type, SEO).</summary>
    public void Add(JObject resource)
    {
        _insert.Parameters["$product"].Value = resource.Value<string>("resourceId") ?? "";
        foreach (var content in resource["translatableContent"] as JArray ?? [])
            if (content.Value<string>("digest") is { Length: > 0 } digest && content.Value<string>("key") is ProductTranslations.TitleKey or ProductTranslations.BodyKey)
            {
                _insert.Parameters["$key"].Value = content.Value<string>("key");
                _insert.Parameters["$digest"].Value = digest;
                _insert.ExecuteNonQuery();
            }
    }

    /// <summary>The product's digest per key; empty for a product Shopify does not have (or has no source text of).</summary>
    public Dictionary<string, string> Of(string productId)
    {
        _read.Parameters["$product"].Value = productId;
        using var reader = _read.ExecuteReader();
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) digests[reader.GetString(0)] = reader.GetString(1);
        return digests;
    }

    public void Dispose() => _database.Dispose();
}
