using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Emulator;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Integration;

/// <summary>A real emulator on loopback, and ShopifyPS clients pointed at it through a shop profile.</summary>
public sealed class EmulatorShop : IAsyncDisposable
{
    private readonly HttpClient _control;

    private EmulatorShop(RunningEmulator emulator)
    {
        Emulator = emulator;
        _control = new HttpClient { BaseAddress = emulator.BaseUri };
    }

    public RunningEmulator Emulator { get; }

    public static async Task<EmulatorShop> StartAsync(int bucket = 1000, double restoreRate = 1000) =>
        new(await EmulatorHost.StartAsync(new EmulatorOptions { BucketSize = bucket, RestoreRate = restoreRate }));

    public ShopProfile Profile(string apiVersion = "2026-04") => new()
    {
        Name = "emulator",
        Domain = "emulator.myshopify.com",
        Endpoint = Emulator.BaseUri.ToString().TrimEnd('/'),
        ApiVersion = apiVersion,
        Auth = new AuthSettings { TokenEnv = "UNUSED" },
    };

    /// <param name="profile">The profile the client works for (as in a sync run, one object shared with the job); a new one by default.</param>
    public ShopifyClient Client(ShopifyClientOptions? options = null, IProgress<RunEvent>? progress = null, string? token = null, string apiVersion = "2026-04", ShopProfile? profile = null) =>
        new(profile ?? Profile(apiVersion), new TestToken(token ?? Emulator.Token), progress, options ?? Fast);

    public static readonly ShopifyClientOptions Fast = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 8,
        BulkPollInterval = TimeSpan.FromMilliseconds(20),
        BulkSlowPollInterval = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Loads products etc. through /emulator/seed; returns what the emulator created (ids).</summary>
    public Task<JToken> SeedAsync(object seed) => ControlAsync(HttpMethod.Post, "emulator/seed", seed);

    public Task<JToken> ResetAsync(object? seed = null) => ControlAsync(HttpMethod.Post, "emulator/reset", seed is null ? new { } : new { seed });

    public Task<JToken> FaultsAsync(object rules) => ControlAsync(HttpMethod.Post, "emulator/faults", rules);

    public Task<JToken> ClearFaultsAsync() => ControlAsync(HttpMethod.Delete, "emulator/faults", null);

    public async Task<JArray> RequestsAsync() => (JArray)await ControlAsync(HttpMethod.Get, "emulator/requests", null);

    public async Task<JObject> StateAsync() => (JObject)await ControlAsync(HttpMethod.Get, "emulator/state", null);

    /// <summary>Sets quantities as if something other than ShopifyPS changed them (/emulator/inventory).</summary>
    public Task<JToken> InventoryAsync(object levels) => ControlAsync(HttpMethod.Post, "emulator/inventory", levels);

    public Task<JToken> ClearRequestsAsync() => ControlAsync(HttpMethod.Delete, "emulator/requests", null);

    /// <summary>Posts a document as-is and returns the whole answer (errors and extensions included).</summary>
    public async Task<JObject> RawAsync(string query, JObject? variables, string operationName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/api/2026-04/graphql.json")
        {
            Content = new StringContent(new JObject { ["query"] = query, ["variables"] = variables ?? new JObject(), ["operationName"] = operationName }.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Access-Token", Emulator.Token);
        using var response = await _control.SendAsync(request);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<JToken> ControlAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        using var response = await _control.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JToken.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Emulator.DisposeAsync();
    }

    private sealed class TestToken(string token) : AccessTokenProvider
    {
        public override string Source => "test token";
        public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}
