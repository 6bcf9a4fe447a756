using System.Reflection;

namespace ShopifyPS;

/// <summary>
/// Every ErrorId ShopifyPS reports, in one place: exceptions carry one of these, the cmdlet layer turns them into error
/// records, and about_ShopifyPS lists each with its remedy (a test keeps the two in step).
/// </summary>
public static class ErrorCatalog
{
    // Shop profiles
    public static readonly ErrorId ProfileNotFound = new("ShopifyProfileNotFound", ErrorKind.ObjectNotFound,
        "List the profiles with Get-ShopifyShop, or create one with New-ShopifyShop.");
    public static readonly ErrorId ProfileExists = new("ShopifyProfileExists", ErrorKind.ResourceExists,
        "Change it with Set-ShopifyShop, or replace it with New-ShopifyShop -Force.");
    public static readonly ErrorId ProfileSyntaxError = new("ShopifyProfileSyntaxError", ErrorKind.InvalidData,
        "Fix the YAML at the file, line and column named, then run Test-ShopifyShop.");
    public static readonly ErrorId ProfileUnknownKey = new("ShopifyProfileUnknownKey", ErrorKind.InvalidData,
        "Remove or correct the key; the message lists the keys allowed there.");
    public static readonly ErrorId ProfileInvalidValue = new("ShopifyProfileInvalidValue", ErrorKind.InvalidData,
        "Use one of the values the message lists (Set-ShopifyShop completes them).");
    public static readonly ErrorId ProfileWrongType = new("ShopifyProfileWrongType", ErrorKind.InvalidData,
        "Give the key a value of the type named (text, true/false, a number, a list).");
    public static readonly ErrorId ProfileMissingKey = new("ShopifyProfileMissingKey", ErrorKind.InvalidData,
        "Add the key named; New-ShopifyShop writes a complete profile.");
    public static readonly ErrorId ProfileInvalidName = new("ShopifyProfileInvalidName", ErrorKind.InvalidArgument,
        "Use letters, digits, '-' and '_' only; the name must match the file name.");
    public static readonly ErrorId ProfileInvalidDomain = new("ShopifyProfileInvalidDomain", ErrorKind.InvalidData,
        "Give the shop's <name>.myshopify.com domain.");
    public static readonly ErrorId ProfileInvalidEndpoint = new("ShopifyProfileInvalidEndpoint", ErrorKind.InvalidData,
        "Give an absolute http(s) URL, or remove 'endpoint' to use https://<domain>.");
    public static readonly ErrorId ProfileInsecureEndpoint = new("ShopifyProfileInsecureEndpoint", ErrorKind.SecurityError,
        "Use https, or http only to a loopback address (the emulator).");
    public static readonly ErrorId ProfileInvalidApiVersion = new("ShopifyProfileInvalidApiVersion", ErrorKind.InvalidData,
        "Give an API version of the form YYYY-MM (for example 2026-04).");
    public static readonly ErrorId ProfileMissingAuth = new("ShopifyProfileMissingAuth", ErrorKind.InvalidData,
        "Name a token source: New-ShopifyShop -AccessToken, -TokenEnvironmentVariable, -SecretName or -ClientId/-ClientSecretEnvironmentVariable.");
    public static readonly ErrorId ProfileAmbiguousAuth = new("ShopifyProfileAmbiguousAuth", ErrorKind.InvalidData,
        "Keep exactly one token source under 'auth'.");
    public static readonly ErrorId ProfileConflictingUpdateFlags = new("ShopifyProfileConflictingUpdateFlags", ErrorKind.InvalidData,
        "Turn off canUpdateShopifyProducts or shopifyCanUpdateItems: only one side may update the other.");
    public static readonly ErrorId ProfileDuplicateLocation = new("ShopifyProfileDuplicateLocation", ErrorKind.InvalidData,
        "Keep one entry per location id; Update-ShopifyLocation rewrites the list from Shopify.");
    public static readonly ErrorId ProfileTokenInSetting = new("ShopifyProfileTokenInSetting", ErrorKind.SecurityError,
        "Put the token in an environment variable or a token file and name that in the profile (Set-ShopifyShop -TokenEnvironmentVariable or -AccessToken); then revoke the exposed token.");
    public static readonly ErrorId ProfileUnreadable = new("ShopifyProfileUnreadable", ErrorKind.ReadError,
        "Give the account that runs ShopifyPS read access to the profile file the message names.");
    public static readonly ErrorId InsecurePermissions = new("ShopifyInsecurePermissions", ErrorKind.SecurityError,
        "Run the chmod (or, on Windows, icacls) command the message gives, so that only your account can change the file (or, for a token, read it).");
    public static readonly ErrorId UomAsVariantConflict = new("ShopifyUomAsVariantConflict", ErrorKind.InvalidOperation,
        "Clear AsOption of the item attributes the message names (item-attributes.csv), or keep uomAsVariant off: units as variants and attributes as options exclude each other, as in Business Central.");
    public static readonly ErrorId ItemAsVariantRefused = new("ShopifyItemAsVariantRefused", ErrorKind.InvalidOperation,
        "Add items as variants only to a product with one option (or only Shopify's default variant) of a shop with uomAsVariant off; Add-ShopifyItem without -AsVariantOf gives the item a product of its own.");
    public static readonly ErrorId DomainRequired = new("ShopifyDomainRequired", ErrorKind.InvalidArgument,
        "Pass -Domain <name>.myshopify.com to New-ShopifyShop.");
    public static readonly ErrorId ShopRequired = new("ShopifyShopRequired", ErrorKind.InvalidArgument,
        "Pass -Shop <profile name>.");

    // Shopify: connection, authentication and requests
    public static readonly ErrorId TokenMalformed = new("ShopifyTokenMalformed", ErrorKind.InvalidData,
        "Write the token alone on one line, without spaces, quotes or line breaks inside it, in the source the message names.");
    public static readonly ErrorId AuthenticationFailed = new("ShopifyAuthenticationFailed", ErrorKind.AuthenticationError,
        "Check the token source the message names (variable set, file readable, token not revoked); Test-ShopifyShop tries it.");
    public static readonly ErrorId SecretUnavailable = new("ShopifySecretUnavailable", ErrorKind.ResourceUnavailable,
        "Install and import Microsoft.PowerShell.SecretManagement with a vault, store the token with Set-Secret under the profile's secretName, and check that Get-Secret returns it.");
    public static readonly ErrorId ApiVersionUnsupported = new("ShopifyApiVersionUnsupported", ErrorKind.InvalidArgument,
        "Set a supported version with Set-ShopifyShop -ApiVersion (Shopify supports each for a year).");
    public static readonly ErrorId ScopesMissing = new("ShopifyScopesMissing", ErrorKind.PermissionDenied,
        "Grant the app the access scopes the message names, then reinstall it or create a new token.");
    public static readonly ErrorId Unreachable = new("ShopifyUnreachable", ErrorKind.ConnectionError,
        "Check the domain or endpoint and the network; Test-ShopifyShop shows what answers. A rerun continues where this stopped.");
    public static readonly ErrorId Throttled = new("ShopifyThrottled", ErrorKind.LimitsExceeded,
        "Another app uses the shop's API budget; run again later. A rerun continues where this stopped.");
    public static readonly ErrorId UserError = new("ShopifyUserError", ErrorKind.InvalidData,
        "Shopify refused the input for the field named; correct the ERP data or the setting behind it.");
    public static readonly ErrorId BulkOperationFailed = new("ShopifyBulkOperationFailed", ErrorKind.OperationStopped,
        "Run again; a rerun continues where this stopped. If it keeps failing, check Shopify's status page.");
    public static readonly ErrorId RequestFailed = new("ShopifyRequestFailed", ErrorKind.InvalidOperation,
        "Shopify could not run the request; the message carries Shopify's request id for a support ticket.");
    public static readonly ErrorId OutgoingRequestsDisabled = new("ShopifyOutgoingRequestsDisabled", ErrorKind.PermissionDenied,
        "Turn the kill switch back on with Set-ShopifyShop <shop> -AllowOutgoingRequests $true.");

    // The database and run logs
    public static readonly ErrorId StoreBusy = new("ShopifyStoreBusy", ErrorKind.ResourceBusy,
        "Another run holds the database; wait for it, or raise $env:SHOPIFYPS_LOCK_TIMEOUT.");
    public static readonly ErrorId StoreUnusable = new("ShopifyStoreUnusable", ErrorKind.InvalidData,
        "Use the ShopifyPS that wrote the database, or restore it from a backup; the message says which.");
    public static readonly ErrorId LockTimeoutInvalid = new("ShopifyLockTimeoutInvalid", ErrorKind.InvalidArgument,
        "Set $env:SHOPIFYPS_LOCK_TIMEOUT to a number of seconds, or remove it.");
    public static readonly ErrorId DefaultLocationsIncompatible = new("ShopifyDefaultLocationsIncompatible", ErrorKind.InvalidArgument,
        "Make either the shop's own locations or a fulfillment service's the default product locations, and give a fulfillment service a SKU mapping.");
    public static readonly ErrorId HomeUnusable = new("ShopifyHomeUnusable", ErrorKind.WriteError,
        "Point $env:SHOPIFYPS_HOME at a folder the account that runs ShopifyPS may write, or move aside the file in the way.");
    public static readonly ErrorId RunLogNotWritable = new("ShopifyRunLogNotWritable", ErrorKind.WriteError,
        "Give the account that runs ShopifyPS write access to <home>/logs.");

    // ERP data and items
    public static readonly ErrorId ErpDataFolderNotFound = new("ShopifyErpDataFolderNotFound", ErrorKind.ObjectNotFound,
        "Give -Path the folder that holds the CSV files.");
    public static readonly ErrorId ErpDataInvalidRow = new("ShopifyErpDataInvalidRow", ErrorKind.InvalidData,
        "Fix the row at the file, line and column named and import again; the other rows were loaded.");
    public static readonly ErrorId ShopifyErpDataEncodingInvalid = new("ShopifyErpDataEncodingInvalid", ErrorKind.InvalidData,
        "Save the file as UTF-8 (Excel: CSV UTF-8), or name its encoding with Import-ShopifyErpData -Encoding (for example windows-1252).");
    public static readonly ErrorId ShopifyErpDataEncodingUnknown = new("ShopifyErpDataEncodingUnknown", ErrorKind.InvalidArgument,
        "Give -Encoding a known name (utf-8, windows-1252, iso-8859-1) or a code page number.");
    public static readonly ErrorId ItemNotFound = new("ShopifyItemNotFound", ErrorKind.ObjectNotFound,
        "Check the item no. with Get-ShopifyItem, or load it with Import-ShopifyErpData.");
    public static readonly ErrorId ItemInvalid = new("ShopifyItemInvalid", ErrorKind.InvalidArgument,
        "Correct the value named; nothing of that item was changed.");
    public static readonly ErrorId ItemVariantNotFound = new("ShopifyItemVariantNotFound", ErrorKind.ObjectNotFound,
        "Use one of the item's variant codes the message lists.");

    // Products and mapping
    public static readonly ErrorId ProductNotFound = new("ShopifyProductNotFound", ErrorKind.ObjectNotFound,
        "Check the id with Get-ShopifyProduct; the product may have been deleted in Shopify.");
    public static readonly ErrorId ProductIdInvalid = new("ShopifyProductIdInvalid", ErrorKind.InvalidArgument,
        "Give a product number or a gid://shopify/Product/<number>.");
    public static readonly ErrorId ProductChangeMissing = new("ShopifyProductChangeMissing", ErrorKind.InvalidArgument,
        "Pass at least one of the change parameters (see Get-Help Set-ShopifyProduct).");
    public static readonly ErrorId ProductChangeFailed = new("ShopifyProductChangeFailed", ErrorKind.InvalidResult,
        "Shopify refused the change; the message says why.");
    public static readonly ErrorId VariantNotMirrored = new("ShopifyVariantNotMirrored", ErrorKind.ObjectNotFound,
        "Import the shop's products first (Sync-ShopifyProduct on a FromShopify shop), then map.");
    public static readonly ErrorId MappingExists = new("ShopifyMappingExists", ErrorKind.InvalidOperation,
        "Pass -Force to move the mapping, or map another item.");
    public static readonly ErrorId MappingAmbiguous = new("ShopifyMappingAmbiguous", ErrorKind.InvalidOperation,
        "Name the one Shopify variant with -VariantId.");

    public static readonly ErrorId CollectionNotFound = new("ShopifyCollectionNotFound", ErrorKind.ObjectNotFound,
        "Name custom collections the shop has, by handle or title (Set-ShopifyShop -Collections); smart collections cannot take products by hand.");
    public static readonly ErrorId MetafieldDefinitionMismatch = new("ShopifyMetafieldDefinitionMismatch", ErrorKind.InvalidData,
        "Give each items.metafields mapping the type of the shop's definition for it, or change the definition in Shopify admin.");
    public static readonly ErrorId LocaleNotPublished = new("ShopifyLocaleNotPublished", ErrorKind.ObjectNotFound,
        "Add and publish the language in Shopify admin (Settings > Languages), or set syncTranslations: false for it in the profile's languages.");
    public static readonly ErrorId PublicationNotFound = new("ShopifyPublicationNotFound", ErrorKind.ObjectNotFound,
        "Name sales channels the shop has (Set-ShopifyShop -Publications), or grant the app read_publications.");

    // Locations
    public static readonly ErrorId LocationNotFound = new("ShopifyLocationNotFound", ErrorKind.ObjectNotFound,
        "List the shop's locations with Get-ShopifyLocation; Update-ShopifyLocation adds new ones to the profile.");
    public static readonly ErrorId LocationAmbiguous = new("ShopifyLocationAmbiguous", ErrorKind.InvalidArgument,
        "Name the location by its id (gid://shopify/Location/<number>).");
    public static readonly ErrorId LocationFilterInvalid = new("ShopifyLocationFilterInvalid", ErrorKind.InvalidData,
        "Fix the filter at the column named, with Set-ShopifyLocation -LocationFilter (codes joined by | and ranges with ..).");

    // Runs
    public static readonly ErrorId SyncItemDisabled = new("ShopifySyncItemDisabled", ErrorKind.InvalidOperation,
        "Choose a direction with Set-ShopifyShop <shop> -SyncItem ToShopify or FromShopify.");
    public static readonly ErrorId SyncParameterNotForDirection = new("ShopifySyncParameterNotForDirection", ErrorKind.InvalidArgument,
        "Use -ItemNo/-Force with a ToShopify shop, -ProductId/-Query with a FromShopify shop.");
    public static readonly ErrorId ProductUpdatesDisabled = new("ShopifyProductUpdatesDisabled", ErrorKind.InvalidOperation,
        "Allow updates with Set-ShopifyShop <shop> -CanUpdateShopifyProducts $true.");
    public static readonly ErrorId ImageSyncDisabled = new("ShopifyImageSyncDisabled", ErrorKind.InvalidOperation,
        "Turn picture sync on with Set-ShopifyShop <shop> -SyncItemImages ToShopify (or FromShopify).");
    public static readonly ErrorId PictureUnusable = new("ShopifyPictureUnusable", ErrorKind.InvalidData,
        "Replace the picture file the message names (a PNG, JPEG, GIF or WEBP Shopify accepts), or pass -ScaleDown for one that is too large; the item's other data was synchronized.");
    public static readonly ErrorId SyncRecordFailed = new("ShopifySyncRecordFailed", ErrorKind.InvalidResult,
        "The record's message says why; fix it and run again. The other records were synchronized.");
    public static readonly ErrorId ExchangeRateMissing = new("ShopifyExchangeRateMissing", ErrorKind.InvalidData,
        "Add an exchange rate for the shop's currency to exchange-rates.csv and import it.");
    public static readonly ErrorId CustomerTemplateUnknown = new("ShopifyCustomerTemplateUnknown", ErrorKind.InvalidData,
        "Add the template to customer-templates.csv, or change the shop's customerTemplateCode.");
    public static readonly ErrorId VatSetupMissing = new("ShopifyVatSetupMissing", ErrorKind.InvalidData,
        "Add the VAT posting group pair the message names to vat-setup.csv and import it.");
    public static readonly ErrorId RunNotFound = new("ShopifyRunNotFound", ErrorKind.ObjectNotFound,
        "List the shop's runs with Get-ShopifySyncRun -Shop <shop>; runs of a -WhatIf are not recorded.");
    public static readonly ErrorId UnexpectedError = new("ShopifyUnexpectedError", ErrorKind.NotSpecified,
        "ShopifyPS did not expect this; run again with -Debug and report the message and the run log.");

    /// <summary>Every id above, in declaration order.</summary>
    public static IReadOnlyList<ErrorId> All { get; } = typeof(ErrorCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorId))
        .Select(f => (ErrorId)f.GetValue(null)!)
        .ToList();
}
