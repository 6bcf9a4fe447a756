-- Version 9: every row of shop_variants is written once per variant by an import or export, and each index is one
-- more B-tree to write. No query looks variants up by barcode or inventory item, and the look-up by SKU
-- (Set-ShopifySkuMapping -Sku) is served by the case-insensitive SKU index that tab completion already needs.
DROP INDEX shop_variants_by_barcode;
DROP INDEX shop_variants_by_inventory_item;
DROP INDEX shop_variants_by_sku;
