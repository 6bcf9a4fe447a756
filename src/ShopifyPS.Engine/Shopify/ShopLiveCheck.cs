namespace ShopifyPS.Shopify;

/// <summary>One thing the live check found wrong, with the stable ErrorId the cmdlet reports it under.</summary>
public sealed record ShopCheckFailure(ErrorId Error, string Message, Exception? Exception = null);

/// <summary>
/// The live part of Test-ShopifyShop: is the shop reachable, is the token accepted, is the API version still
/// served, were the scopes the sync needs granted, do the publications and collections the profile names exist, and do its
/// metafield mappings fit the shop's metafield definitions, and are its synced languages published. Each failure
/// carries a stable ErrorId: ShopifyUnreachable, ShopifyAuthenticationFailed, ShopifyApiVersionUnsupported,
/// ShopifyScopesMissing, ShopifyPublicationNotFound, ShopifyCollectionNotFound, ShopifyMetafieldDefinitionMismatch,
/// ShopifyLocaleNotPublished.
/// </summary>
public sealed class ShopLiveCheck
{
    private ShopLiveCheck(bool? reachable, bool? tokenAccepted, bool? apiVersionSupported, ShopConnection? connection, params ShopCheckFailure[] failures)
    {
        Reachable = reachable;
        TokenAccepted = tokenAccepted;
        ApiVersionSupported = apiVersionSupported;
        Connection = connection;
        Failures = failures;
    }

    /// <summary>Null when the check could not get as far as trying (no token).</summary>
    public bool? Reachable { get; }
    public bool? TokenAccepted { get; }
    public bool? ApiVersionSupported { get; }
    /// <summary>What the shop said about itself; null when the check failed before it answered.</summary>
    public ShopConnection? Connection { get; }
    public IReadOnlyList<ShopCheckFailure> Failures { get; }
    public bool Passed => Failures.Count == 0;

    public static async Task<ShopLiveCheck> RunAsync(ShopifyClient client, CancellationToken cancellationToken = default)
    {
        var profile = client.Profile;
        ShopConnection connection;
        try
        {
            connection = await ShopConnection.CheckAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (ShopifyTokenUnavailableException ex)
        {
            // Its own id: a token source that is not set, not private or not a token says which.
            return new ShopLiveCheck(null, false, null, null, new ShopCheckFailure(ex.Error, ex.Message, ex));
        }
        catch (ShopifyAuthenticationException ex)
        {
            return new ShopLiveCheck(true, false, null, null, new ShopCheckFailure(ErrorCatalog.AuthenticationFailed, ex.Message, ex));
        }
        catch (ShopifyHttpException ex) when (ex.StatusCode == 404)
        {
            return new ShopLiveCheck(true, null, false, null, new ShopCheckFailure(ErrorCatalog.ApiVersionUnsupported, ex.Message, ex));
        }
        catch (ShopifyGraphQLException ex) when (ex.Errors.Any(e => e.Code == "ACCESS_DENIED"))
        {
            return new ShopLiveCheck(true, true, true, null, new ShopCheckFailure(ErrorCatalog.ScopesMissing,
                $"The app may not read the shop or its installation: {ex.Message}", ex));
        }
        catch (ShopifyException ex) when (ex is ShopifyUnreachableException or ShopifyHttpException)
        {
            return new ShopLiveCheck(false, null, null, null, new ShopCheckFailure(ErrorCatalog.Unreachable,
                $"{profile.Name} ({ShopifyClient.BaseUri(profile)}) could not be reached: {ex.Message}", ex));
        }

        var failures = new List<ShopCheckFailure>();
        if (!connection.ApiVersionSupported)
            failures.Add(new ShopCheckFailure(ErrorCatalog.ApiVersionUnsupported,
                $"Shopify no longer serves API version {connection.RequestedApiVersion} and answered with {connection.ServedApiVersion}. Set a supported version with Set-ShopifyShop -ApiVersion."));
        if (connection.MissingScopes.Count > 0)
            failures.Add(new ShopCheckFailure(ErrorCatalog.ScopesMissing,
                $"The app lacks the access scopes {string.Join(", ", connection.MissingScopes)} that the sync needs. Grant them in the app's configuration and reinstall it on {profile.Domain}."));
        else
            // What the profile names in the shop can be read only with the scopes the sync needs.
            failures.AddRange(await ProfileNamesAsync(client, profile, cancellationToken).ConfigureAwait(false));
        return new ShopLiveCheck(true, true, connection.ApiVersionSupported, connection, failures.ToArray());
    }

    /// <summary>The publications, collections, metafield types and languages the profile names, against the shop's.</summary>
    private static async Task<List<ShopCheckFailure>> ProfileNamesAsync(ShopifyClient client, ShopProfile profile, CancellationToken cancellationToken)
    {
        var failures = new List<ShopCheckFailure>();
        if (profile.Items.Publications.Count > 0
            && (await PublicationIds.ResolveAsync(client, profile, cancellationToken).ConfigureAwait(false)).Problem is { } missing)
            failures.Add(new ShopCheckFailure(ErrorCatalog.PublicationNotFound, missing));
        if (profile.Items.Collections.Count > 0
            && (await CollectionIds.ResolveAsync(client, profile, cancellationToken).ConfigureAwait(false)).Problem is { } unusable)
            failures.Add(new ShopCheckFailure(ErrorCatalog.CollectionNotFound, unusable));
        if (profile.Items.Metafields.Count > 0
            && await MetafieldDefinitionCheck.RunAsync(client, profile, cancellationToken).ConfigureAwait(false) is { } mismatch)
            failures.Add(new ShopCheckFailure(ErrorCatalog.MetafieldDefinitionMismatch, mismatch));
        if (await ShopLocales.UnpublishedAsync(client, profile, cancellationToken).ConfigureAwait(false) is { } unpublished)
            failures.Add(new ShopCheckFailure(ErrorCatalog.LocaleNotPublished, unpublished));
        return failures;
    }
}
