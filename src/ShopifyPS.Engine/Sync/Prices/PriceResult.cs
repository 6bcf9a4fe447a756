namespace ShopifyPS.Sync.Prices;

/// <summary>
/// The prices of one Shopify variant, in the shop currency (E2, P1): Price is what the customer pays,
/// CompareAtPrice the undiscounted price when it is higher (else null), UnitCost the item's cost.
/// Explanation says how they were reached, for -WhatIf and -Verbose.
/// </summary>
public sealed record PriceResult(decimal Price, decimal? CompareAtPrice, decimal UnitCost, string CurrencyCode, string Explanation);
