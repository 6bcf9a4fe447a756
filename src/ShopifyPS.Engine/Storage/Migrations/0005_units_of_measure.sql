-- Version 5: units of measure. An item is sold in its base unit or in units of several base units (a BOX of 12):
-- item_units_of_measure lists them, items name the unit Shopify sells in, and a sales price may be for one unit. With
-- units as variants (items.uomAsVariant) a Shopify variant stands for an item (variant) in one unit: the mirror keeps
-- the unit and the option slot (1-3; 0 = none) that holds it, as Business Central's UoM Option Id. An item attribute
-- may be marked to become a product option instead.
CREATE TABLE item_units_of_measure (
    ItemNo              TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    Code                TEXT NOT NULL,
    QtyPerUnitOfMeasure NUMERIC NOT NULL DEFAULT 1,
    PRIMARY KEY (ItemNo, Code)
);

ALTER TABLE items ADD COLUMN SalesUnitOfMeasure TEXT NOT NULL DEFAULT '';
ALTER TABLE item_attributes ADD COLUMN AsOption INTEGER NOT NULL DEFAULT 0;

-- The unit is part of a sales price's key (a PCS price and a BOX price of one item live side by side), and SQLite
-- cannot change a primary key in place: the table is rebuilt. The variant trigger names sales_prices, so it goes first.
DROP TRIGGER item_variants_cascade;
DROP INDEX sales_prices_by_source_nocase;
CREATE TABLE sales_prices_v5 (
    ItemNo           TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    VariantCode      TEXT NOT NULL DEFAULT '',
    UnitOfMeasure    TEXT NOT NULL DEFAULT '',
    SourceType       TEXT NOT NULL DEFAULT 'AllCustomers',
    SourceCode       TEXT NOT NULL DEFAULT '',
    CurrencyCode     TEXT NOT NULL DEFAULT '',
    StartingDate     TEXT NOT NULL DEFAULT '',
    EndingDate       TEXT NOT NULL DEFAULT '',
    MinimumQuantity  NUMERIC NOT NULL DEFAULT 0,
    UnitPrice        NUMERIC NOT NULL DEFAULT 0,
    PriceIncludesVat INTEGER NOT NULL DEFAULT 0,
    AllowLineDisc    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (ItemNo, VariantCode, UnitOfMeasure, SourceType, SourceCode, CurrencyCode, StartingDate, MinimumQuantity)
);
INSERT INTO sales_prices_v5 (ItemNo, VariantCode, SourceType, SourceCode, CurrencyCode, StartingDate, EndingDate, MinimumQuantity,
                             UnitPrice, PriceIncludesVat, AllowLineDisc)
    SELECT ItemNo, VariantCode, SourceType, SourceCode, CurrencyCode, StartingDate, EndingDate, MinimumQuantity,
           UnitPrice, PriceIncludesVat, AllowLineDisc FROM sales_prices;
DROP TABLE sales_prices;
ALTER TABLE sales_prices_v5 RENAME TO sales_prices;
CREATE INDEX sales_prices_by_source_nocase ON sales_prices (SourceType, SourceCode COLLATE NOCASE);

CREATE TRIGGER item_variants_cascade AFTER DELETE ON item_variants
BEGIN
    DELETE FROM item_references   WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM item_vendors      WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM item_translations WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM sales_prices      WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM stock             WHERE ItemNo = old.ItemNo AND VariantCode = old.Code;
    DELETE FROM sales_line_discounts WHERE Type = 'Item' AND Code = old.ItemNo AND VariantCode = old.Code;
END;

ALTER TABLE shop_variants ADD COLUMN UnitOfMeasure TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_variants ADD COLUMN UomOptionId INTEGER NOT NULL DEFAULT 0;
