using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>An HttpMessageHandler that answers from a script and records every request it saw.</summary>
internal sealed class FakeShopify : HttpMessageHandler
{
    public const string Token = "shpat_secret_0123456789abcdef";
    private readonly Queue<Func<Recorded, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<Recorded> Requests { get; } = new();

    /// <summary>Answers requests when the script is empty.</summary>
    public Func<Recorded, HttpResponseMessage>? Fallback { get; set; }

    public FakeShopify Then(Func<Recorded, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeShopify Then(Func<Recorded, HttpResponseMessage> answer) => Then((r, _) => Task.FromResult(answer(r)));

    public FakeShopify ThenJson(object body, int status = 200, string requestId = "req-1") => Then(_ => Json(body, status, requestId));

    public FakeShopify ThenData(object data, int requested = 10, int actual = 10, double available = 990, string requestId = "req-1") =>
        ThenJson(new { data, extensions = Cost(requested, actual, available) }, 200, requestId);

    public FakeShopify ThenThrottled(double available = 0) =>
        ThenJson(new
        {
            errors = new[] { new { message = "Throttled", extensions = new { code = "THROTTLED" } } },
            extensions = Cost(10, null, available),
        }, 200, "req-throttled");

    public FakeShopify ThenStatus(int status, string? retryAfter = null) => Then(_ =>
    {
        var response = Json(new { errors = "status " + status }, status, "req-" + status);
        if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    });

    public FakeShopify ThenThrow(Exception ex) => Then((_, _) => Task.FromException<HttpResponseMessage>(ex));

    public static object Cost(int requested, int? actual, double available, double maximum = 1000, double rate = 50) => new
    {
        cost = new
        {
            requestedQueryCost = requested,
            actualQueryCost = actual,
            throttleStatus = new { maximumAvailable = maximum, currentlyAvailable = available, restoreRate = rate },
        },
    };

    public static HttpResponseMessage Json(object body, int status = 200, string? requestId = "req-1")
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json"),
        };
        if (requestId != null) response.Headers.Add(ShopifyClient.RequestIdHeader, requestId);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new Recorded(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Content?.Headers.ContentType?.MediaType);
        Requests.Add(recorded);
        if (_script.TryDequeue(out var answer)) return await answer(recorded, cancellationToken);
        return Fallback?.Invoke(recorded) ?? throw new InvalidOperationException($"No scripted answer for request {Requests.Count}: {recorded.Uri}");
    }

    /// <summary>The GraphQL requests only (not token exchanges, uploads or downloads).</summary>
    public IEnumerable<Recorded> GraphQL => Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/graphql.json", StringComparison.Ordinal));

    public sealed record Recorded(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, string? ContentType)
    {
        public JObject Json => JObject.Parse(Body);
        public string? OperationName => Json.Value<string>("operationName");
    }
}

/// <summary>Profiles and clients for the fake: each test gets its own shop domain, so budgets and token caches never mix.</summary>
internal static class FakeClients
{
    public static readonly ShopifyClientOptions FastRetries = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxAttempts = 4,
        BulkPollInterval = TimeSpan.FromMilliseconds(1),
        BulkSlowPollInterval = TimeSpan.FromMilliseconds(1),
    };

    public static ShopProfile Profile(AuthSettings? auth = null) => new()
    {
        Name = "fake",
        Domain = $"fake-{Guid.NewGuid():N}.myshopify.com",
        Auth = auth ?? new AuthSettings { TokenEnv = "UNUSED" },
    };

    public static ShopifyClient Client(FakeShopify fake, IProgress<RunEvent>? progress = null, ShopifyClientOptions? options = null) =>
        new(Profile(), new FixedToken(), progress, WithHandler(options ?? FastRetries, fake));

    public static ShopifyClientOptions WithHandler(ShopifyClientOptions options, HttpMessageHandler handler, TimeProvider? time = null) => new()
    {
        RetryBaseDelay = options.RetryBaseDelay,
        MaxRetryDelay = options.MaxRetryDelay,
        MaxAttempts = options.MaxAttempts,
        RequestTimeout = options.RequestTimeout,
        BulkPollInterval = options.BulkPollInterval,
        BulkSlowPollInterval = options.BulkSlowPollInterval,
        Handler = handler,
        Time = time ?? options.Time,
    };

    private sealed class FixedToken : AccessTokenProvider
    {
        public override string Source => "test token";
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(FakeShopify.Token);
    }
}

/// <summary>Collects the events a client reports.</summary>
internal sealed class EventLog : IProgress<RunEvent>
{
    private readonly List<RunEvent> _events = new();

    public IReadOnlyList<RunEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public void Report(RunEvent value)
    {
        lock (_events) _events.Add(value);
    }
}
