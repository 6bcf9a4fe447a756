using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Sync.Import;

/// <summary>
/// The unit of measure an imported Shopify variant stands for when units are variants (items.uomAsVariant): the value of
/// its option named optionNameForUom, and which option that is (Business Central's UoM Option Id, set on every read of
/// a variant, in its UpdateShopifyVariantFields). Without uomAsVariant no variant stands for a unit.
/// </summary>
internal static class UnitOption
{
    public static void Read(ItemSettings settings, ShopifyVariant source, ShopVariant mirror)
    {
        var slot = settings.UomAsVariant
            ? source.SelectedOptions.Select((o, i) => (o, i)).FirstOrDefault(x => string.Equals(x.o.Name, settings.OptionNameForUom, StringComparison.OrdinalIgnoreCase))
            : default;
        mirror.UomOptionId = slot.o is null ? 0 : slot.i + 1;
        mirror.UnitOfMeasure = slot.o is null ? "" : slot.o.Value.ToUpperInvariant();
    }

    /// <summary>The variant's title for its item variant: Shopify titles a variant by all its option values ("L / BOX"),
    /// but the units of one item variant share its description, so the unit's value is left out ("L").</summary>
    public static string ItemVariantTitle(ShopifyVariant source, ShopVariant mirror) => mirror.UomOptionId == 0
        ? source.Title
        : string.Join(" / ", source.SelectedOptions.Where((_, i) => i != mirror.UomOptionId - 1).Select(o => o.Value));

    /// <summary>The variant stands for the item itself in one unit: its only option is the unit (Business Central's
    /// "UoM Option Id = 1 and no Option 2"), so it maps to the item, never to an item variant.</summary>
    public static bool OnlyUnit(ShopifyVariant source, ShopVariant mirror) => mirror.UomOptionId == 1 && source.SelectedOptions.Count == 1;
}
