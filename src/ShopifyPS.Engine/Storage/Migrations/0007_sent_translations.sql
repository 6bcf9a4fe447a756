-- Version 7: the product translations ShopifyPS registered in the shop's other languages, per product, locale and key
-- (title, body_html): the value sent and the digest of the source text it translated. A translation is sent again
-- when its ERP value or Shopify's source digest differs from this record.
CREATE TABLE sent_translations (
    Shop      TEXT NOT NULL,
    ProductId TEXT NOT NULL,
    Locale    TEXT NOT NULL,
    Key       TEXT NOT NULL,
    Value     TEXT NOT NULL,
    Digest    TEXT NOT NULL,
    SentAt    TEXT NOT NULL,
    PRIMARY KEY (Shop, ProductId, Locale, Key),
    FOREIGN KEY (Shop, ProductId) REFERENCES shop_products (Shop, Id) ON DELETE CASCADE
);
