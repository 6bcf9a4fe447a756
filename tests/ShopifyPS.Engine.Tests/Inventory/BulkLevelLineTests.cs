using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>The reader of BulkInventoryLevels lines takes the same fields a JObject of the line gives, and a line that
/// is not Shopify's JSON is an error naming its line number.</summary>
public sealed class BulkLevelLineTests
{
    private const string Level =
        """{"id":"gid://shopify/InventoryLevel/7?inventory_item_id=31","updatedAt":"2026-05-01T10:00:00Z","quantities":[{"name":"available","quantity":4},{"name":"on_hand","quantity":9}],"item":{"id":"gid://shopify/InventoryItem/31","sku":"1000/RED","tracked":true,"variant":{"id":"gid://shopify/ProductVariant/21"}},"__parentId":"gid://shopify/Location/1"}""";

    private const string LocationLine = """{"id":"gid://shopify/Location/1","name":"Main warehouse","isActive":true}""";
    private const string NoVariant = """{"id":"gid://shopify/InventoryLevel/9","quantities":[],"item":{"id":"gid://shopify/InventoryItem/33","tracked":true,"variant":null},"__parentId":"gid://shopify/Location/1"}""";

    public static TheoryData<string> Lines => new()
    {
        Level,
        // Fields in another order, a quantity name twice, unknown fields with nested values.
        """{"__parentId":"gid://shopify/Location/2","item":{"variant":{"id":"gid://shopify/ProductVariant/22","x":[1,{"y":null}]},"tracked":false,"id":"gid://shopify/InventoryItem/32"},"quantities":[{"quantity":-3,"name":"on_hand"},{"name":"available","quantity":8},{"name":"available","quantity":5}],"id":"gid://shopify/InventoryLevel/8"}""",
        """{"id":"gid://shopify/InventoryLevel/10","quantities":null,"item":null,"__parentId":"gid://shopify/Location/1"}""",
        LocationLine,
        """{"id":"gid://shopify/InventoryLevel/11","quantities":[{"name":"on_hand","quantity":2}],"item":{"id":"gid://shopify/InventoryItem/34","tracked":true,"variant":{"id":"gid://shopify/ProductVariant/24"}},"__parentId":"gid://shopify/Location/3","extra":"\u00e9\"quoted\""}""",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Takes_what_a_JObject_of_the_line_gives(string text)
    {
        foreach (var name in new[] { "available", "on_hand" })
        {
            var json = JObject.Parse(text);
            var item = json["item"] as JObject;
            var expected = new BulkLevelLine(json.Value<string>("id"), json.Value<string>("__parentId"), item?.Value<string>("id"),
                item?.Value<bool?>("tracked") ?? false, item?["variant"]?.Value<string>("id"), ShopifyLevels.QuantityOf(json["quantities"], name));

            Assert.Equal(expected, new BulkLine(1, text).Read(BulkLevelLine.Reader(name)));
        }
    }

    [Fact]
    public void A_level_is_a_line_of_an_inventory_level_with_its_location_and_variant()
    {
        var level = new BulkLine(1, Level).Read(BulkLevelLine.Reader("available"));

        Assert.True(level.IsLevel);
        Assert.Equal(("gid://shopify/Location/1", "gid://shopify/InventoryItem/31", true, "gid://shopify/ProductVariant/21", 4),
            (level.LocationId, level.InventoryItemId, level.Tracked, level.VariantId, level.Quantity));
        Assert.False(new BulkLine(1, LocationLine).Read(BulkLevelLine.Reader("available")).IsLevel);
        Assert.False(new BulkLine(1, NoVariant).Read(BulkLevelLine.Reader("available")).IsLevel);
    }

    [Fact]
    public void Nulls_Shopify_may_write_read_as_nothing()
    {
        const string text = """{"id":"gid://shopify/InventoryLevel/9","quantities":[{"name":"available","quantity":null},{"name":"available","quantity":3}],"item":{"id":"gid://shopify/InventoryItem/33","tracked":null,"variant":null},"__parentId":"gid://shopify/Location/1"}""";

        Assert.Equal(new BulkLevelLine("gid://shopify/InventoryLevel/9", "gid://shopify/Location/1", "gid://shopify/InventoryItem/33", false, null, 0),
            new BulkLine(1, text).Read(BulkLevelLine.Reader("available")));
    }

    [Theory]
    [InlineData("""{"id":"gid://shopify/InventoryLevel/7","quantities":[{"name":"available","quantity":4}""")]
    [InlineData("""{"id":"gid://shopify/InventoryLevel/7","quantities":[{"name":"available","quantity":"four"}]}""")]
    [InlineData("""{"id":"gid://shopify/InventoryLevel/7","item":{"tracked":"yes"}}""")]
    [InlineData("""{"id":7}""")]
    [InlineData("""{"id":"gid://shopify/InventoryLevel/7","quantities":{"name":"available"}}""")]
    [InlineData("""{"id":"gid://shopify/InventoryLevel/7"} {}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""not json""")]
    public void A_line_that_is_not_Shopifys_JSON_is_an_error_with_its_line_number(string text)
    {
        var error = Assert.Throws<ShopifyException>(() => new BulkLine(42, text).Read(BulkLevelLine.Reader("available")));

        Assert.Equal("ShopifyRequestFailed", error.Error.Name);
        Assert.StartsWith("Line 42 of the bulk operation's result file is not what Shopify writes", error.Message);
    }

    [Fact]
    public void A_line_the_token_tree_reader_cannot_read_is_the_same_error()
    {
        var error = Assert.Throws<ShopifyException>(() => new BulkLine(3, """{"id":"gid://shopify/Product/1",""").Parse());

        Assert.StartsWith("Line 3 of the bulk operation's result file", error.Message);
    }
}
