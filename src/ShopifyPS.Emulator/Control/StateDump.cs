using ShopifyPS.Emulator.GraphQL;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Control;

/// <summary>GET /emulator/state: the whole shop as plain JSON, for assertions in tests.</summary>
internal static class StateDump
{
    public static object Of(ShopStore s) => new
    {
        shop = new { name = s.ShopName, myshopifyDomain = s.Domain, currencyCode = s.Currency },
        publications = s.Publications.Values.Select(p => new { id = p.Gid, title = p.Title }),
        locations = s.Locations.Values.Select(l => new { id = l.Gid, name = l.Name, isActive = l.IsActive, fulfillsOnlineOrders = l.FulfillsOnlineOrders }),
        products = s.Products.Values.Select(p => new
        {
            id = p.Gid, title = p.Title, handle = p.Handle, status = p.Status, vendor = p.Vendor, productType = p.ProductType,
            descriptionHtml = p.DescriptionHtml, tags = p.Tags, seo = new { title = p.SeoTitle, description = p.SeoDescription },
            createdAt = Clock.Format(p.CreatedAt), updatedAt = Clock.Format(p.UpdatedAt),
            options = p.Options.Select(o => new { name = o.Name, values = o.Values.Select(v => v.Name) }),
            media = p.Media.Select(m => m.Gid),
            publications = p.Publications.Keys.Select(id => s.Publications[id].Title),
            metafields = Metafields(p.Metafields),
            collections = s.Collections.Values.Where(c => c.Products.Contains(p)).Select(c => c.Handle),
            translations = p.Translations.Select(t => new { locale = t.Locale, key = t.Key, value = t.Value }),
            variants = p.Variants.Select(v => new
            {
                id = v.Gid, title = v.Title, sku = v.Sku, barcode = v.Barcode, price = v.Price, compareAtPrice = v.CompareAtPrice,
                metafields = Metafields(v.Metafields),
                inventoryPolicy = v.InventoryPolicy, taxable = v.Taxable, taxCode = v.TaxCode,
                options = v.SelectedOptions.Select(o => o.Value),
                inventoryItem = new
                {
                    id = v.InventoryItem.Gid, tracked = v.InventoryItem.Tracked, cost = v.InventoryItem.Cost,
                    weight = v.InventoryItem.WeightValue, weightUnit = v.InventoryItem.WeightUnit,
                    harmonizedSystemCode = v.InventoryItem.HarmonizedSystemCode, countryCodeOfOrigin = v.InventoryItem.CountryCodeOfOrigin,
                    levels = v.InventoryItem.Levels.Values.Select(l => new
                    {
                        locationId = l.Location.Gid, available = l.Get("available"), committed = l.Get("committed"), onHand = l.Get("on_hand"),
                    }),
                },
            }),
        }),
        media = s.Media.Values.Select(m => new
        {
            id = m.Gid, status = m.CurrentStatus(DateTimeOffset.UtcNow), url = m.Url, width = m.Width, height = m.Height,
            mimeType = m.MimeType, products = m.ProductIds.Select(id => Gid.Of("Product", id)), error = m.Error?.Code,
        }),
        bulkOperations = s.BulkOperations.Values.Select(b => new { id = b.Gid, type = b.Type, status = b.Status, objectCount = b.ObjectCount, url = b.Url, errorCode = b.ErrorCode }),
    };

    private static IEnumerable<object> Metafields(MetafieldList list) =>
        list.Items.Select(m => new { @namespace = m.Namespace, key = m.Key, type = m.Type, value = m.Value });
}
