using System.Net.Http;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>Transport, retries per fault kind and error mapping, against a scripted HTTP handler.</summary>
public sealed class ShopifyClientTests
{
    private static readonly object Shop = new { shop = new { name = "Fake" } };

    [Fact]
    public async Task Posts_the_document_its_variables_and_name_with_the_token_header()
    {
        var fake = new FakeShopify().ThenData(new { productsCount = new { count = 3 } });
        var client = FakeClients.Client(fake);

        var response = await client.ExecuteAsync("ProductsCount", new { query = "status:active" });

        var request = Assert.Single(fake.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(client.Profile.GraphQlUri, request.Uri);
        Assert.Equal("/admin/api/2026-04/graphql.json", request.Uri.AbsolutePath);
        Assert.Equal(FakeShopify.Token, request.Headers["X-Shopify-Access-Token"]);
        Assert.Equal("ProductsCount", request.OperationName);
        Assert.Equal(QueryDocument.Get("ProductsCount").Text, request.Json.Value<string>("query"));
        Assert.Equal("status:active", request.Json["variables"]!.Value<string>("query"));
        Assert.Equal(3, response.Data["productsCount"]!.Value<int>("count"));
        Assert.Equal("req-1", response.RequestId);
    }

    [Fact]
    public async Task Kill_switch_refuses_mutations_before_sending_but_lets_reads_and_bulk_exports_through()
    {
        var fake = new FakeShopify().ThenData(Shop).ThenData(new { bulkOperationRunQuery = new { userErrors = Array.Empty<object>() } });
        var client = FakeClients.Client(fake);
        client.Profile.AllowOutgoingRequests = false;

        var refused = await Assert.ThrowsAsync<ShopifyOutgoingRequestsDisabledException>(
            () => client.ExecuteAsync("ProductUpdate", new { product = new { id = "gid://shopify/Product/1", title = "x" } }));
        await client.ExecuteAsync("ShopInfo");
        await client.ExecuteAsync("BulkOperationRunQuery", new { query = "{ products { edges { node { id } } } }" });

        Assert.Contains("allowOutgoingRequests: false", refused.Message);
        Assert.Equal(new[] { "ShopInfo", "BulkOperationRunQuery" }, fake.Requests.Select(r => r.OperationName));
    }

    [Fact]
    public async Task Explicit_null_variables_are_sent_as_null()
    {
        var fake = new FakeShopify().ThenData(new { inventorySetQuantities = new { userErrors = Array.Empty<object>() } });
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("InventorySetQuantities", new { idempotencyKey = "k", input = new { quantities = new[] { new { quantity = 1, changeFromQuantity = (int?)null } } } });

        var quantity = fake.Requests[0].Json["variables"]!["input"]!["quantities"]![0]!;
        Assert.Equal(JTokenType.Null, quantity["changeFromQuantity"]!.Type);
    }

    [Fact]
    public async Task Throttled_answer_is_retried_after_the_bucket_refills_and_counted()
    {
        var fake = new FakeShopify().ThenThrottled(available: 995).ThenData(Shop);
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(1, client.Statistics.Throttled);
        Assert.Equal(1, client.Statistics.Retries);
        Assert.Equal(2, client.Statistics.Calls);
    }

    [Fact]
    public async Task Http_429_waits_as_long_as_Retry_After_says()
    {
        var events = new EventLog();
        var fake = new FakeShopify().ThenStatus(429, retryAfter: "1").ThenData(Shop);
        var client = FakeClients.Client(fake, events);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, fake.Requests.Count);
        Assert.Contains(events.Events, e => e.Kind == RunEventKind.Verbose && e.Message.StartsWith("Retrying after 1 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_retried(int status)
    {
        var fake = new FakeShopify().ThenStatus(status).ThenData(Shop);
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(1, client.Statistics.Retries);
    }

    public static TheoryData<string> DroppedConnections() => new() { "http", "io" };

    [Theory]
    [MemberData(nameof(DroppedConnections))]
    public async Task Dropped_connections_are_retried(string kind)
    {
        Exception drop = kind == "http"
            ? new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")
            : new IOException("Connection reset by peer");
        var fake = new FakeShopify().ThenThrow(drop).ThenData(Shop);
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_does_not_answer_in_time_is_retried()
    {
        var fake = new FakeShopify()
            .Then(async (_, ct) => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return FakeShopify.Json(Shop); })
            .ThenData(Shop);
        var client = FakeClients.Client(fake, options: new ShopifyClientOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(100),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        });

        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_reported_with_its_request_id()
    {
        var fake = new FakeShopify { Fallback = _ => FakeShopify.Json(new { errors = "down" }, 503, "req-503") };
        var client = FakeClients.Client(fake);

        var ex = await Assert.ThrowsAsync<ShopifyHttpException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(FakeClients.FastRetries.MaxAttempts, fake.Requests.Count);
        Assert.Equal("req-503", ex.RequestId);
        Assert.Contains("req-503", ex.Message);
        Assert.Contains("ShopInfo", ex.Message);
    }

    [Fact]
    public async Task A_mutation_that_is_not_safe_to_replay_is_not_sent_again_after_an_unknown_outcome()
    {
        var fake = new FakeShopify().ThenStatus(502).ThenData(new { fileCreate = new { files = Array.Empty<object>(), userErrors = Array.Empty<object>() } });
        var client = FakeClients.Client(fake);

        await Assert.ThrowsAsync<ShopifyHttpException>(() => client.ExecuteAsync("FileCreate", new { files = Array.Empty<object>() }));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_mutation_that_is_not_safe_to_replay_is_retried_when_Shopify_refused_it_before_running()
    {
        var fake = new FakeShopify()
            .ThenThrottled(available: 995)
            .ThenStatus(429, retryAfter: "0")
            .ThenThrow(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)))
            .ThenData(new { fileCreate = new { files = Array.Empty<object>(), userErrors = Array.Empty<object>() } });
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("FileCreate", new { files = Array.Empty<object>() });

        Assert.Equal(4, fake.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_names_the_endpoint_and_points_at_Test_ShopifyShop()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var fake = new FakeShopify().ThenThrow(refused).ThenThrow(refused).ThenThrow(refused).ThenThrow(refused);
        var client = FakeClients.Client(fake);

        var error = await Assert.ThrowsAsync<ShopifyUnreachableException>(() => client.ExecuteAsync("ProductsCount", new { query = "" }));

        Assert.Equal(ErrorCatalog.Unreachable, error.Error);
        Assert.Contains($"Could not connect to https://{client.Profile.Domain}: nothing accepts connections there (connection refused)", error.Message);
        Assert.Contains("Test-ShopifyShop fake", error.Message);
    }

    [Fact]
    public async Task Every_retry_sends_the_same_body_so_an_idempotency_key_stays_the_same()
    {
        var fake = new FakeShopify()
            .ThenStatus(503)
            .ThenThrow(new IOException("reset"))
            .ThenData(new { inventorySetQuantities = new { userErrors = Array.Empty<object>() } });
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("InventorySetQuantities", new { idempotencyKey = Guid.NewGuid().ToString(), input = new { name = "available" } });

        Assert.Equal(3, fake.Requests.Count);
        Assert.Single(fake.Requests.Select(r => r.Json["variables"]!.Value<string>("idempotencyKey")).Distinct());
    }

    [Fact]
    public async Task Cancelling_stops_a_retry_that_is_waiting()
    {
        var fake = new FakeShopify { Fallback = _ => FakeShopify.Json(new { errors = "busy" }, 429, "req-429") };
        fake.ThenStatus(429, retryAfter: "60");
        var client = FakeClients.Client(fake);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ExecuteAsync("ShopInfo", null, cancel.Token));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Top_level_errors_become_a_typed_exception_with_messages_codes_and_request_id()
    {
        var fake = new FakeShopify().ThenJson(new
        {
            errors = new object[]
            {
                new { message = "Field 'nameX' doesn't exist on type 'Shop'", path = new[] { "query", "shop", "nameX" }, extensions = new { code = "undefinedField" } },
                new { message = "Access denied for products field.", extensions = new { code = "ACCESS_DENIED" } },
            },
        }, 200, "req-errors");
        var client = FakeClients.Client(fake);

        var ex = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(new[] { "undefinedField", "ACCESS_DENIED" }, ex.Errors.Select(e => e.Code));
        Assert.Equal("query.shop.nameX", ex.Errors[0].Path);
        Assert.Contains("Access denied for products field. (ACCESS_DENIED)", ex.Message);
        Assert.Equal("req-errors", ex.RequestId);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task User_errors_carry_field_path_message_and_code()
    {
        var fake = new FakeShopify().ThenJson(new
        {
            data = new
            {
                productSet = new
                {
                    product = (object?)null,
                    userErrors = new[]
                    {
                        new { field = new[] { "input", "variants", "0", "sku" }, message = "SKU is too long", code = "INVALID_VARIANT" },
                    },
                },
            },
        }, 200, "req-user");
        var client = FakeClients.Client(fake);

        var payload = (await client.ExecuteAsync("ProductSet", new { input = new { title = "x" }, identifier = new { handle = "x" }, synchronous = true, variantsFirst = 1 })).Payload();

        Assert.False(payload.Succeeded);
        var error = Assert.Single(payload.UserErrors);
        Assert.Equal("input.variants.0.sku", error.FieldPath);
        Assert.Equal("INVALID_VARIANT", error.Code);
        var ex = Assert.Throws<ShopifyUserErrorException>(() => payload.ThrowIfFailed());
        Assert.Contains("input.variants.0.sku: SKU is too long (INVALID_VARIANT)", ex.Message);
        Assert.Equal("req-user", ex.RequestId);
        Assert.Equal("ProductSet", ex.Document);
    }

    [Fact]
    public async Task Media_user_errors_are_user_errors_too()
    {
        var fake = new FakeShopify().ThenData(new
        {
            productDeleteMedia = new
            {
                deletedMediaIds = (object?)null,
                mediaUserErrors = new[] { new { field = new[] { "mediaIds" }, message = "Media does not exist", code = "MEDIA_DOES_NOT_EXIST" } },
            },
        });
        var client = FakeClients.Client(fake);

        var payload = (await client.ExecuteAsync("ProductDeleteMedia", new { productId = "gid://shopify/Product/1", mediaIds = new[] { "gid://shopify/MediaImage/1" } })).Payload();

        Assert.Equal("MEDIA_DOES_NOT_EXIST", Assert.Single(payload.UserErrors).Code);
    }

    [Fact]
    public async Task Statistics_add_up_requested_and_actual_cost()
    {
        var fake = new FakeShopify().ThenData(Shop, requested: 12, actual: 3).ThenData(Shop, requested: 12, actual: 4);
        var client = FakeClients.Client(fake);

        await client.ExecuteAsync("ShopInfo");
        await client.ExecuteAsync("ShopInfo");

        Assert.Equal(2, client.Statistics.Calls);
        Assert.Equal(24, client.Statistics.RequestedCost);
        Assert.Equal(7, client.Statistics.ActualCost);
        Assert.Equal(0, client.Statistics.Throttled);
        Assert.True(CostEstimates.For(QueryDocument.Get("ShopInfo")) >= 12, "the highest requested cost seen is reserved next time");
    }

    [Fact]
    public async Task Debug_output_names_the_document_cost_bucket_and_request_id()
    {
        var events = new EventLog();
        var fake = new FakeShopify().ThenData(Shop, requested: 3, actual: 2, available: 998, requestId: "abc-123");
        var client = FakeClients.Client(fake, events);

        await client.ExecuteAsync("ShopInfo");

        var debug = Assert.Single(events.Events, e => e.Kind == RunEventKind.Debug);
        Assert.Contains("ShopInfo", debug.Message);
        Assert.Contains("cost 3 requested / 2 actual", debug.Message);
        Assert.Contains("bucket 998/1000 (+50/s)", debug.Message);
        Assert.Contains("abc-123", debug.Message);
    }

    [Fact]
    public async Task Not_found_names_the_api_version_and_is_not_retried()
    {
        var fake = new FakeShopify().ThenStatus(404);
        var client = FakeClients.Client(fake);

        var ex = await Assert.ThrowsAsync<ShopifyHttpException>(() => client.ExecuteAsync("ShopInfo"));

        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("API version 2026-04", ex.Message);
        Assert.Single(fake.Requests);
    }
}
