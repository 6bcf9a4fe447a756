-- Version 4: tab completion looks values up by the prefix typed so far (StoreLookup). SQLite runs "LIKE 'x%'" as a
-- range search only on an index with the NOCASE collation (case_sensitive_like is off), so each completed column gets one.
CREATE INDEX items_by_no_nocase ON items (No COLLATE NOCASE);
CREATE INDEX item_variants_by_code_nocase ON item_variants (Code COLLATE NOCASE, ItemNo);
CREATE INDEX item_categories_by_code_nocase ON item_categories (Code COLLATE NOCASE);
CREATE INDEX item_templates_by_code_nocase ON item_templates (Code COLLATE NOCASE);
CREATE INDEX currencies_by_code_nocase ON currencies (Code COLLATE NOCASE);
CREATE INDEX sales_prices_by_source_nocase ON sales_prices (SourceType, SourceCode COLLATE NOCASE);
CREATE INDEX shop_variants_by_sku_nocase ON shop_variants (Sku COLLATE NOCASE, Shop);
