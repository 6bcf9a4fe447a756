using System.Collections.Concurrent;
using System.Net;
using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Client-credentials tokens (Dev Dashboard apps): <c>POST {shop}/admin/oauth/access_token</c> with
/// grant_type=client_credentials, client_id and client_secret answers <c>access_token</c> and
/// <c>expires_in</c> (about 24 h). The token is cached per shop and app for the whole process and renewed
/// shortly before it expires, or at once when Shopify refuses it.
/// </summary>
internal sealed class ClientCredentialsTokenProvider : AccessTokenProvider
{
    /// <summary>Renew this long before expiry (at most half the token's life), so no request races the expiry.</summary>
    internal static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private static readonly ConcurrentDictionary<string, CachedToken> Cache = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Renewal = new(1, 1);

    private readonly Uri _tokenUri;
    private readonly string _clientId;
    private readonly string _secretVariable;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public ClientCredentialsTokenProvider(Uri shopBase, string clientId, string secretVariable, HttpClient http, TimeProvider time)
    {
        _tokenUri = new Uri(shopBase, "/admin/oauth/access_token");
        _clientId = clientId;
        _secretVariable = secretVariable;
        _http = http;
        _time = time;
    }

    public override string Source => $"client credentials of app {_clientId} (secret in environment variable {_secretVariable})";

    public override bool CanRenew => true;

    private string CacheKey => _tokenUri + "|" + _clientId;

    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(CacheKey, out var cached) && cached.RenewAt > _time.GetUtcNow()) return cached.Token;
        await Renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed while this one waited.
            if (Cache.TryGetValue(CacheKey, out cached) && cached.RenewAt > _time.GetUtcNow()) return cached.Token;
            var fresh = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Cache[CacheKey] = fresh;
            return fresh.Token;
        }
        finally
        {
            Renewal.Release();
        }
    }

    public override void Invalidate(string token)
    {
        if (Cache.TryGetValue(CacheKey, out var cached) && cached.Token == token)
            Cache.TryRemove(new KeyValuePair<string, CachedToken>(CacheKey, cached));
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var secret = ReadSecretVariable(_secretVariable, Source);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _clientId,
                ["client_secret"] = secret,
            }),
        };
        var requestedAt = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ShopifyUnreachableException($"Could not reach {_tokenUri} to obtain an access token: {ex.Message}",
                ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }, null, ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var requestId = ShopifyClient.RequestIdOf(response);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new ShopifyHttpException((int)response.StatusCode, $"The token endpoint {_tokenUri} answered HTTP {(int)response.StatusCode}.", null, requestId, ShopifyClient.RetryAfterOf(response));
            var json = TryParse(body);
            if (!response.IsSuccessStatusCode || json?.Value<string>("access_token") is not { Length: > 0 } token)
            {
                // Only Shopify's error code and description are shown: the body of a success holds the token.
                var reason = json?.Value<string>("error_description") ?? json?.Value<string>("error") ?? $"HTTP {(int)response.StatusCode}";
                throw new ShopifyAuthenticationException(
                    $"Shopify refused the {Source}: {reason}. Check the client id and the secret in {_secretVariable}.",
                    (int)response.StatusCode, Source, requestId: requestId);
            }
            var lifetime = json.Value<double?>("expires_in") is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(24);
            var margin = TimeSpan.FromTicks(Math.Min(RenewalMargin.Ticks, lifetime.Ticks / 2));
            return new CachedToken(token, requestedAt + lifetime - margin);
        }
    }

    private static JObject? TryParse(string body)
    {
        try
        {
            return JToken.Parse(body) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt)
    {
        // Records print their members; this one must never show the token.
        public override string ToString() => $"token renewed at {RenewAt:u}";
    }
}
