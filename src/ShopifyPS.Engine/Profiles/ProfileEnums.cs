namespace ShopifyPS.Profiles;

// Enum values are written in profiles exactly as named here (DESIGN.md §4.1). An empty value in a
// profile means the first member, matching Business Central's blank option.

/// <summary>S1: the direction of Sync-ShopifyProduct.</summary>
public enum SyncItemMode { Disabled, ToShopify, FromShopify }

/// <summary>I3 / E6: how a Shopify SKU relates to items and variants.</summary>
public enum SkuMapping { Blank, ItemNo, VariantCode, ItemNoVariantCode, VendorItemNo, BarCode }

/// <summary>S4: the status a product gets when ShopifyPS creates it.</summary>
public enum CreatedProductStatus { Active, Draft, Unlisted }

/// <summary>S5: what happens in Shopify to a product whose item was removed or blocked.</summary>
public enum RemovedProductAction { DoNothing, StatusToDraft, StatusToArchived }

/// <summary>M1: the direction of Sync-ShopifyImage.</summary>
public enum ImageSyncMode { Disabled, ToShopify, FromShopify }

/// <summary>E8: Shopify's inventory policy for new variants.</summary>
public enum InventoryPolicy { Deny, Continue }

/// <summary>V2: how a Shopify location's stock is calculated from ERP stock.</summary>
public enum StockCalculation { Disabled, ProjectedAvailableBalance, FreeInventory }

/// <summary>Which Shopify quantity inventory sync reads, compares and sets (Shopify's names: available, on_hand).
/// Available by default: see docs/architecture.md, "Inventory sync".</summary>
public enum InventoryQuantityName { Available, OnHand }

/// <summary>What a product update does with a Shopify variant whose item variant was removed or blocked: keep it
/// (as Business Central, which leaves such variants in Shopify), or archive the product once no variant of it has an
/// item variant left. Variants are never deleted.</summary>
public enum RemovedVariantAction { Keep, ArchiveWhenAllRemoved }
