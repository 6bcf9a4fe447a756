using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>A real emulator on 127.0.0.1:0 plus an HttpClient that talks to it the way the engine will.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(RunningEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUri };
    }

    public RunningEmulator Emulator { get; }
    public HttpClient Http { get; }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorHost.StartAsync(options ?? new EmulatorOptions()));

    /// <summary>Posts a GraphQL request with the right token; returns status and parsed body.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync(string query, object? variables = null, string? token = null, string version = "2026-04", string? operationName = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, $"admin/api/{version}/graphql.json");
        if (token != "") req.Headers.Add("X-Shopify-Access-Token", token ?? Emulator.Token);
        req.Content = JsonContent.Create(new { query, variables, operationName });
        using var resp = await Http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        return ((int)resp.StatusCode, JsonNode.Parse(text)!);
    }

    /// <summary>Runs a query that must succeed without top-level errors; returns data.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.Equal(200, status);
        Assert.True(body["errors"] == null, $"Unexpected errors: {body["errors"]?.ToJsonString()}");
        return body["data"]!;
    }

    public async Task<JsonNode> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (body != null) req.Content = new StringContent(body is string s ? s : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var resp = await Http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, $"{method} {path}: {(int)resp.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
