using ShopifyPS.Erp.Model;

namespace ShopifyPS.Storage;

/// <summary>The kinds of value tab completion offers from the store.</summary>
public enum LookupKind { ItemNo, VariantCode, ItemCategoryCode, Sku, CustomerPriceGroup, ItemTemplateCode, CurrencyCode }

/// <summary>
/// Values that begin with what was typed so far, for tab completion: at most <see cref="MaxResults"/>, in order, without
/// case. Every lookup is a range search on an index (migration 0004), so it costs the same on 100,000 items as on ten.
/// </summary>
public static class StoreLookup
{
    public const int MaxResults = 100;

    /// <summary>
    /// The values of <paramref name="kind"/> starting with <paramref name="prefix"/> (case ignored). <paramref name="shop"/>
    /// narrows SKUs to one shop's mirror, <paramref name="itemNo"/> variant codes to one item's variants.
    /// </summary>
    public static IReadOnlyList<string> Find(SqliteStore store, LookupKind kind, string prefix, string? shop = null, string? itemNo = null)
    {
        using var command = store.Command(Sql(kind));
        // LIKE's own wildcards in the prefix only widen the range; the exact prefix test below removes what they let in.
        command.Parameters.AddWithValue("$prefix", prefix + "%");
        command.Parameters.AddWithValue("$scope", (object?)(kind == LookupKind.Sku ? shop : itemNo) ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", MaxResults);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var value = reader.GetString(0);
            if (value.Length > 0 && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) values.Add(value);
        }
        return values;
    }

    /// <summary>The query of each kind: $prefix (ends in %), $scope (shop or item no., NULL for all), $limit.</summary>
    internal static string Sql(LookupKind kind) => kind switch
    {
        LookupKind.ItemNo => Values("items", "No"),
        LookupKind.VariantCode => Values("item_variants", "Code", "($scope IS NULL OR ItemNo = $scope)"),
        LookupKind.ItemCategoryCode => Values("item_categories", "Code"),
        LookupKind.Sku => Values("shop_variants", "Sku", "($scope IS NULL OR Shop = $scope)"),
        LookupKind.CustomerPriceGroup => Values("sales_prices", "SourceCode", $"SourceType = '{nameof(SalesPriceSourceType.CustomerPriceGroup)}'"),
        LookupKind.ItemTemplateCode => Values("item_templates", "Code"),
        LookupKind.CurrencyCode => Values("currencies", "Code"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Values(string table, string column, string? condition = null) =>
        $"SELECT DISTINCT {column} FROM {table} WHERE {column} LIKE $prefix{(condition is null ? "" : " AND " + condition)} " +
        $"ORDER BY {column} COLLATE NOCASE LIMIT $limit";
}
