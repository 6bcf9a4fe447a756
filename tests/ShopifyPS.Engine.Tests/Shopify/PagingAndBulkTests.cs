using System.Globalization;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>Cursor paging and the bulk runners' request flow, against a scripted HTTP handler.</summary>
public sealed class PagingAndBulkTests
{
    private const string ResultUrl = "https://storage.example.com/results/1.jsonl";

    [Fact]
    public async Task Paging_follows_end_cursors_until_the_last_page()
    {
        var fake = new FakeShopify()
            .ThenData(LocationsPage(new[] { "1", "2" }, hasNext: true, cursor: "c2"))
            .ThenData(LocationsPage(new[] { "3" }, hasNext: false, cursor: "c3"));
        var client = FakeClients.Client(fake);

        var ids = new List<string>();
        await foreach (var node in client.PageAsync("Locations", new JObject { ["first"] = 2 }, "locations"))
            ids.Add(node.Value<string>("id")!);

        Assert.Equal(new[] { "gid://shopify/Location/1", "gid://shopify/Location/2", "gid://shopify/Location/3" }, ids);
        Assert.Equal(JTokenType.Null, (fake.Requests[0].Json["variables"]!["after"] ?? JValue.CreateNull()).Type);
        Assert.Equal("c2", fake.Requests[1].Json["variables"]!.Value<string>("after"));
    }

    [Fact]
    public async Task Bulk_query_runs_polls_downloads_and_rebuilds_parents_and_children()
    {
        var fake = new FakeShopify()
            .ThenData(new { bulkOperationRunQuery = new { bulkOperation = Operation("CREATED"), userErrors = Array.Empty<object>() } })
            .ThenData(new { bulkOperation = Operation("RUNNING") })
            .ThenData(new { bulkOperation = Operation("COMPLETED", ResultUrl) })
            .Then(_ => Lines(
                """{"id":"gid://shopify/Product/1","title":"A"}""",
                """{"id":"gid://shopify/Product/2","title":"B"}""",
                """{"id":"gid://shopify/ProductVariant/11","sku":"A-1","__parentId":"gid://shopify/Product/1"}""",
                """{"id":"gid://shopify/ProductVariant/21","sku":"B-1","__parentId":"gid://shopify/Product/2"}""",
                """{"id":"gid://shopify/ProductVariant/12","sku":"A-2","__parentId":"gid://shopify/Product/1"}"""));
        var client = FakeClients.Client(fake);

        var reader = new BulkGroupReader<BulkProductLine>(BulkProductLine.Reader("test"), _ => null);
        var products = await reader.ReadAsync(new BulkQueryRunner(client).RunLinesAsync("BulkProducts")).ToListAsync();

        Assert.Equal(new[] { "A", "B" }, products.Select(p => p.Data.Product!.Title));
        Assert.Equal(new[] { "A-1", "A-2" }, products[0].Children.Select(v => v.Data.Variant!.Sku));
        Assert.Equal("gid://shopify/Product/1", products[0].Children[0].Data.Variant!.ProductId);
        Assert.Equal(QueryDocument.Get("BulkProducts").Text, fake.Requests[0].Json["variables"]!.Value<string>("query"));
        Assert.Equal(new[] { "BulkOperationRunQuery", "BulkOperation", "BulkOperation" }, fake.GraphQL.Select(r => r.OperationName));
        var download = fake.Requests[^1];
        Assert.Equal(ResultUrl, download.Uri.ToString());
        Assert.False(download.Headers.ContainsKey("X-Shopify-Access-Token"), "the storage service must never see the token");
    }

    [Fact]
    public async Task Bulk_query_read_as_JObjects_yields_each_line_flat_with_its_parent_taken_out()
    {
        var fake = new FakeShopify()
            .ThenData(new { bulkOperationRunQuery = new { bulkOperation = Operation("CREATED"), userErrors = Array.Empty<object>() } })
            .ThenData(new { bulkOperation = Operation("COMPLETED", ResultUrl) })
            .Then(_ => Lines(
                """{"id":"gid://shopify/Product/1","title":"A"}""",
                "",
                """{"id":"gid://shopify/ProductVariant/11","sku":"A-1","__parentId":"gid://shopify/Product/1"}"""));
        var client = FakeClients.Client(fake);

        var records = await new BulkQueryRunner(client).RunAsync("BulkProducts").ToListAsync();

        Assert.Equal(new[] { ("gid://shopify/Product/1", (string?)null, 1), ("gid://shopify/ProductVariant/11", "gid://shopify/Product/1", 3) },
            records.Select(r => (r.Id!, r.ParentId, r.Line.Number)));
        Assert.Equal("A-1", records[1].Data.Value<string>("sku"));
        Assert.Null(records[1].Data["__parentId"]);
    }

    [Fact]
    public async Task Bulk_query_that_fails_reports_status_and_error_code()
    {
        var fake = new FakeShopify()
            .ThenData(new { bulkOperationRunQuery = new { bulkOperation = Operation("CREATED"), userErrors = Array.Empty<object>() } })
            .ThenData(new { bulkOperation = Operation("FAILED", errorCode: "INTERNAL_SERVER_ERROR") });
        var client = FakeClients.Client(fake);

        var ex = await Assert.ThrowsAsync<ShopifyBulkOperationException>(async () =>
        {
            await foreach (var _ in new BulkQueryRunner(client).RunAsync("BulkProducts")) { }
        });

        Assert.Equal("FAILED", ex.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", ex.ErrorCode);
    }

    [Fact]
    public async Task Bulk_query_refused_by_Shopify_reports_the_user_errors()
    {
        var fake = new FakeShopify().ThenData(new
        {
            bulkOperationRunQuery = new { bulkOperation = (object?)null, userErrors = new[] { new { field = new[] { "query" }, message = "A bulk query operation for this app and shop is already in progress", code = "OPERATION_IN_PROGRESS" } } },
        });
        var client = FakeClients.Client(fake);

        var ex = await Assert.ThrowsAsync<ShopifyUserErrorException>(async () =>
        {
            await foreach (var _ in new BulkQueryRunner(client).RunAsync("BulkProducts")) { }
        });

        Assert.Equal("OPERATION_IN_PROGRESS", Assert.Single(ex.UserErrors).Code);
    }

    [Fact]
    public async Task Bulk_mutation_stages_uploads_runs_and_streams_per_line_results()
    {
        const string uploadUrl = "https://storage.example.com/upload";
        var fake = new FakeShopify()
            .ThenData(new
            {
                stagedUploadsCreate = new
                {
                    stagedTargets = new[]
                    {
                        new
                        {
                            url = uploadUrl,
                            resourceUrl = (string?)null,
                            parameters = new[] { new { name = "key", value = "tmp/1/bulk/abc/bulk_op_vars" }, new { name = "policy", value = "p0l1cy" } },
                        },
                    },
                    userErrors = Array.Empty<object>(),
                },
            })
            .Then(_ => FakeShopify.Json(new { }, 201, null))
            .ThenData(new { bulkOperationRunMutation = new { bulkOperation = Operation("CREATED"), userErrors = Array.Empty<object>() } })
            .ThenData(new { bulkOperation = Operation("COMPLETED", ResultUrl) })
            .Then(_ => Lines(
                """{"data":{"tagsAdd":{"node":{"id":"gid://shopify/Product/1"},"userErrors":[]}},"__lineNumber":0}""",
                """{"data":{"tagsAdd":{"node":null,"userErrors":[{"field":["id"],"message":"Product does not exist"}]}},"__lineNumber":1}""",
                """{"errors":[{"message":"This product is currently being modified.","extensions":{"code":"TOO_MANY_PARALLEL_REQUESTS_FOR_THIS_PRODUCT"}}],"data":{"tagsAdd":null},"__lineNumber":2}"""));
        var client = FakeClients.Client(fake);
        var lines = new[] { "1", "2", "3" }.Select(n => (object)new { id = "gid://shopify/Product/" + n, tags = new[] { "erp" } });

        var results = new List<BulkMutationResult>();
        await foreach (var result in new BulkMutationRunner(client).RunAsync("TagsAdd", lines, "shopifyps-test-0001"))
            results.Add(result);

        Assert.Equal(new[] { 0, 1, 2 }, results.Select(r => r.LineNumber));
        Assert.True(results[0].Succeeded);
        Assert.Equal("id: Product does not exist", Assert.Single(results[1].UserErrors).ToString());
        Assert.Equal("TOO_MANY_PARALLEL_REQUESTS_FOR_THIS_PRODUCT", Assert.Single(results[2].Errors).Code);

        var staged = fake.Requests[0].Json["variables"]!["input"]![0]!;
        Assert.Equal("BULK_MUTATION_VARIABLES", staged.Value<string>("resource"));
        Assert.Equal("text/jsonl", staged.Value<string>("mimeType"));
        Assert.Equal("POST", staged.Value<string>("httpMethod"));

        var upload = fake.Requests[1];
        Assert.Equal(uploadUrl, upload.Uri.ToString());
        Assert.Equal("multipart/form-data", upload.ContentType);
        Assert.False(upload.Headers.ContainsKey("X-Shopify-Access-Token"));
        Assert.True(upload.Body.IndexOf("name=key", StringComparison.Ordinal) < upload.Body.IndexOf("name=file", StringComparison.Ordinal), "parameters come before the file");
        Assert.Contains("""{"id":"gid://shopify/Product/2","tags":["erp"]}""", upload.Body);
        Assert.Equal(long.Parse(staged.Value<string>("fileSize")!, CultureInfo.InvariantCulture), Encoding.UTF8.GetByteCount(string.Join("", lines.Select(l => JToken.FromObject(l).ToString(Newtonsoft.Json.Formatting.None) + "\n"))));

        var run = fake.Requests[2].Json["variables"]!;
        Assert.Equal("tmp/1/bulk/abc/bulk_op_vars", run.Value<string>("stagedUploadPath"));
        Assert.Equal(QueryDocument.Get("TagsAdd").Text, run.Value<string>("mutation"));
        Assert.Equal("shopifyps-test-0001", run.Value<string>("clientIdentifier"));
    }

    private static object LocationsPage(string[] ids, bool hasNext, string cursor) => new
    {
        locations = new
        {
            pageInfo = new { hasNextPage = hasNext, endCursor = cursor },
            nodes = ids.Select(id => new { id = "gid://shopify/Location/" + id, name = "L" + id }).ToArray(),
        },
    };

    private static object Operation(string status, string? url = null, string? errorCode = null) => new
    {
        id = "gid://shopify/BulkOperation/7",
        status,
        type = "QUERY",
        errorCode,
        objectCount = "5",
        url,
        partialDataUrl = (string?)null,
    };

    private static HttpResponseMessage Lines(params string[] lines) =>
        new(System.Net.HttpStatusCode.OK) { Content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/jsonl") };
}
