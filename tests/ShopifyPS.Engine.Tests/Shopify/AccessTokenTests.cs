using System.Globalization;
using System.Net.Http;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>Token sources: errors name the source, never the secret; client credentials are cached and renewed.</summary>
public sealed class AccessTokenTests : IDisposable
{
    private static readonly object Shop = new { shop = new { name = "Fake" } };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shopifyps-tokens-" + Guid.NewGuid().ToString("N"));
    private readonly string _variable = "SHOPIFYPS_TEST_TOKEN_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ShopifyClient ClientFor(AuthSettings auth, FakeShopify fake, IProgress<RunEvent>? progress = null, TimeProvider? time = null) =>
        new(FakeClients.Profile(auth), new ShopifyHome(_root), progress, FakeClients.WithHandler(FakeClients.FastRetries, fake, time));

    [Fact]
    public async Task A_variable_that_is_not_set_is_named_in_the_error()
    {
        var client = ClientFor(new AuthSettings { TokenEnv = _variable }, new FakeShopify());

        var ex = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Contains(_variable, ex.Message);
        Assert.Equal($"environment variable {_variable}", ex.TokenSource);
    }

    [Fact]
    public async Task A_token_file_is_resolved_from_the_home_folder_and_a_missing_one_is_named()
    {
        var client = ClientFor(new AuthSettings { TokenFile = "secrets/none.token" }, new FakeShopify());

        var ex = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Contains(Path.Combine(_root, "secrets", "none.token"), ex.Message);
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public async Task The_token_from_a_file_is_sent_trimmed()
    {
        Directory.CreateDirectory(Path.Combine(_root, "secrets"));
        File.WriteAllText(Path.Combine(_root, "secrets", "shop.token"), FakeShopify.Token + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_root, "secrets", "shop.token"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var fake = new FakeShopify().ThenData(Shop);
        var client = ClientFor(new AuthSettings { TokenFile = "secrets/shop.token" }, fake);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(FakeShopify.Token, fake.Requests[0].Headers["X-Shopify-Access-Token"]);
    }

    [Theory]
    [InlineData("shpat_sEcReT\r\nrest", 13)]
    [InlineData("shpat_sEcReT\0rest", 13)]
    [InlineData("shpat_sEcReT rest", 13)]
    public async Task A_token_with_a_character_no_header_may_carry_names_its_source_and_position_never_the_value(string token, int position)
    {
        var path = Path.Combine(_root, "secrets", "bad.token");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, token);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var client = ClientFor(new AuthSettings { TokenFile = "secrets/bad.token" }, new FakeShopify());

        var ex = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(ErrorCatalog.TokenMalformed, ex.Error);
        Assert.Contains(path, ex.Message);
        Assert.Contains($"character {position}", ex.Message);
        Assert.DoesNotContain("sEcReT", ex.Message);
    }

    [Fact]
    public async Task A_token_file_others_may_read_is_refused_with_the_chmod_that_fixes_it()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = Path.Combine(_root, "secrets", "open.token");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, FakeShopify.Token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var client = ClientFor(new AuthSettings { TokenFile = "secrets/open.token" }, new FakeShopify());

        var ex = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(ErrorCatalog.InsecurePermissions, ex.Error);
        Assert.Contains($"chmod 600 '{path}'", ex.Message);
    }

    [Fact]
    public async Task A_refused_token_says_where_it_came_from_and_never_shows_up_anywhere()
    {
        Environment.SetEnvironmentVariable(_variable, FakeShopify.Token);
        var events = new EventLog();
        var fake = new FakeShopify().ThenData(Shop).ThenJson(new { errors = "[API] Invalid API key or access token (unrecognized login or wrong password)" }, 401, "req-401");
        var client = ClientFor(new AuthSettings { TokenEnv = _variable }, fake, events);

        await client.ExecuteAsync("ShopInfo");
        var ex = await Assert.ThrowsAsync<ShopifyAuthenticationException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(401, ex.StatusCode);
        Assert.Contains($"environment variable {_variable}", ex.Message);
        Assert.Contains("req-401", ex.Message);
        Assert.Equal(2, fake.Requests.Count);
        var everythingShown = string.Join("\n", events.Events.Select(e => e.Message)) + ex + client + client.TokenSource + client.Statistics;
        Assert.DoesNotContain(FakeShopify.Token, everythingShown);
    }

    [Fact]
    public async Task Transport_failures_do_not_leak_the_token()
    {
        Environment.SetEnvironmentVariable(_variable, FakeShopify.Token);
        var fake = new FakeShopify { Fallback = _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.") };
        var client = ClientFor(new AuthSettings { TokenEnv = _variable }, fake);

        var ex = await Assert.ThrowsAsync<ShopifyUnreachableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.DoesNotContain(FakeShopify.Token, ex.ToString());
    }

    [Fact]
    public async Task Client_credentials_are_exchanged_once_and_the_token_is_reused()
    {
        Environment.SetEnvironmentVariable(_variable, "client-secret-value");
        var fake = TokenEndpoint(new FakeShopify(), "shpat_issued_1", expiresIn: 86399).ThenData(Shop).ThenData(Shop);
        var client = ClientFor(new AuthSettings { ClientId = "app-123", ClientSecretEnv = _variable }, fake);

        await client.ExecuteAsync("ShopInfo");
        await client.ExecuteAsync("ShopInfo");

        var exchange = fake.Requests[0];
        Assert.Equal($"https://{client.Profile.Domain}/admin/oauth/access_token", exchange.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", exchange.ContentType);
        Assert.Equal("grant_type=client_credentials&client_id=app-123&client_secret=client-secret-value", exchange.Body);
        Assert.Equal(3, fake.Requests.Count);
        Assert.All(fake.GraphQL, r => Assert.Equal("shpat_issued_1", r.Headers["X-Shopify-Access-Token"]));
    }

    [Fact]
    public async Task Client_credentials_are_renewed_before_the_token_expires()
    {
        Environment.SetEnvironmentVariable(_variable, "client-secret-value");
        var time = new ManualTime(DateTimeOffset.Parse("2026-05-01T00:00:00Z", CultureInfo.InvariantCulture));
        var fake = new FakeShopify();
        TokenEndpoint(fake, "shpat_first", expiresIn: 3600).ThenData(Shop).ThenData(Shop);
        TokenEndpoint(fake, "shpat_second", expiresIn: 3600).ThenData(Shop);
        var client = ClientFor(new AuthSettings { ClientId = "app-123", ClientSecretEnv = _variable }, fake, time: time);

        await client.ExecuteAsync("ShopInfo");
        time.Now += TimeSpan.FromMinutes(54);
        await client.ExecuteAsync("ShopInfo");
        time.Now += TimeSpan.FromMinutes(2); // 56 minutes: inside the five-minute margin before expiry
        await client.ExecuteAsync("ShopInfo");

        var tokens = fake.GraphQL.Select(r => r.Headers["X-Shopify-Access-Token"]).ToList();
        Assert.Equal(new[] { "shpat_first", "shpat_first", "shpat_second" }, tokens);
    }

    [Fact]
    public async Task A_client_credentials_token_Shopify_refuses_is_replaced_once()
    {
        Environment.SetEnvironmentVariable(_variable, "client-secret-value");
        var fake = new FakeShopify();
        TokenEndpoint(fake, "shpat_revoked", expiresIn: 86399).ThenStatus(401);
        TokenEndpoint(fake, "shpat_fresh", expiresIn: 86399).ThenData(Shop);
        var client = ClientFor(new AuthSettings { ClientId = "app-123", ClientSecretEnv = _variable }, fake);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(new[] { "shpat_revoked", "shpat_fresh" }, fake.GraphQL.Select(r => r.Headers["X-Shopify-Access-Token"]));
    }

    [Fact]
    public async Task A_refused_exchange_shows_Shopify_s_reason_but_not_the_secret()
    {
        Environment.SetEnvironmentVariable(_variable, "client-secret-value");
        var fake = new FakeShopify().ThenJson(new { error = "invalid_client", error_description = "Client authentication failed" }, 401, "req-oauth");
        var client = ClientFor(new AuthSettings { ClientId = "app-123", ClientSecretEnv = _variable }, fake);

        var ex = await Assert.ThrowsAsync<ShopifyAuthenticationException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Contains("Client authentication failed", ex.Message);
        Assert.Contains("app-123", ex.Message);
        Assert.Contains(_variable, ex.Message);
        Assert.DoesNotContain("client-secret-value", ex.ToString());
    }

    [Fact]
    public async Task A_missing_client_secret_variable_is_named()
    {
        var client = ClientFor(new AuthSettings { ClientId = "app-123", ClientSecretEnv = _variable }, new FakeShopify());

        var ex = await Assert.ThrowsAsync<ShopifyTokenUnavailableException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Contains(_variable, ex.Message);
    }

    private static FakeShopify TokenEndpoint(FakeShopify fake, string token, int expiresIn) =>
        fake.ThenJson(new { access_token = token, scope = "read_products,write_products", expires_in = expiresIn }, 200, null!);

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
