using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// Completes item numbers, variant codes, item categories, SKUs (the shop's Shopify mirror), customer price groups, item
/// templates and currencies from the store, by the parameter being completed; and API versions from the versions Shopify
/// serves today. The store is -Database's, else the database of -Shop's profile, else the default one; a store that does
/// not exist or cannot be read completes nothing (the command itself will say why).
/// </summary>
public sealed class StoreValueCompleter : IArgumentCompleter
{
    // A completion must not hang the prompt behind a running sync's write transaction.
    private static readonly StoreOptions QuickOpen = new(TimeSpan.FromSeconds(1));

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        if (parameterName == "ApiVersion")
            return ApiVersions.SupportedOn(DateOnly.FromDateTime(DateTime.Now))
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(NameCompletions.For);
        if (KindOf(parameterName) is not { } kind) return [];
        try
        {
            var home = ShopifyHome.FromEnvironment();
            var shop = Bound(fakeBoundParameters, "Shop");
            var path = DatabaseOf(home, Bound(fakeBoundParameters, "Database"), shop);
            if (!File.Exists(path)) return [];
            using var store = SqliteStore.Open(path, StoreAccess.Read, QuickOpen);
            var itemNo = Bound(fakeBoundParameters, "ItemNo") ?? Bound(fakeBoundParameters, "No");
            return StoreLookup.Find(store, kind, prefix, shop, itemNo).Select(NameCompletions.For).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ShopifyPSException)
        {
            return [];
        }
    }

    private static LookupKind? KindOf(string parameterName) => parameterName switch
    {
        "No" or "ItemNo" => LookupKind.ItemNo,
        "VariantCode" => LookupKind.VariantCode,
        "ItemCategoryCode" => LookupKind.ItemCategoryCode,
        "Sku" => LookupKind.Sku,
        "CustomerPriceGroup" => LookupKind.CustomerPriceGroup,
        "ItemTemplateCode" => LookupKind.ItemTemplateCode,
        "CurrencyCode" => LookupKind.CurrencyCode,
        _ => null,
    };

    private static string DatabaseOf(ShopifyHome home, string? database, string? shop) =>
        database is not null ? Path.GetFullPath(ShopifyHome.ExpandUser(database))
        : shop is not null ? home.DatabaseFor(new ShopProfileStore(home).Load(shop))
        : home.DefaultDatabase;

    /// <summary>A parameter typed before the one being completed, as text (the parser hands -ItemNo 1001 over as a number);
    /// a list (as -No 1000, 1001) narrows nothing.</summary>
    private static string? Bound(IDictionary parameters, string name) => parameters[name] switch
    {
        null or IEnumerable and not string => null,
        var value => value.ToString() is { Length: > 0 } text ? text : null,
    };
}
