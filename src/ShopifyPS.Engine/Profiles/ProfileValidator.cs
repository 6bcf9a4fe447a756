using System.Net;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ShopifyPS.Profiles;

/// <summary>
/// The rules a well-formed profile must also meet (about_ShopifyPS, PROFILE KEYS): a usable name, a myshopify domain,
/// https unless the endpoint is loopback, exactly one way to get a token, S2/S3 not both on, unique locations.
/// </summary>
internal static partial class ProfileValidator
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^20[0-9]{2}-(01|04|07|10)$")]
    private static partial Regex ApiVersionPattern();

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static List<ProfileProblem> Validate(ShopProfile profile, string file, string expectedName,
        IReadOnlyDictionary<string, Mark> positions)
    {
        var problems = new List<ProfileProblem>();
        void Add(ErrorId id, string key, string message)
        {
            // A key that is missing from the file has no position; the problem then names the file only.
            var (line, column) = positions.TryGetValue(key, out var mark) ? ((int)mark.Line, (int)mark.Column) : (0, 0);
            problems.Add(new ProfileProblem(id, file, line, column, key, message));
        }

        if (string.IsNullOrEmpty(profile.Name))
            Add(ErrorCatalog.ProfileMissingKey, "name", $"The key 'name' is required; it is the shop code used by -Shop (here: '{expectedName}').");
        else if (!string.Equals(profile.Name, expectedName, StringComparison.OrdinalIgnoreCase))
            Add(ErrorCatalog.ProfileInvalidName, "name", $"The name '{profile.Name}' does not match the file name '{expectedName}'; rename one of them.");

        if (string.IsNullOrEmpty(profile.Domain))
            Add(ErrorCatalog.ProfileMissingKey, "domain", "The key 'domain' is required, for example 'contoso.myshopify.com'.");
        else if (!DomainPattern().IsMatch(profile.Domain))
            Add(ErrorCatalog.ProfileInvalidDomain, "domain", $"'{profile.Domain}' is not a Shopify domain; use the store's '<store>.myshopify.com' domain (lower case, no https://).");

        if (!string.IsNullOrEmpty(profile.Endpoint)) ValidateEndpoint(profile.Endpoint, Add);

        if (!ApiVersionPattern().IsMatch(profile.ApiVersion))
            Add(ErrorCatalog.ProfileInvalidApiVersion, "apiVersion", $"'{profile.ApiVersion}' is not a Shopify API version; versions look like YYYY-01, -04, -07 or -10 (default {ShopProfile.DefaultApiVersion}).");

        ValidateAuth(profile.Auth, Add);
        foreach (var (key, value) in new[] { ("auth.tokenEnv", profile.Auth.TokenEnv), ("auth.tokenFile", profile.Auth.TokenFile),
            ("auth.clientId", profile.Auth.ClientId), ("auth.clientSecretEnv", profile.Auth.ClientSecretEnv), ("database", profile.Database),
            ("endpoint", profile.Endpoint) })
        {
            if (TokenShape.LooksLikeToken(value))
                Add(ErrorCatalog.ProfileTokenInSetting, key,
                    $"This looks like an access token or secret itself, not {(key.EndsWith("Env", StringComparison.Ordinal) ? "the name of the environment variable that holds it" : "where it is kept")}; " +
                    "the value is not repeated here. Put the token in an environment variable or a token file, name that instead, and revoke this token: it was stored in plain text.");
        }
        foreach (var (key, value, limit) in ProfileLengths.Of(profile))
        {
            if (value.Length > limit)
                Add(ErrorCatalog.ProfileInvalidValue, key, $"'{value}' has {value.Length} characters; at most {limit} are allowed.");
        }

        if (profile.Items.CanUpdateShopifyProducts && profile.Items.ShopifyCanUpdateItems)
            Add(ErrorCatalog.ProfileConflictingUpdateFlags, "items.shopifyCanUpdateItems",
                "canUpdateShopifyProducts and shopifyCanUpdateItems exclude each other (one side must be the master); turn one of them off.");

        // Business Central turns UoM as Variant off when the option name is cleared; a profile says what it wants instead.
        if (profile.Items.UomAsVariant && string.IsNullOrWhiteSpace(profile.Items.OptionNameForUom))
            Add(ErrorCatalog.ProfileInvalidValue, "items.optionNameForUom",
                $"uomAsVariant needs the name of the option that holds the unit of measure; set it (Set-ShopifyShop {profile.Name} -OptionNameForUom 'Unit of Measure') or turn uomAsVariant off.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Locations.Count; i++)
        {
            var id = profile.Locations[i].Id;
            if (string.IsNullOrEmpty(id))
                Add(ErrorCatalog.ProfileMissingKey, $"locations[{i}]", "Every location needs an 'id' (a gid://shopify/Location/… id from Get-ShopifyLocation).");
            else if (!seen.Add(id))
                Add(ErrorCatalog.ProfileDuplicateLocation, $"locations[{i}].id", $"The location '{id}' is listed twice; keep one entry per Shopify location.");
            try
            {
                LocationFilter.Parse(profile.Locations[i].LocationFilter);
            }
            catch (LocationFilterException ex)
            {
                Add(ErrorCatalog.LocationFilterInvalid, $"locations[{i}].locationFilter",
                    $"{ex.Message} Fix it with Set-ShopifyLocation -Shop {profile.Name} -Location '{profile.Locations[i].Name}' -LocationFilter <filter>.");
            }
        }
        ValidateDefaultLocations(profile, Add);
        MetafieldMappingRules.Validate(profile.Items.Metafields, Add);
        LanguageMappingRules.Validate(profile.Languages, Add);
        return problems;
    }

    /// <summary>Business Central's two rules for where new products are stocked: a fulfillment service's locations and
    /// the shop's own cannot both be default product locations, and a fulfillment service finds variants by SKU.</summary>
    private static void ValidateDefaultLocations(ShopProfile profile, Action<ErrorId, string, string> add)
    {
        var defaults = profile.Locations.Select((l, i) => (Location: l, Index: i)).Where(l => l.Location.DefaultProductLocation).ToList();
        var services = defaults.Where(l => l.Location.FulfillmentService is not null).ToList();
        if (services.Count == 0) return;
        var own = defaults.Where(l => l.Location.FulfillmentService is null).ToList();
        if (own.Count > 0)
            add(ErrorCatalog.DefaultLocationsIncompatible, $"locations[{services[0].Index}].defaultProductLocation",
                $"'{services[0].Location.Name}' belongs to the fulfillment service {services[0].Location.FulfillmentService}, and '{own[0].Location.Name}' is the shop's own: " +
                "new products can be stocked at one kind or the other, not both. Turn one off with Set-ShopifyLocation -Shop " +
                $"{profile.Name} -Location <name> -DefaultProductLocation $false.");
        if (profile.Items.SkuMapping == SkuMapping.Blank)
            add(ErrorCatalog.DefaultLocationsIncompatible, "items.skuMapping",
                $"'{services[0].Location.Name}' (fulfillment service {services[0].Location.FulfillmentService}) is a default product location, and a fulfillment " +
                $"service finds variants by SKU: choose a SKU mapping with Set-ShopifyShop {profile.Name} -SkuMapping ItemNo (or another).");
    }

    private static void ValidateEndpoint(string endpoint, Action<ErrorId, string, string> add)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            add(ErrorCatalog.ProfileInvalidEndpoint, "endpoint", $"'{endpoint}' is not an http(s) URL; leave 'endpoint' out to use https://<domain>.");
            return;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri.Host))
            add(ErrorCatalog.ProfileInsecureEndpoint, "endpoint",
                $"'{endpoint}' sends the access token unencrypted; http is allowed only for loopback (127.0.0.1, ::1, localhost). Use https.");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void ValidateAuth(AuthSettings auth, Action<ErrorId, string, string> add)
    {
        var ways = new[]
        {
            !string.IsNullOrEmpty(auth.TokenEnv),
            !string.IsNullOrEmpty(auth.TokenFile),
            !string.IsNullOrEmpty(auth.ClientId) || !string.IsNullOrEmpty(auth.ClientSecretEnv),
            !string.IsNullOrEmpty(auth.SecretName) || !string.IsNullOrEmpty(auth.SecretVault),
        }.Count(x => x);
        if (ways == 0)
            add(ErrorCatalog.ProfileMissingAuth, "auth",
                "No way to get an access token: set auth.tokenEnv, auth.tokenFile, auth.secretName (a SecretManagement secret, with auth.secretVault when " +
                "it is not in the default vault), or auth.clientId with auth.clientSecretEnv (New-ShopifyShop -AccessToken writes a token file for you).");
        else if (ways > 1)
            add(ErrorCatalog.ProfileAmbiguousAuth, "auth",
                "Set only one of auth.tokenEnv, auth.tokenFile, auth.secretName (+ auth.secretVault), or auth.clientId + auth.clientSecretEnv.");
        else if (string.IsNullOrEmpty(auth.ClientId) != string.IsNullOrEmpty(auth.ClientSecretEnv))
            add(ErrorCatalog.ProfileMissingAuth, "auth", "Client credentials need both auth.clientId and auth.clientSecretEnv.");
        else if (string.IsNullOrEmpty(auth.SecretName) && !string.IsNullOrEmpty(auth.SecretVault))
            add(ErrorCatalog.ProfileMissingAuth, "auth.secretVault", "auth.secretVault names where the secret is; auth.secretName must name the secret.");
    }
}
