namespace ShopifyPS.Connector;

// The connector's mirror of Shopify, per shop (Business Central's Shpfy Product, Shpfy Variant, Shpfy Shop
// Inventory, Shpfy Skipped Record, Shpfy Synchronization Info). Ids are Shopify GIDs as the Admin API returns them.

/// <summary>What a content record is of: what was last sent, so an unchanged one is not sent again (E11, M2).
/// Variant holds a variant's prices; ProductFields and VariantFields the other fields ShopifyPS manages (and the
/// product's managed tags), so an update sends only what changed; PendingCreate marks a product create that was
/// sent but not yet linked (keyed by handle), so a run after a crash looks the product up before creating it;
/// PictureUpload holds the marker of a picture upload in flight (blank once it got all the way or was cleaned up), so a
/// run after a lost answer or a crash finds the file that upload may have left.</summary>
public enum ContentKind { Product, Variant, Picture, ProductFields, VariantFields, PendingCreate, PictureUpload, Metafields }

/// <summary>A product translation ShopifyPS registered: the value sent for one locale and key, and the digest of the
/// source text it translated.</summary>
public sealed record SentTranslation(string Shop, string ProductId, string Locale, string Key, string Value, string Digest);

/// <summary>The kinds of sync whose last run time is kept per shop.</summary>
public enum SyncKind { Products, Prices, Images, Inventory }

/// <summary>How a run ended. <see cref="Interrupted"/> is never stored: it is how a run still marked Running reads once no
/// process holds the database's write lock any more (the process was killed).</summary>
public enum RunStatus { Running, Succeeded, Failed, Cancelled, Interrupted }

/// <summary>A Shopify product as the connector knows it, and the item it is mapped to (blank: unmapped).</summary>
public sealed class ShopProduct
{
    public string Shop { get; set; } = "";
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public ProductStatus Status { get; set; }
    /// <summary>Comma-separated, as Shopify's <c>tags</c> (E10).</summary>
    public string Tags { get; set; } = "";
    /// <summary>Shopify's <c>updatedAt</c>: an import skips a product that has not changed since.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public string ItemNo { get; set; } = "";
    /// <summary>The hash of what the export last sent (E11: an unchanged item is not sent again).</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset? LastSyncedAt { get; set; }
    /// <summary>Its item was removed and actionForRemovedProducts was applied (S5, E13); it is no longer synced.</summary>
    public bool Removed { get; set; }
    /// <summary>Shopify's vendor (Vendor Item No. mapping narrows the item vendor catalog by it).</summary>
    public string Vendor { get; set; } = "";
    /// <summary>The product has options of its own (not only Shopify's "Default Title" variant): its variants map to
    /// item variants. Without, the variant maps to the item (Business Central's Has Variants).</summary>
    public bool HasVariants { get; set; }
}

/// <summary>A Shopify variant and the item (and item variant) it is mapped to.</summary>
public sealed class ShopVariant
{
    public string Shop { get; set; } = "";
    public string Id { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string Sku { get; set; } = "";
    public string Barcode { get; set; } = "";
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    /// <summary>Mapped to the item itself, not to one of its variants (Business Central's Mapped By Item).</summary>
    public bool MappedByItem { get; set; }
    public string InventoryItemId { get; set; } = "";
    /// <summary>Shopify tracks its quantity (V1: only tracked variants get stock).</summary>
    public bool Tracked { get; set; }
    /// <summary>The unit of measure the variant stands for when units are variants; blank: the item's sales unit.</summary>
    public string UnitOfMeasure { get; set; } = "";
    /// <summary>Which option (1–3) holds the unit; 0 when none does (Business Central's UoM Option Id).</summary>
    public int UomOptionId { get; set; }
}

/// <summary>One variant at one Shopify location (V5): the stock last read from Shopify and the stock last calculated
/// from the ERP, each with when. The sync writes Shopify only where the two differ (V6).</summary>
public sealed class ShopInventory
{
    public string Shop { get; set; } = "";
    public string VariantId { get; set; } = "";
    public string LocationId { get; set; } = "";
    public string InventoryItemId { get; set; } = "";
    public long? ShopifyStock { get; set; }
    public DateTimeOffset? ShopifyStockAt { get; set; }
    public long? CalculatedStock { get; set; }
    public DateTimeOffset? CalculatedAt { get; set; }
}

/// <summary>A record a sync skipped, and why (Business Central's Shpfy Skipped Record).</summary>
public sealed class SkippedRecord
{
    public long Id { get; set; }
    public string Shop { get; set; } = "";
    public long? RunId { get; set; }
    public string ShopifyId { get; set; } = "";
    public string ItemNo { get; set; } = "";
    /// <summary>What was skipped: Product, Variant, Item, Inventory...</summary>
    public string RecordType { get; set; } = "";
    public string Description { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset SkippedAt { get; set; }
}

/// <summary>One run of a sync for a shop, with its counts (R1: a log a scheduler can act on).</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public string Shop { get; set; } = "";
    public SyncKind Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public RunStatus Status { get; set; }
    public long Created { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Skipped { get; set; }
    public long Failed { get; set; }
    public string Message { get; set; } = "";
    /// <summary>Shopify API calls, their actual cost and THROTTLED answers; null when not recorded.</summary>
    public long? ApiCalls { get; set; }
    public long? Cost { get; set; }
    public long? Throttled { get; set; }
    /// <summary>What a scheduler saw; <see cref="IConnectorStore.FinishRun"/> derives it from the status and the failed
    /// count when it is not given.</summary>
    public int? ExitCode { get; set; }
    /// <summary>The run's JSONL log, when recorded.</summary>
    public string? LogPath { get; set; }

    /// <summary>0: every record synced; 1: some records failed; 2: the run itself failed or was cancelled.</summary>
    public static int ExitCodeOf(RunStatus status, long failed) =>
        status is RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted ? 2 : failed > 0 ? 1 : 0;
}
