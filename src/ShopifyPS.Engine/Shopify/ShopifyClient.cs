using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.Retry;
using ShopifyPS.Profiles;

namespace ShopifyPS.Shopify;

/// <summary>
/// The Shopify Admin GraphQL client for one shop profile: sends the embedded <see cref="QueryDocument"/>s to
/// <c>{endpoint}/admin/api/{apiVersion}/graphql.json</c> with the profile's token, paced by the shop's
/// <see cref="ShopBudget"/> so a steady workload is never THROTTLED, and retried (THROTTLED, 429 with
/// Retry-After, 5xx, timeouts, dropped connections) with exponential backoff and jitter. Errors come back
/// as <see cref="ShopifyException"/>s carrying Shopify's request id; diagnostics go to the
/// <see cref="IProgress{RunEvent}"/> given (Debug: document, status, cost, bucket, request id). The token
/// appears in the request header only — never in an exception, an event or ToString.
/// </summary>
public sealed class ShopifyClient
{
    public const string RequestIdHeader = "X-Request-Id";
    public const string ApiVersionHeader = "X-Shopify-API-Version";
    private const string TokenHeader = "X-Shopify-Access-Token";

    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly ResiliencePropertyKey<bool> RetrySafeKey = new("ShopifyPS.RetrySafe");

    private readonly AccessTokenProvider _tokens;
    private readonly IProgress<RunEvent>? _progress;
    private readonly ResiliencePipeline _graphQlRetry;
    private readonly ResiliencePipeline _transferRetry;

    public ShopifyClient(ShopProfile profile, ShopifyHome home, IProgress<RunEvent>? progress = null, ShopifyClientOptions? options = null)
        : this(profile, null, home, progress, options) { }

    /// <summary>A client with an explicit token source (tests; tools that hold a token themselves).</summary>
    public ShopifyClient(ShopProfile profile, AccessTokenProvider tokens, IProgress<RunEvent>? progress = null, ShopifyClientOptions? options = null)
        : this(profile, tokens, null, progress, options) { }

    private ShopifyClient(ShopProfile profile, AccessTokenProvider? tokens, ShopifyHome? home, IProgress<RunEvent>? progress, ShopifyClientOptions? options)
    {
        Profile = profile;
        Options = options ?? new ShopifyClientOptions();
        Http = Options.Handler is null ? SharedHttp : new HttpClient(Options.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _tokens = tokens ?? AccessTokenProvider.FromProfile(profile, home!, Http, Options.Time);
        _progress = progress;
        GraphQlUri = profile.GraphQlUri;
        Budget = ShopBudget.For(GraphQlUri.Authority);
        _graphQlRetry = RetryPipeline((ex, context) => IsRetryable(ex, context.Properties.GetValue(RetrySafeKey, true)));
        _transferRetry = RetryPipeline((ex, _) => IsRetryable(ex, retrySafe: true));
    }

    public ShopProfile Profile { get; }
    public ShopifyClientOptions Options { get; }
    public Uri GraphQlUri { get; }

    /// <summary>What this client instance has spent (calls, cost, THROTTLED answers, retries).</summary>
    public ClientStatistics Statistics { get; } = new();

    /// <summary>The shop's shared cost budget.</summary>
    public ShopBudget Budget { get; }

    /// <summary>Where the token comes from, for messages (never the token).</summary>
    public string TokenSource => _tokens.Source;

    internal HttpClient Http { get; }
    /// <summary>Where this client reports diagnostics; work built on the client reports its own progress there too.</summary>
    public IProgress<RunEvent>? Progress => _progress;

    public override string ToString() => $"Shopify client for {Profile.Name} ({GraphQlUri})";

    /// <summary>Runs the embedded document <paramref name="documentName"/> with <paramref name="variables"/> (an object or JObject; nulls are sent as null).</summary>
    public Task<ShopifyResponse> ExecuteAsync(string documentName, object? variables = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(QueryDocument.Get(documentName), variables, cancellationToken);

    /// <param name="retrySafe">Overrides the document's own retry rule for this call (see <see cref="QueryDocument.RetrySafe"/>).</param>
    public async Task<ShopifyResponse> ExecuteAsync(QueryDocument document, object? variables, CancellationToken cancellationToken = default, bool? retrySafe = null)
    {
        if (document.IsBulkQuery)
            throw new ArgumentException($"{document.Name} is the text of a bulk export; run it with BulkQueryRunner.", nameof(document));
        if (document.ChangesShop && !Profile.AllowOutgoingRequests)
            throw new ShopifyOutgoingRequestsDisabledException(Profile.Name, document.Name);
        // One body for every attempt: a retry sends exactly the same variables (and so the same idempotency key).
        var body = new JObject
        {
            ["query"] = document.Text,
            ["variables"] = variables is null ? new JObject() : JToken.FromObject(variables),
            ["operationName"] = document.Name,
        }.ToString(Formatting.None);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetrySafeKey, retrySafe ?? document.RetrySafe);
        try
        {
            return await _graphQlRetry.ExecuteAsync(
                static (ctx, state) => new ValueTask<ShopifyResponse>(state.Client.AttemptAsync(state.Document, state.Body, ctx.CancellationToken)),
                context, (Client: this, Document: document, Body: body)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Sends a request that is not GraphQL (staged upload, bulk result download) with the same retries but
    /// no pacing and no token: those URLs belong to the storage service, which must never see the token.
    /// </summary>
    internal Task<HttpResponseMessage> TransferAsync(Func<HttpRequestMessage> buildRequest, string what, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        _transferRetry.ExecuteAsync(async ct =>
        {
            using var request = buildRequest();
            var response = await SendAsync(request, what, null, completion, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return response;
            using (response)
                throw new ShopifyHttpException((int)response.StatusCode, $"{what} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.", null, RequestIdOf(response), RetryAfterOf(response));
        }, cancellationToken).AsTask();

    private async Task<ShopifyResponse> AttemptAsync(QueryDocument document, string body, CancellationToken cancellationToken)
    {
        var reservation = await Budget.ReserveAsync(CostEstimates.For(document), cancellationToken).ConfigureAwait(false);
        QueryCost? cost = null;
        try
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var (response, text) = await PostAsync(document, body, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && _tokens.CanRenew)
            {
                // A renewable token may have been revoked or expired early: get a fresh one and try once more.
                _tokens.Invalidate(token);
                response.Dispose();
                token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                (response, text) = await PostAsync(document, body, token, cancellationToken).ConfigureAwait(false);
            }
            using (response)
            {
                var json = Interpret(document, response, text);
                cost = QueryCost.From(json["extensions"]);
                var requestId = RequestIdOf(response);
                if (cost is not null)
                {
                    Statistics.AddCost(cost);
                    CostEstimates.Learn(document, cost.RequestedQueryCost);
                }
                _progress?.Report(RunEvent.Debug($"Shopify {document.Name}: HTTP {(int)response.StatusCode}, {cost?.ToString() ?? "no cost reported"}, request id {requestId ?? "-"}"));
                ThrowOnErrors(document, json, requestId);
                var data = json["data"] as JObject
                    ?? throw new ShopifyGraphQLException(new[] { new GraphQLError("The answer has no data.", null, null) }, document.Name, requestId);
                return new ShopifyResponse(document, data, cost, requestId, ApiVersionOf(response));
            }
        }
        finally
        {
            Budget.Complete(reservation, cost);
        }
    }

    private async Task<(HttpResponseMessage Response, string Text)> PostAsync(QueryDocument document, string body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQlUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TokenHeader, token);
        Statistics.AddCall();
        var response = await SendAsync(request, "Shopify", document.Name, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        try
        {
            return (response, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            response.Dispose();
            throw new ShopifyUnreachableException($"The connection to {GraphQlUri.Authority} was dropped while Shopify answered: {ex.Message}", false, document.Name, ex);
        }
    }

    /// <summary>One HTTP exchange with the per-attempt timeout; transport failures become <see cref="ShopifyUnreachableException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, string? document, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        try
        {
            return await Http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ShopifyUnreachableException($"{what} did not answer within {Options.RequestTimeout.TotalSeconds:0.#} s.", false, document, ex);
        }
        catch (HttpRequestException ex)
        {
            var notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            throw new ShopifyUnreachableException(UnreachableMessage(request.RequestUri, ex), notSent, document, ex);
        }
        catch (IOException ex)
        {
            throw new ShopifyUnreachableException($"The connection to {request.RequestUri?.Authority} was dropped: {ex.Message}", false, document, ex);
        }
    }

    /// <summary>
    /// What a connection that never got going means, with the endpoint tried: a refused connection is nearly always a wrong
    /// port or an endpoint (the emulator) that is not running, an unknown name a wrong domain. The profile's own endpoint
    /// gets the advice to check it with Test-ShopifyShop.
    /// </summary>
    private string UnreachableMessage(Uri? target, HttpRequestException ex)
    {
        var endpoint = target is null ? "(no address)" : target.GetLeftPart(UriPartial.Authority);
        var isShop = target is not null && target.GetLeftPart(UriPartial.Authority) == GraphQlUri.GetLeftPart(UriPartial.Authority);
        var cause = ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }
            ? $"nothing accepts connections there (connection refused): check the {(isShop ? "profile's endpoint or domain and its port" : "address")}"
            : ex.HttpRequestError == HttpRequestError.NameResolutionError
                ? $"the host name is not known: check the {(isShop ? "profile's domain or endpoint" : "address")}"
                : $"{ex.Message} Check the network";
        return $"Could not connect to {endpoint}: {cause}." +
            (isShop ? $" Test-ShopifyShop {Profile.Name} shows whether the shop answers; Set-ShopifyShop {Profile.Name} -Endpoint/-Domain corrects it." : "");
    }

    /// <summary>Turns the HTTP status into an exception, or the body into JSON.</summary>
    private JObject Interpret(QueryDocument document, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var requestId = RequestIdOf(response);
        switch (status)
        {
            case 401 or 403:
                throw new ShopifyAuthenticationException(
                    $"Shopify refused the access token from the {_tokens.Source} (HTTP {status} {response.ReasonPhrase}). Check that the token belongs to {Profile.Domain} and has not been revoked.",
                    status, _tokens.Source, document.Name, requestId);
            case 404:
                throw new ShopifyHttpException(404,
                    $"{GraphQlUri} answered HTTP 404 Not Found: API version {Profile.ApiVersion} is not served there, or {Profile.Domain} is not a Shopify shop.",
                    document.Name, requestId);
            case 429:
                throw new ShopifyHttpException(429, "Shopify answered HTTP 429 Too Many Requests.", document.Name, requestId, RetryAfterOf(response));
            case >= 500:
                throw new ShopifyHttpException(status, $"Shopify answered HTTP {status} {response.ReasonPhrase}.", document.Name, requestId, RetryAfterOf(response));
            case < 200 or >= 300:
                throw new ShopifyHttpException(status, $"Shopify answered HTTP {status} {response.ReasonPhrase}: {Shorten(text)}", document.Name, requestId);
        }
        try
        {
            return Json.ParseObject(text);
        }
        catch (JsonReaderException ex)
        {
            // A body cut short by a dropped connection; the request may have run.
            throw new ShopifyUnreachableException($"Shopify's answer was not complete JSON: {ex.Message}", false, document.Name, ex);
        }
    }

    private void ThrowOnErrors(QueryDocument document, JObject json, string? requestId)
    {
        var errors = ReadErrors(json["errors"]);
        if (errors.Count == 0) return;
        if (errors.Any(e => e.Code == "THROTTLED"))
        {
            Statistics.AddThrottled();
            throw new ShopifyThrottledException(errors, document.Name, requestId);
        }
        throw new ShopifyGraphQLException(errors, document.Name, requestId);
    }

    internal static IReadOnlyList<GraphQLError> ReadErrors(JToken? errors) => errors switch
    {
        JArray array => array.Select(e => e is JObject o
            ? new GraphQLError(o.Value<string>("message") ?? "", o["extensions"]?.Value<string>("code"),
                o["path"] is JArray path ? string.Join('.', path) : null)
            : new GraphQLError(e.ToString(), null, null)).ToList(),
        JValue { Type: JTokenType.String } text => new[] { new GraphQLError(text.ToString(CultureInfo.InvariantCulture), null, null) },
        _ => Array.Empty<GraphQLError>(),
    };

    /// <summary>Which failures a retry can fix, and when a retry cannot do harm (<paramref name="retrySafe"/> is false for non-idempotent mutations).</summary>
    private static bool IsRetryable(Exception ex, bool retrySafe) => ex switch
    {
        // Refused before running: always safe to send again.
        ShopifyThrottledException => true,
        ShopifyHttpException { StatusCode: 429 } => true,
        ShopifyUnreachableException { CertainlyNotSent: true } => true,
        // May have run: only when running it twice does no harm.
        ShopifyHttpException { StatusCode: >= 500 } => retrySafe,
        ShopifyUnreachableException => retrySafe,
        _ => false,
    };

    private ResiliencePipeline RetryPipeline(Func<Exception, ResilienceContext, bool> shouldRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = Options.Time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, Options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && shouldRetry(ex, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    Statistics.AddRetry();
                    _progress?.Report(RunEvent.Verbose(
                        $"Retrying after {args.RetryDelay.TotalSeconds:0.##} s (attempt {args.AttemptNumber + 2} of {Options.MaxAttempts}): {args.Outcome.Exception?.Message}"));
                    return default;
                },
            })
            .Build();

    /// <summary>Null means the exponential backoff with jitter.</summary>
    private TimeSpan? RetryDelay(Exception? ex) => ex switch
    {
        // The bucket reservation before the next attempt waits exactly as long as the points need to refill.
        ShopifyThrottledException when Budget.Status is not null => TimeSpan.Zero,
        ShopifyHttpException { RetryAfter: { } retryAfter } => retryAfter,
        _ => null,
    };

    internal static Uri BaseUri(ShopProfile profile) =>
        new(string.IsNullOrEmpty(profile.Endpoint) ? $"https://{profile.Domain}" : profile.Endpoint);

    internal static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    private static string? ApiVersionOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ApiVersionHeader, out var values) ? values.FirstOrDefault() : null;

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
