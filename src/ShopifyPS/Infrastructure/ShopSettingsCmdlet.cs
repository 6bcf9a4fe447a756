using System.Management.Automation;
using System.Net;
using System.Security;
using ShopifyPS.Erp;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>
/// The profile settings as parameters, one per key of about_ShopifyPS, PROFILE KEYS, shared by New-ShopifyShop and
/// Set-ShopifyShop. Only the parameters the user passed are applied (Set-* changes nothing else).
/// </summary>
public abstract class ShopSettingsCmdlet : ShopifyCmdlet
{
    [Parameter] public string? Domain { get; set; }
    [Parameter] public string? Endpoint { get; set; }
    [Parameter] [ArgumentCompleter(typeof(StoreValueCompleter))] public string? ApiVersion { get; set; }
    [Parameter] public SecureString? AccessToken { get; set; }
    [Parameter] [Alias("TokenEnv")] public string? TokenEnvironmentVariable { get; set; }
    [Parameter] public string? TokenFile { get; set; }
    [Parameter] public string? ClientId { get; set; }
    [Parameter] [Alias("ClientSecretEnv")] public string? ClientSecretEnvironmentVariable { get; set; }
    [Parameter] [ValidateNotNullOrEmpty] public string? SecretName { get; set; }
    [Parameter] [AllowEmptyString] public string? SecretVault { get; set; }
    [Parameter] public string? Database { get; set; }
    [Parameter] public bool AllowOutgoingRequests { get; set; }
    [Parameter] public SyncItemMode SyncItem { get; set; }
    [Parameter] public bool CanUpdateShopifyProducts { get; set; }
    [Parameter] public bool ShopifyCanUpdateItems { get; set; }
    [Parameter] public bool AutoCreateUnknownItems { get; set; }
    [Parameter] [ArgumentCompleter(typeof(StoreValueCompleter))] [AllowEmptyString] public string? ItemTemplateCode { get; set; }
    [Parameter] public SkuMapping SkuMapping { get; set; }
    [Parameter] [ValidateLength(1, 10)] public string? SkuFieldSeparator { get; set; }
    [Parameter] [AllowEmptyString] [ValidateLength(0, 5)] public string? VariantPrefix { get; set; }
    [Parameter] public bool FindMappingByBarcode { get; set; }
    [Parameter] public CreatedProductStatus StatusForCreatedProducts { get; set; }
    [Parameter] public RemovedProductAction ActionForRemovedProducts { get; set; }
    [Parameter] public ImageSyncMode SyncItemImages { get; set; }
    [Parameter] public bool SyncItemExtendedText { get; set; }
    [Parameter] public bool SyncItemAttributes { get; set; }
    [Parameter] public bool SyncItemMarketingText { get; set; }
    [Parameter] [AllowEmptyString] public string? LanguageCode { get; set; }
    [Parameter] public bool InventoryTracked { get; set; }
    [Parameter] public InventoryPolicy DefaultInventoryPolicy { get; set; }
    [Parameter] public InventoryQuantityName InventoryQuantityName { get; set; }
    [Parameter] public RemovedVariantAction ActionForRemovedVariants { get; set; }
    [Parameter] [AllowEmptyCollection] public string[]? Publications { get; set; }
    [Parameter] public bool UomAsVariant { get; set; }
    [Parameter] [ValidateLength(1, 50)] public string? OptionNameForUom { get; set; }
    [Parameter] public bool SyncHsCodeAndCountry { get; set; }
    [Parameter] [AllowEmptyCollection] public string[]? Collections { get; set; }
    /// <summary>Replaces items.metafields; hashtables bind by property name (Owner, Namespace, Key, Type, Attribute, Field).</summary>
    [Parameter] [AllowEmptyCollection] public MetafieldMapping[]? Metafields { get; set; }
    /// <summary>The shop's other languages as locale=LANGUAGECODE (nb=NOR), each synced; replaces languages[].</summary>
    [Parameter] [AllowEmptyCollection] [ValidatePattern("^[^=]+=[^=]+$")] public string[]? Languages { get; set; }
    [Parameter] [ArgumentCompleter(typeof(StoreValueCompleter))] [AllowEmptyString] public string? CustomerPriceGroup { get; set; }
    [Parameter] [AllowEmptyString] public string? CustomerDiscountGroup { get; set; }
    [Parameter] [AllowEmptyString] public string? CustomerTemplateCode { get; set; }
    [Parameter] [ArgumentCompleter(typeof(StoreValueCompleter))] [AllowEmptyString] public string? CurrencyCode { get; set; }

    /// <summary>Copies every bound setting onto the profile. A token passed as -AccessToken goes to a
    /// token file (owner-only) and the profile points at it; any other auth source is then cleared.</summary>
    protected void ApplySettings(ShopProfile profile)
    {
        if (IsBound(nameof(Domain))) profile.Domain = Domain!;
        if (IsBound(nameof(Endpoint))) profile.Endpoint = string.IsNullOrEmpty(Endpoint) ? null : Endpoint;
        if (IsBound(nameof(ApiVersion))) profile.ApiVersion = ApiVersion!;
        ApplyAuth(profile);
        if (IsBound(nameof(Database))) profile.Database = string.IsNullOrEmpty(Database) ? null : Database;
        if (IsBound(nameof(AllowOutgoingRequests))) profile.AllowOutgoingRequests = AllowOutgoingRequests;

        var items = profile.Items;
        if (IsBound(nameof(SyncItem))) items.SyncItem = SyncItem;
        if (IsBound(nameof(CanUpdateShopifyProducts))) items.CanUpdateShopifyProducts = CanUpdateShopifyProducts;
        if (IsBound(nameof(ShopifyCanUpdateItems))) items.ShopifyCanUpdateItems = ShopifyCanUpdateItems;
        if (IsBound(nameof(AutoCreateUnknownItems))) items.AutoCreateUnknownItems = AutoCreateUnknownItems;
        if (IsBound(nameof(ItemTemplateCode))) items.ItemTemplateCode = ItemTemplateCode ?? "";
        if (IsBound(nameof(SkuMapping))) items.SkuMapping = SkuMapping;
        if (IsBound(nameof(SkuFieldSeparator))) items.SkuFieldSeparator = SkuFieldSeparator!;
        if (IsBound(nameof(VariantPrefix))) items.VariantPrefix = VariantPrefix ?? "";
        if (IsBound(nameof(FindMappingByBarcode))) items.FindMappingByBarcode = FindMappingByBarcode;
        if (IsBound(nameof(StatusForCreatedProducts))) items.StatusForCreatedProducts = StatusForCreatedProducts;
        if (IsBound(nameof(ActionForRemovedProducts))) items.ActionForRemovedProducts = ActionForRemovedProducts;
        if (IsBound(nameof(SyncItemImages))) items.SyncItemImages = SyncItemImages;
        if (IsBound(nameof(SyncItemExtendedText))) items.SyncItemExtendedText = SyncItemExtendedText;
        if (IsBound(nameof(SyncItemAttributes))) items.SyncItemAttributes = SyncItemAttributes;
        if (IsBound(nameof(SyncItemMarketingText))) items.SyncItemMarketingText = SyncItemMarketingText;
        if (IsBound(nameof(LanguageCode))) items.LanguageCode = LanguageCode ?? "";
        if (IsBound(nameof(InventoryTracked))) items.InventoryTracked = InventoryTracked;
        if (IsBound(nameof(DefaultInventoryPolicy))) items.DefaultInventoryPolicy = DefaultInventoryPolicy;
        if (IsBound(nameof(InventoryQuantityName))) items.InventoryQuantityName = InventoryQuantityName;
        if (IsBound(nameof(ActionForRemovedVariants))) items.ActionForRemovedVariants = ActionForRemovedVariants;
        if (IsBound(nameof(UomAsVariant))) items.UomAsVariant = UomAsVariant;
        if (IsBound(nameof(UomAsVariant)) && UomAsVariant) RefuseAttributeOptions(profile);
        if (IsBound(nameof(OptionNameForUom))) items.OptionNameForUom = OptionNameForUom!;
        if (IsBound(nameof(Publications))) items.Publications = (Publications ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (IsBound(nameof(SyncHsCodeAndCountry))) items.SyncHsCodeAndCountry = SyncHsCodeAndCountry;
        if (IsBound(nameof(Collections))) items.Collections = (Collections ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        if (IsBound(nameof(Metafields))) items.Metafields = (Metafields ?? []).OfType<MetafieldMapping>().ToList();

        if (IsBound(nameof(Languages)))
            profile.Languages = (Languages ?? []).Select(l => l.Split('=')).Select(p => new LanguageMapping { Locale = p[0].Trim(), LanguageCode = p[1].Trim() }).ToList();

        var prices = profile.Prices;
        if (IsBound(nameof(CustomerPriceGroup))) prices.CustomerPriceGroup = CustomerPriceGroup ?? "";
        if (IsBound(nameof(CustomerDiscountGroup))) prices.CustomerDiscountGroup = CustomerDiscountGroup ?? "";
        if (IsBound(nameof(CustomerTemplateCode))) prices.CustomerTemplateCode = CustomerTemplateCode ?? "";
        if (IsBound(nameof(CurrencyCode))) prices.CurrencyCode = CurrencyCode ?? "";
    }

    /// <summary>Business Central refuses "UoM as Variant" while any item attribute is "As Option" (its Shop
    /// setting): a product has at most 3 options, and units and attributes would both claim them. The shop's item store
    /// is read (a database that does not exist yet holds no attributes).</summary>
    private void RefuseAttributeOptions(ShopProfile profile)
    {
        var marked = OpenStoreAt(Home.DatabaseFor(profile), StoreAccess.Read).Erp.Rows(ErpTables.ItemAttributes, ("AsOption", true));
        if (marked.Count == 0) return;
        var shown = string.Join(", ", marked.Take(5).Select(a => $"item {a.ItemNo} '{a.Attribute}'")) + (marked.Count > 5 ? $" and {marked.Count - 5} more" : "");
        throw Terminate(ErrorCatalog.UomAsVariantConflict,
            $"Units of measure as variants cannot be turned on for shop '{profile.Name}': {marked.Count} item attribute(s) are marked AsOption ({shown}). " +
            "Clear AsOption in item-attributes.csv and load it again, or keep uomAsVariant off.", profile.Name);
    }

    /// <summary>A new token source replaces the old one whole: a profile has exactly one way to get a token.</summary>
    private void ApplyAuth(ShopProfile profile)
    {
        var auth = profile.Auth;
        if (IsBound(nameof(AccessToken)))
        {
            var path = TokenFiles.Write(Home, profile.Name, new NetworkCredential("", AccessToken).Password);
            profile.Auth = new AuthSettings { TokenFile = path };
            return;
        }
        if (IsBound(nameof(TokenEnvironmentVariable))) profile.Auth = new AuthSettings { TokenEnv = TokenEnvironmentVariable };
        else if (IsBound(nameof(TokenFile))) profile.Auth = new AuthSettings { TokenFile = TokenFile };
        else if (IsBound(nameof(ClientId)) || IsBound(nameof(ClientSecretEnvironmentVariable)))
            profile.Auth = new AuthSettings
            {
                ClientId = IsBound(nameof(ClientId)) ? ClientId : auth.ClientId,
                ClientSecretEnv = IsBound(nameof(ClientSecretEnvironmentVariable)) ? ClientSecretEnvironmentVariable : auth.ClientSecretEnv,
            };
        else if (IsBound(nameof(SecretName)) || IsBound(nameof(SecretVault)))
            profile.Auth = new AuthSettings
            {
                SecretName = IsBound(nameof(SecretName)) ? SecretName : auth.SecretName,
                SecretVault = IsBound(nameof(SecretVault)) ? NullIfEmpty(SecretVault) : auth.SecretVault,
            };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>Saves the profile and then deletes the token file ShopifyPS wrote for it when the new token source replaced
    /// it (<paramref name="before"/>: the auth the profile had, null for a new one).</summary>
    protected void SaveReplacingAuth(ShopProfile profile, AuthSettings? before)
    {
        SaveProfile(profile);
        if (before is not null) TokenFiles.DeleteReplaced(Home, profile.Name, before, profile.Auth);
    }
}
