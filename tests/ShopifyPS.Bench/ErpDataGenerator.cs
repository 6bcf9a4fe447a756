using System.Globalization;
using CsvHelper;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;

namespace ShopifyPS.Bench;

/// <summary>How big a synthetic ERP data set is.</summary>
public sealed record ErpDataSize(int Items, int VariantsPerItem, int Locations, long StockRows, int Seed);

/// <summary>
/// Writes a synthetic ERP data set in the format of about_ShopifyPS (THE ERP DATA SET) (the same files, headers and value formats that
/// Import-ShopifyErpData reads, taken from <see cref="ErpTables"/>): vendors, categories, locations, items with
/// variants, a barcode per variant (or per item), the vendor catalog, a retail price per item and stock per
/// variant and location up to <see cref="ErpDataSize.StockRows"/>. Every third item also comes in a BOX (of 6 or 12,
/// with its own price and barcode), and every ninth is sold by the BOX. Rows are streamed, so any size fits in memory.
/// </summary>
public static class ErpDataGenerator
{
    private static readonly string[] Words = ["Storm", "Trail", "Summit", "Fjord", "Polar", "Ridge", "Glacier", "Aurora", "Birch", "Granite", "Tundra", "Coast"];
    private static readonly string[] Things = ["Jacket", "Boot", "Pack", "Tent", "Sleeping bag", "Headlamp", "Glove", "Stove", "Pole", "Bottle"];

    public static IReadOnlyDictionary<string, long> Write(string folder, ErpDataSize size)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(size.Seed);
        var counts = new Dictionary<string, long>();
        var vendors = Enumerable.Range(1, 50).Select(i => new Vendor { No = $"V{i:D5}", Name = $"{Words[i % Words.Length]} Supply {i}" }).ToList();
        var categories = Things.Select((t, i) => new ItemCategory { Code = $"CAT{i:D2}", Description = t + "s" }).ToList();
        var locations = Enumerable.Range(1, size.Locations).Select(i => new Location { Code = $"LOC{i}", Name = $"Warehouse {i}" }).ToList();

        counts["vendors.csv"] = WriteFile(folder, ErpTables.Vendors, vendors);
        counts["item-categories.csv"] = WriteFile(folder, ErpTables.ItemCategories, categories);
        counts["locations.csv"] = WriteFile(folder, ErpTables.Locations, locations);
        counts["setup.csv"] = WriteFile(folder, ErpTables.Setup, [new SetupEntry { Key = SetupEntry.LocalCurrencyCode, Value = "NOK" }]);

        var itemNos = Enumerable.Range(1, size.Items).Select(ItemNo);
        counts["items.csv"] = WriteFile(folder, ErpTables.Items, itemNos.Select(no =>
        {
            var vendor = vendors[random.Next(vendors.Count)];
            return new Item
            {
                No = no, Description = $"{Words[random.Next(Words.Length)]} {Things[random.Next(Things.Length)]} {no}", BaseUnitOfMeasure = "PCS",
                SalesUnitOfMeasure = SoldByTheBox(no) ? "BOX" : "",
                UnitPrice = random.Next(50, 5000) + 0.5m, PriceIncludesVat = true, UnitCost = random.Next(10, 2000), GrossWeight = random.Next(1, 5000) / 1000m,
                VendorNo = vendor.No, VendorItemNo = $"{vendor.No}-{no}", ItemCategoryCode = categories[random.Next(categories.Count)].Code,
                ItemDiscGroup = "GEAR", VatProdPostingGroup = "HIGH",
            };
        }));
        counts["item-variants.csv"] = WriteFile(folder, ErpTables.ItemVariants, itemNos.SelectMany(no =>
            VariantCodes(size).Select(code => new ItemVariant { ItemNo = no, Code = code, Description = $"Variant {code}" })));
        var boxed = Enumerable.Range(1, size.Items).Where(i => i % 3 == 0).Select(i => new ItemUnitOfMeasure { ItemNo = ItemNo(i), Code = "BOX", QtyPerUnitOfMeasure = i % 2 == 0 ? 6 : 12 });
        counts["item-units-of-measure.csv"] = WriteFile(folder, ErpTables.ItemUnitsOfMeasure, boxed);
        long barcode = 7_000_000_000_000;
        counts["item-references.csv"] = WriteFile(folder, ErpTables.ItemReferences, itemNos.SelectMany(no =>
            (size.VariantsPerItem == 0 ? [""] : VariantCodes(size)).SelectMany(code => Units(no).Select(unit => new ItemReference
            {
                ItemNo = no, VariantCode = code, UnitOfMeasure = unit, ReferenceType = ReferenceType.BarCode, ReferenceNo = (++barcode).ToString(CultureInfo.InvariantCulture),
            }))));
        counts["sales-prices.csv"] = WriteFile(folder, ErpTables.SalesPrices, itemNos.SelectMany(no =>
        {
            var price = random.Next(50, 5000);
            // A box costs the customer less than its pieces one by one.
            return Units(no).Select(unit => new SalesPrice
            {
                ItemNo = no, UnitOfMeasure = unit == "PCS" ? "" : unit, SourceType = SalesPriceSourceType.CustomerPriceGroup, SourceCode = "RETAIL",
                StartingDate = new DateOnly(2025, 1, 1), UnitPrice = unit == "PCS" ? price : price * 5, PriceIncludesVat = true,
            });
        }));
        counts["stock.csv"] = WriteFile(folder, ErpTables.Stock, itemNos
            .SelectMany(no => (size.VariantsPerItem == 0 ? [""] : VariantCodes(size)).SelectMany(code => locations.Select(l => new StockEntry
            {
                ItemNo = no, VariantCode = code, LocationCode = l.Code, Inventory = random.Next(0, 200), ReservedQuantity = random.Next(0, 3),
                ScheduledReceipts = random.Next(0, 2) * 10, GrossRequirements = random.Next(0, 4),
            })))
            .Take((int)Math.Min(size.StockRows, int.MaxValue)));
        return counts;
    }

    private static string ItemNo(int i) => $"I{i:D7}";

    private static int IndexOf(string itemNo) => int.Parse(itemNo.AsSpan(1), CultureInfo.InvariantCulture);

    private static bool SoldByTheBox(string itemNo) => IndexOf(itemNo) % 9 == 0;

    private static string[] Units(string itemNo) => IndexOf(itemNo) % 3 == 0 ? ["PCS", "BOX"] : ["PCS"];

    private static IEnumerable<string> VariantCodes(ErpDataSize size) => Enumerable.Range(1, size.VariantsPerItem).Select(v => $"V{v:D2}");

    private static long WriteFile<T>(string folder, ErpTable<T> table, IEnumerable<T> rows) where T : class, new()
    {
        using var writer = new StreamWriter(Path.Combine(folder, table.FileName));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in table.Columns) csv.WriteField(column.Name);
        csv.NextRecord();
        long count = 0;
        foreach (var row in rows)
        {
            foreach (var column in table.Columns) csv.WriteField(column.Format(column.GetValue(row)));
            csv.NextRecord();
            count++;
        }
        return count;
    }
}
