namespace ShopifyPS;

/// <summary>Shopify's product status (ProductStatus in the Admin API; Business Central's Shpfy Product Status): the one
/// status type of the mirror, the products ShopifyPS builds and Set-ShopifyProduct -Status.</summary>
public enum ProductStatus { Active, Archived, Draft, Unlisted }
