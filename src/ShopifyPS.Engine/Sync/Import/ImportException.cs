namespace ShopifyPS.Sync.Import;

/// <summary>A Shopify product cannot be imported as it is: the message names the product, the setting or the ERP data
/// to fix. The product fails; the rest of the run goes on.</summary>
public sealed class ImportException(string message) : Exception(message);
