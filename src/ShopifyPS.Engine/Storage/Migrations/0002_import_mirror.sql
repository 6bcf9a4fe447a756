-- Version 2: what mapping a mirrored product needs without asking Shopify again (I3, I7): its vendor (Vendor Item
-- No. mapping narrows the item vendor catalog by it) and whether it has variants of its own (Business Central's
-- Has Variants: a product with only Shopify's default variant maps to the item, never to an item variant).
ALTER TABLE shop_products ADD COLUMN Vendor TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_products ADD COLUMN HasVariants INTEGER NOT NULL DEFAULT 0;
