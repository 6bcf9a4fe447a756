using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>The scratch file the translations of a run wait in: what comes back, in which order, and how much is held.</summary>
public sealed class PendingTranslationsTests
{
    private static TranslationChange Change(string value, string? digest) =>
        new("nb", ProductTranslations.TitleKey, null, value, digest, "new product");

    [Fact]
    public void Products_come_back_in_the_order_added_with_their_changes_and_no_more_than_the_buffer_is_held()
    {
        using var pending = new PendingTranslations(bufferSize: 2);
        pending.Add("gid://shopify/Product/1", [Change("En", null)]);
        pending.Add("gid://shopify/Product/2", []);
        pending.Add("gid://shopify/Product/3", [Change("Tre", "d3"), Change("Tre igjen", null)]);
        pending.Add("gid://shopify/Product/4", [Change("Fire", "d4")]);
        pending.Add("gid://shopify/Product/5", [Change("Fem", null)]);

        Assert.Equal(2, pending.MostHeld);
        Assert.Equal(4, pending.Count);
        // Only products with a change whose source text is new have a digest to read.
        Assert.Equal(3, pending.Unread);
        Assert.Equal(["gid://shopify/Product/1", "gid://shopify/Product/3", "gid://shopify/Product/5"], pending.UnreadIds());
        var back = pending.Products().ToList();
        Assert.Equal(["gid://shopify/Product/1", "gid://shopify/Product/3", "gid://shopify/Product/4", "gid://shopify/Product/5"], back.Select(p => p.ProductId));
        Assert.Equal([Change("Tre", "d3"), Change("Tre igjen", null)], back[1].Changes);
    }

    [Fact]
    public void Calls_are_lines_of_their_own_and_a_refusal_is_kept_by_product()
    {
        using var pending = new PendingTranslations(bufferSize: 10);
        pending.AddCall("gid://shopify/Product/7", [Change("Sju", "d7")]);
        pending.AddCall("gid://shopify/Product/6", [Change("Seks", "d6")]);
        pending.Refuse("gid://shopify/Product/6", ["TranslationsRegister: Locale is not enabled", "second"]);

        Assert.Equal(2, pending.CallCount);
        Assert.Equal(["gid://shopify/Product/7", "gid://shopify/Product/6"], pending.Calls().Select(c => c.ProductId));
        var call = pending.Call(1);
        Assert.Equal(("gid://shopify/Product/6", Change("Seks", "d6")), (call.ProductId, Assert.Single(call.Changes)));
        Assert.Equal(["TranslationsRegister: Locale is not enabled", "second"], pending.Refused("gid://shopify/Product/6"));
        Assert.Null(pending.Refused("gid://shopify/Product/7"));
    }
}
