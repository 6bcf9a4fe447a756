-- Version 1: the ERP data set (see about_ShopifyPS, one table per CSV file, columns named as in the file) and the
-- connector's state per shop. Natural keys are the primary keys, so an import upserts by them. Blank optional
-- key parts are stored as '' (never NULL) so that they take part in the key. Dates are ISO text (yyyy-MM-dd),
-- times ISO 8601 text in UTC, booleans 0/1, enums their names.

-- ERP side ------------------------------------------------------------------------------------------------

CREATE TABLE setup (
    Key   TEXT NOT NULL PRIMARY KEY,
    Value TEXT NOT NULL DEFAULT ''
);

CREATE TABLE currencies (
    Code                        TEXT NOT NULL PRIMARY KEY,
    UnitAmountRoundingPrecision NUMERIC NOT NULL DEFAULT 0.01
);

CREATE TABLE exchange_rates (
    CurrencyCode                 TEXT NOT NULL,
    StartingDate                 TEXT NOT NULL,
    ExchangeRateAmount           NUMERIC NOT NULL DEFAULT 0,
    RelationalExchangeRateAmount NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (CurrencyCode, StartingDate)
);

CREATE TABLE vat_setup (
    VatBusPostingGroup  TEXT NOT NULL,
    VatProdPostingGroup TEXT NOT NULL,
    VatPercent          NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (VatBusPostingGroup, VatProdPostingGroup)
);

CREATE TABLE customer_templates (
    Code               TEXT NOT NULL PRIMARY KEY,
    VatBusPostingGroup TEXT NOT NULL DEFAULT '',
    PricesIncludingVat INTEGER NOT NULL DEFAULT 0,
    AllowLineDisc      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE no_series (
    Code       TEXT NOT NULL PRIMARY KEY,
    StartingNo TEXT NOT NULL DEFAULT '',
    LastNoUsed TEXT NOT NULL DEFAULT ''
);

CREATE TABLE item_templates (
    Code                TEXT NOT NULL PRIMARY KEY,
    Type                TEXT NOT NULL DEFAULT 'Inventory',
    BaseUnitOfMeasure   TEXT NOT NULL DEFAULT '',
    ItemCategoryCode    TEXT NOT NULL DEFAULT '',
    VatProdPostingGroup TEXT NOT NULL DEFAULT '',
    ItemDiscGroup       TEXT NOT NULL DEFAULT '',
    NoSeries            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE vendors (
    No   TEXT NOT NULL PRIMARY KEY,
    Name TEXT NOT NULL DEFAULT ''
);
-- Import maps Shopify's Vendor to the vendor by name (I8).
CREATE INDEX vendors_by_name ON vendors (Name);

CREATE TABLE item_categories (
    Code        TEXT NOT NULL PRIMARY KEY,
    Description TEXT NOT NULL DEFAULT ''
);
-- Import maps Shopify's product type to the category by description (I8).
CREATE INDEX item_categories_by_description ON item_categories (Description);

CREATE TABLE locations (
    Code TEXT NOT NULL PRIMARY KEY,
    Name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE items (
    No                  TEXT NOT NULL PRIMARY KEY,
    Description         TEXT NOT NULL DEFAULT '',
    Type                TEXT NOT NULL DEFAULT 'Inventory',
    BaseUnitOfMeasure   TEXT NOT NULL DEFAULT '',
    UnitPrice           NUMERIC NOT NULL DEFAULT 0,
    PriceIncludesVat    INTEGER NOT NULL DEFAULT 0,
    UnitCost            NUMERIC NOT NULL DEFAULT 0,
    GrossWeight         NUMERIC NOT NULL DEFAULT 0,
    VendorNo            TEXT NOT NULL DEFAULT '',
    VendorItemNo        TEXT NOT NULL DEFAULT '',
    ItemCategoryCode    TEXT NOT NULL DEFAULT '',
    ItemDiscGroup       TEXT NOT NULL DEFAULT '',
    VatProdPostingGroup TEXT NOT NULL DEFAULT '',
    Blocked             INTEGER NOT NULL DEFAULT 0,
    SalesBlocked        INTEGER NOT NULL DEFAULT 0,
    PicturePath         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_by_vendor_item_no ON items (VendorItemNo);
CREATE INDEX items_by_category ON items (ItemCategoryCode);
CREATE INDEX items_by_vendor ON items (VendorNo);

-- Items removed by Remove-ShopifyItem: each shop's next sync applies its actionForRemovedProducts (S5, E13)
-- to the products mapped to them. Kept by the triggers on items below.
CREATE TABLE removed_items (
    ItemNo    TEXT NOT NULL PRIMARY KEY,
    RemovedAt TEXT NOT NULL
);

CREATE TABLE item_variants (
    ItemNo      TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    Code        TEXT NOT NULL,
    Description TEXT NOT NULL DEFAULT '',
    Blocked     INTEGER NOT NULL DEFAULT 0,
    PicturePath TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, Code)
);

CREATE TABLE item_references (
    ItemNo          TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode     TEXT NOT NULL DEFAULT '',
    UnitOfMeasure   TEXT NOT NULL DEFAULT '',
    ReferenceType   TEXT NOT NULL DEFAULT 'BarCode',
    ReferenceTypeNo TEXT NOT NULL DEFAULT '',
    ReferenceNo     TEXT NOT NULL,
    PRIMARY KEY (ItemNo, VariantCode, UnitOfMeasure, ReferenceType, ReferenceTypeNo, ReferenceNo)
);
-- Mapping by barcode (I3 BarCode, I6) and by vendor reference.
CREATE INDEX item_references_by_no ON item_references (ReferenceNo, ReferenceType);

CREATE TABLE item_vendors (
    ItemNo       TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode  TEXT NOT NULL DEFAULT '',
    VendorNo     TEXT NOT NULL,
    VendorItemNo TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, VariantCode, VendorNo)
);
-- Mapping by vendor item no. through the item vendor catalog (I3 VendorItemNo).
CREATE INDEX item_vendors_by_vendor_item_no ON item_vendors (VendorItemNo);

CREATE TABLE item_translations (
    ItemNo       TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode  TEXT NOT NULL DEFAULT '',
    LanguageCode TEXT NOT NULL,
    Description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, VariantCode, LanguageCode)
);

CREATE TABLE item_attributes (
    ItemNo    TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    Attribute TEXT NOT NULL,
    Value     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, Attribute)
);

CREATE TABLE attribute_translations (
    Attribute    TEXT NOT NULL,
    Value        TEXT NOT NULL DEFAULT '',
    LanguageCode TEXT NOT NULL,
    Translation  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (Attribute, Value, LanguageCode)
);

CREATE TABLE extended_texts (
    ItemNo       TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    LanguageCode TEXT NOT NULL DEFAULT '',
    AllLanguages INTEGER NOT NULL DEFAULT 0,
    StartingDate TEXT NOT NULL DEFAULT '',
    EndingDate   TEXT NOT NULL DEFAULT '',
    LineNo       INTEGER NOT NULL,
    Text         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, LanguageCode, StartingDate, LineNo)
);

CREATE TABLE sales_prices (
    ItemNo           TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode      TEXT NOT NULL DEFAULT '',
    SourceType       TEXT NOT NULL DEFAULT 'AllCustomers',
    SourceCode       TEXT NOT NULL DEFAULT '',
    CurrencyCode     TEXT NOT NULL DEFAULT '',
    StartingDate     TEXT NOT NULL DEFAULT '',
    EndingDate       TEXT NOT NULL DEFAULT '',
    MinimumQuantity  NUMERIC NOT NULL DEFAULT 0,
    UnitPrice        NUMERIC NOT NULL DEFAULT 0,
    PriceIncludesVat INTEGER NOT NULL DEFAULT 0,
    AllowLineDisc    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (ItemNo, VariantCode, SourceType, SourceCode, CurrencyCode, StartingDate, MinimumQuantity)
);

-- Code is an item no. (Type Item) or an item discount group (Type ItemDiscGroup), so no foreign key: the
-- item trigger below removes an item's own discounts.
CREATE TABLE sales_line_discounts (
    Type                TEXT NOT NULL DEFAULT 'Item',
    Code                TEXT NOT NULL,
    VariantCode         TEXT NOT NULL DEFAULT '',
    SourceType          TEXT NOT NULL DEFAULT 'AllCustomers',
    SourceCode          TEXT NOT NULL DEFAULT '',
    CurrencyCode        TEXT NOT NULL DEFAULT '',
    StartingDate        TEXT NOT NULL DEFAULT '',
    EndingDate          TEXT NOT NULL DEFAULT '',
    MinimumQuantity     NUMERIC NOT NULL DEFAULT 0,
    LineDiscountPercent NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (Type, Code, VariantCode, SourceType, SourceCode, CurrencyCode, StartingDate, MinimumQuantity)
);

CREATE TABLE stock (
    ItemNo            TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode       TEXT NOT NULL DEFAULT '',
    LocationCode      TEXT NOT NULL,
    Inventory         NUMERIC NOT NULL DEFAULT 0,
    ReservedQuantity  NUMERIC NOT NULL DEFAULT 0,
    ScheduledReceipts NUMERIC NOT NULL DEFAULT 0,
    GrossRequirements NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (ItemNo, VariantCode, LocationCode)
);

-- A variant's rows in the other tables go with it (its code cannot be a foreign key: blank means the item).
CREATE TRIGGER item_variants_cascade AFTER DELETE ON item_variants
BEGIN
    DELETE FROM item_references   WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM item_vendors      WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM item_translations WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM sales_prices      WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM stock             WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM sales_line_discounts WHERE Type = 'Item' AND Code = old.ItemNo AND VariantCode = old.Code;
END;

-- Removing an item records it for the syncs (removed_items); creating it again clears the record.
CREATE TRIGGER items_removed AFTER DELETE ON items
BEGIN
    DELETE FROM sales_line_discounts WHERE Type = 'Item' AND Code = old.No;
    INSERT OR REPLACE INTO removed_items (ItemNo, RemovedAt) VALUES (old.No, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER items_restored AFTER INSERT ON items
BEGIN
    DELETE FROM removed_items WHERE ItemNo = new.No;
END;

-- Connector state (one database can serve several shops, so every table is keyed by Shop) ----------------
-- Ids are Shopify GIDs as the Admin API returns them (gid://shopify/Product/1).

CREATE TABLE shop_products (
    Shop         TEXT NOT NULL,
    Id           TEXT NOT NULL,
    Title        TEXT NOT NULL DEFAULT '',
    Status       TEXT NOT NULL DEFAULT 'Active',
    Tags         TEXT NOT NULL DEFAULT '',
    UpdatedAt    TEXT,
    ItemNo       TEXT NOT NULL DEFAULT '',
    ContentHash  TEXT NOT NULL DEFAULT '',
    LastSyncedAt TEXT,
    Removed      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (Shop, Id)
);
CREATE INDEX shop_products_by_item ON shop_products (Shop, ItemNo);

CREATE TABLE shop_variants (
    Shop            TEXT NOT NULL,
    Id              TEXT NOT NULL,
    ProductId       TEXT NOT NULL,
    Sku             TEXT NOT NULL DEFAULT '',
    Barcode         TEXT NOT NULL DEFAULT '',
    ItemNo          TEXT NOT NULL DEFAULT '',
    VariantCode     TEXT NOT NULL DEFAULT '',
    MappedByItem    INTEGER NOT NULL DEFAULT 0,
    InventoryItemId TEXT NOT NULL DEFAULT '',
    Tracked         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (Shop, Id),
    FOREIGN KEY (Shop, ProductId) REFERENCES shop_products (Shop, Id) ON DELETE CASCADE
);
CREATE INDEX shop_variants_by_product ON shop_variants (Shop, ProductId);
CREATE INDEX shop_variants_by_sku ON shop_variants (Shop, Sku);
CREATE INDEX shop_variants_by_barcode ON shop_variants (Shop, Barcode);
CREATE INDEX shop_variants_by_item ON shop_variants (Shop, ItemNo, VariantCode);
CREATE INDEX shop_variants_by_inventory_item ON shop_variants (Shop, InventoryItemId);

-- One row per variant and Shopify location that exists in Shopify (V5): the stock last read from Shopify and
-- the stock last calculated from the ERP, with when each was taken.
CREATE TABLE shop_inventory (
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
);
CREATE INDEX shop_inventory_by_location ON shop_inventory (Shop, LocationId);

-- What was last sent to Shopify, so an unchanged product, variant or picture is not sent again (M2, E11).
CREATE TABLE content_hashes (
    Shop      TEXT NOT NULL,
    Kind      TEXT NOT NULL,
    Id        TEXT NOT NULL,
    Hash      TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    PRIMARY KEY (Shop, Kind, Id)
);

CREATE TABLE sync_times (
    Shop       TEXT NOT NULL,
    Kind       TEXT NOT NULL,
    LastSyncAt TEXT NOT NULL,
    PRIMARY KEY (Shop, Kind)
);

CREATE TABLE runs (
    Id         INTEGER PRIMARY KEY,
    Shop       TEXT NOT NULL,
    Kind       TEXT NOT NULL,
    StartedAt  TEXT NOT NULL,
    FinishedAt TEXT,
    Status     TEXT NOT NULL DEFAULT 'Running',
    Created    INTEGER NOT NULL DEFAULT 0,
    Updated    INTEGER NOT NULL DEFAULT 0,
    Unchanged  INTEGER NOT NULL DEFAULT 0,
    Skipped    INTEGER NOT NULL DEFAULT 0,
    Failed     INTEGER NOT NULL DEFAULT 0,
    Message    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_by_shop ON runs (Shop, StartedAt);

CREATE TABLE skipped_records (
    Id          INTEGER PRIMARY KEY,
    Shop        TEXT NOT NULL,
    RunId       INTEGER REFERENCES runs (Id) ON DELETE SET NULL,
    ShopifyId   TEXT NOT NULL DEFAULT '',
    ItemNo      TEXT NOT NULL DEFAULT '',
    RecordType  TEXT NOT NULL DEFAULT '',
    Description TEXT NOT NULL DEFAULT '',
    Reason      TEXT NOT NULL,
    SkippedAt   TEXT NOT NULL
);
CREATE INDEX skipped_records_by_shop ON skipped_records (Shop, SkippedAt);
