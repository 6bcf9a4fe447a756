-- Version 8: the inventory mirror keyed by its primary key alone (WITHOUT ROWID: one B-tree per row instead of the
-- table and its primary key index), and without the index by location, which no run reads by: a sync of a Plus
-- catalog writes a row per level, 3,000,000 of them, and each index was one more B-tree to update.
CREATE TABLE shop_inventory_v8 (
    Shop            TEXT NOT NULL,
    VariantId       TEXT NOT NULL,
    LocationId      TEXT NOT NULL,
    InventoryItemId TEXT NOT NULL DEFAULT '',
    ShopifyStock    INTEGER,
    ShopifyStockAt  TEXT,
    CalculatedStock INTEGER,
    CalculatedAt    TEXT,
    PRIMARY KEY (Shop, VariantId, LocationId),
    FOREIGN KEY (Shop, VariantId) REFERENCES shop_variants (Shop, Id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO shop_inventory_v8 (Shop, VariantId, LocationId, InventoryItemId, ShopifyStock, ShopifyStockAt, CalculatedStock, CalculatedAt)
    SELECT Shop, VariantId, LocationId, InventoryItemId, ShopifyStock, ShopifyStockAt, CalculatedStock, CalculatedAt FROM shop_inventory;
DROP TABLE shop_inventory;
ALTER TABLE shop_inventory_v8 RENAME TO shop_inventory;
