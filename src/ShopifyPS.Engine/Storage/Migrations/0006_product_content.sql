-- Version 6: product content. An item's customs data (Business Central's Tariff No. and Country/Region of Origin Code),
-- sent to Shopify as the inventory item's harmonized system code and country of origin; and its marketing text per
-- language (Business Central's Entity Text), placed in the product description.
ALTER TABLE items ADD COLUMN TariffNo TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN CountryOfOrigin TEXT NOT NULL DEFAULT '';

CREATE TABLE marketing_texts (
    ItemNo       TEXT NOT NULL REFERENCES items (No) ON DELETE CASCADE,
    LanguageCode TEXT NOT NULL DEFAULT '',
    Text         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ItemNo, LanguageCode)
);
