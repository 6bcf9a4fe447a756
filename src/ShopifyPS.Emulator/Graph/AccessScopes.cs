using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.Graph;

/// <summary>
/// The app's access scopes. Shopify refuses a mutation whose scope the app was not granted with a top-level error coded
/// ACCESS_DENIED ("Access denied for productCreate field. Required access: `write_products` access scope."), so a
/// token with too few scopes fails here as it would on a store. The control endpoint may take scopes away.
/// </summary>
internal static class AccessScopes
{
    public static readonly IReadOnlyList<string> All =
    [
        "read_products", "write_products", "read_inventory", "write_inventory", "read_locations",
        "read_files", "write_files", "read_publications", "write_publications", "read_translations", "write_translations", "read_locales",
    ];

    /// <summary>Refuses a mutation field whose write scope is not granted.</summary>
    public static void Demand(string field, IReadOnlyCollection<string> granted)
    {
        if (RequiredFor(field) is { } scope && !granted.Contains(scope))
            throw new GraphFieldException($"Access denied for {field} field. Required access: `{scope}` access scope.", "ACCESS_DENIED");
    }

    private static string? RequiredFor(string field) => field switch
    {
        _ when field.StartsWith("inventory", StringComparison.Ordinal) => "write_inventory",
        _ when field.StartsWith("file", StringComparison.Ordinal) || field == "stagedUploadsCreate" => "write_files",
        _ when field.StartsWith("publishable", StringComparison.Ordinal) => "write_publications",
        _ when field.StartsWith("product", StringComparison.Ordinal) || field.StartsWith("tags", StringComparison.Ordinal) => "write_products",
        // The emulator's metafields belong to products and variants.
        _ when field.StartsWith("metafields", StringComparison.Ordinal) => "write_products",
        _ when field.StartsWith("translations", StringComparison.Ordinal) => "write_translations",
        _ => null,
    };
}
