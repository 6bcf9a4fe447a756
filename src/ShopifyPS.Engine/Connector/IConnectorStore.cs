using ShopifyPS.Storage;

namespace ShopifyPS.Connector;

/// <summary>
/// The connector's state: its mirror of each shop's products, variants and inventory levels with their mapping to
/// items, content hashes, last sync times, skipped records and runs. Every call names the shop, so one database
/// serves several shops. Saves are upserts by the record's key (shop + id).
/// </summary>
public interface IConnectorStore : ITransactionalStore
{
    void SaveProduct(ShopProduct product);
    ShopProduct? GetProduct(string shop, string id);
    /// <summary>All products of the shop in id order, read as they are enumerated.</summary>
    IEnumerable<ShopProduct> Products(string shop);
    /// <summary>A page of the shop's products in id order: the first <paramref name="count"/> after <paramref name="afterId"/>
    /// (from the first when null), so a run can walk a large shop page by page between its transactions.</summary>
    IReadOnlyList<ShopProduct> Products(string shop, string? afterId, int count);
    IReadOnlyList<ShopProduct> ProductsOfItem(string shop, string itemNo);
    /// <summary>Deletes the product with its variants and their inventory rows.</summary>
    bool DeleteProduct(string shop, string id);

    void SaveVariant(ShopVariant variant);
    ShopVariant? GetVariant(string shop, string id);
    IReadOnlyList<ShopVariant> VariantsOfProduct(string shop, string productId);
    IReadOnlyList<ShopVariant> VariantsBySku(string shop, string sku);
    /// <summary>The variants mapped to the item; with <paramref name="variantCode"/> only those mapped to that item variant.</summary>
    IReadOnlyList<ShopVariant> VariantsOfItem(string shop, string itemNo, string? variantCode = null);
    bool DeleteVariant(string shop, string id);
    /// <summary>All variants of the shop in id order, read as they are enumerated.</summary>
    IEnumerable<ShopVariant> Variants(string shop);
    /// <summary>A page of the shop's variants in id order: the first <paramref name="count"/> after <paramref name="afterId"/>
    /// (from the first when null), so a run can walk a large shop page by page between its transactions.</summary>
    IReadOnlyList<ShopVariant> Variants(string shop, string? afterId, int count);

    void SaveInventory(ShopInventory level);
    /// <summary>The shop's inventory rows (of one location when given), read as they are enumerated.</summary>
    IEnumerable<ShopInventory> Inventory(string shop, string? locationId = null);
    IReadOnlyList<ShopInventory> InventoryOfVariant(string shop, string variantId);
    /// <summary>The inventory rows of the variants whose ids lie from <paramref name="firstVariantId"/> to
    /// <paramref name="lastVariantId"/> (in id order, as <see cref="Variants(string, string?, int)"/> pages them).</summary>
    IReadOnlyList<ShopInventory> InventoryOfVariants(string shop, string firstVariantId, string lastVariantId);
    bool DeleteInventory(string shop, string variantId, string locationId);

    string? GetHash(string shop, ContentKind kind, string id);
    void SetHash(string shop, ContentKind kind, string id, string hash);
    void DeleteHash(string shop, ContentKind kind, string id);

    /// <summary>The translations ShopifyPS registered for the product, in every locale.</summary>
    IReadOnlyList<SentTranslation> SentTranslations(string shop, string productId);
    void SaveSentTranslation(SentTranslation translation);

    DateTimeOffset? GetLastSync(string shop, SyncKind kind);
    void SetLastSync(string shop, SyncKind kind, DateTimeOffset time);

    /// <summary>Records the start of a run and returns it with its id.</summary>
    SyncRun StartRun(string shop, SyncKind kind);
    /// <summary>Stores the run's status, counts, message, finish time, and the figures it carries (API calls, cost,
    /// THROTTLED, exit code, log path); the exit code follows from status and failed count when not given.</summary>
    void FinishRun(SyncRun run);
    /// <summary>The shop's most recent runs, newest first.</summary>
    IReadOnlyList<SyncRun> Runs(string shop, int last);
    /// <summary>The shop's runs newest first, read as they are enumerated: one run by id, or those started at or after
    /// <paramref name="since"/>.</summary>
    IEnumerable<SyncRun> Runs(string shop, long? id, DateTimeOffset? since);
    /// <summary>The id of the newest run of any shop in this database that is still marked Running.</summary>
    long? LatestRunningRun();

    void AddSkipped(SkippedRecord record);
    /// <summary>The shop's skipped records, oldest first.</summary>
    IReadOnlyList<SkippedRecord> Skipped(string shop);
    int ClearSkipped(string shop);
}
