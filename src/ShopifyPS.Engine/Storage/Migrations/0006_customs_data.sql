-- Version 6: an item's customs data (Business Central's Tariff No. and Country/Region of Origin Code), sent to Shopify
-- as the inventory item's harmonized system code and country of origin.
ALTER TABLE items ADD COLUMN TariffNo TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN CountryOfOrigin TEXT NOT NULL DEFAULT '';

