using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ShopifyPS.Emulator.State;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Bulk queries (JSONL with __parentId) and bulk mutations from a staged JSONL upload.</summary>
public class BulkOperationTests
{
    private const string Poll = "query($id: ID!) { bulkOperation(id: $id) { id status type errorCode objectCount rootObjectCount fileSize url query } }";

    private static async Task<JsonNode> WaitAsync(TestEmulator emu, string id)
    {
        for (var i = 0; i < 100; i++)
        {
            var op = (await emu.DataAsync(Poll, new { id }))["bulkOperation"]!;
            if (op["status"]!.GetValue<string>() is "COMPLETED" or "FAILED" or "CANCELED") return op;
            await Task.Delay(50);
        }
        throw new TimeoutException("bulk operation did not finish");
    }

    private static async Task SeedAsync(TestEmulator emu) =>
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            products = Enumerable.Range(1, 3).Select(i => new
            {
                title = $"Bulk {i}",
                options = new[] { new { name = "Size", values = new[] { "S", "M" } } },
                variants = new[] { new { options = new[] { "S" }, sku = $"B{i}-S" }, new { options = new[] { "M" }, sku = $"B{i}-M" } },
            }).ToArray(),
        });

    [Fact]
    public async Task Bulk_query_writes_one_line_per_node_with_parent_ids()
    {
        await using var emu = await TestEmulator.StartAsync();
        await SeedAsync(emu);
        const string bulkQuery = "{ products { edges { node { id title variants { edges { node { id sku } } } } } } }";
        var payload = (await emu.DataAsync("mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status type } userErrors { field message code } } }", new { q = bulkQuery }))["bulkOperationRunQuery"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal("QUERY", payload["bulkOperation"]!["type"]!.GetValue<string>());
        var op = await WaitAsync(emu, payload["bulkOperation"]!["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", op["status"]!.GetValue<string>());
        Assert.Equal("9", op["objectCount"]!.GetValue<string>());
        Assert.Equal("3", op["rootObjectCount"]!.GetValue<string>());

        var url = op["url"]!.GetValue<string>();
        Assert.StartsWith(emu.Emulator.BaseUri.ToString(), url);
        var lines = (await emu.Http.GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(9, lines.Count);
        Assert.Equal(int.Parse(op["fileSize"]!.GetValue<string>()), Encoding.UTF8.GetByteCount(string.Join("", lines.Select(l => l.ToJsonString() + "\n"))));
        var product = lines[0];
        Assert.Equal("Bulk 1", product["title"]!.GetValue<string>());
        Assert.Null(product["variants"]);
        Assert.Equal(6, lines.Count(l => l["__parentId"] != null));
        // As Shopify: every child after its parent, but not necessarily right after it (here the last product's first).
        var ids = lines.Select(l => l["id"]!.GetValue<string>()).ToList();
        Assert.All(lines.Where(l => l["__parentId"] != null), c => Assert.True(ids.IndexOf(c["__parentId"]!.GetValue<string>()) < ids.IndexOf(c["id"]!.GetValue<string>())));
        Assert.Equal(new[] { "Bulk 1", "Bulk 2", "Bulk 3" }, lines.Take(3).Select(l => l["title"]!.GetValue<string>()));
        Assert.Equal(new[] { "B3-S", "B3-M", "B2-S", "B2-M", "B1-S", "B1-M" }, lines.Skip(3).Select(l => l["sku"]!.GetValue<string>()));
        Assert.All(lines.Skip(3), c => Assert.NotNull(c["__parentId"]));
    }

    [Fact]
    public async Task Bulk_query_reads_large_roots_in_windows_without_losing_or_repeating_nodes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var count = BulkRunnerWindow * 2 + 7;
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new { products = Enumerable.Range(1, count).Select(i => new { title = $"W{i}", variants = new[] { new { sku = $"W{i}" } } }).ToArray() });
        var id = (await emu.DataAsync("mutation { bulkOperationRunQuery(query: \"{ products { edges { node { id variants { edges { node { sku } } } } } } }\") { bulkOperation { id } } }"))["bulkOperationRunQuery"]!["bulkOperation"]!["id"]!.GetValue<string>();
        var op = await WaitAsync(emu, id);
        Assert.Equal((count * 2).ToString(), op["objectCount"]!.GetValue<string>());
        var lines = (await emu.Http.GetStringAsync(op["url"]!.GetValue<string>())).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var productIds = lines.Where(l => l["__parentId"] == null).Select(l => l["id"]!.GetValue<string>()).ToList();
        Assert.Equal(count, productIds.Distinct().Count());
        Assert.Equal(count, lines.Count(l => l["__parentId"] != null));
    }

    private const int BulkRunnerWindow = ShopifyPS.Emulator.Runtime.BulkRunner.WindowSize;

    [Fact]
    public async Task Bulk_query_is_listed_and_current()
    {
        await using var emu = await TestEmulator.StartAsync();
        await SeedAsync(emu);
        var id = (await emu.DataAsync("mutation { bulkOperationRunQuery(query: \"{ productVariants { nodes { id sku } } }\") { bulkOperation { id } userErrors { message } } }"))["bulkOperationRunQuery"]!["bulkOperation"]!["id"]!.GetValue<string>();
        await WaitAsync(emu, id);
        var listed = await emu.DataAsync("{ bulkOperations(first: 5, query: \"status:completed operation_type:query\") { nodes { id objectCount } } currentBulkOperation(type: QUERY) { id status } }");
        Assert.Equal(id, listed["bulkOperations"]!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("6", listed["bulkOperations"]!["nodes"]![0]!["objectCount"]!.GetValue<string>());
        Assert.Equal(id, listed["currentBulkOperation"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ shop { name } }", "at least one connection")]
    [InlineData("{ products { nodes { variants { nodes { inventoryItem { inventoryLevels { nodes { id } } } } } } } }", "nesting depth")]
    [InlineData("{ products { nodes { bogus } } }", "doesn't exist")]
    [InlineData("{ products { nodes { id } } locations { nodes { id } } }", "exactly one top-level field")]
    public async Task Invalid_bulk_queries_are_user_errors(string query, string expected)
    {
        await using var emu = await TestEmulator.StartAsync();
        var payload = (await emu.DataAsync("mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { field message code } } }", new { q = query }))["bulkOperationRunQuery"]!;
        Assert.Null(payload["bulkOperation"]);
        Assert.Equal("INVALID", payload["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains(expected, payload["userErrors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_marks_a_running_operation_and_refuses_a_finished_one()
    {
        await using var emu = await TestEmulator.StartAsync();
        var store = emu.Emulator.Runtime.Store;
        var running = new BulkOperation { Id = 1, Status = "RUNNING" };
        var done = new BulkOperation { Id = 2, Status = "COMPLETED" };
        lock (store.Sync)
        {
            store.BulkOperations[running.Id] = running;
            store.BulkOperations[done.Id] = done;
        }
        const string cancel = "mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } userErrors { message } } }";
        var ok = (await emu.DataAsync(cancel, new { id = running.Gid }))["bulkOperationCancel"]!;
        Assert.Equal("CANCELING", ok["bulkOperation"]!["status"]!.GetValue<string>());
        Assert.True(running.CancelRequested);
        var refused = (await emu.DataAsync(cancel, new { id = done.Gid }))["bulkOperationCancel"]!;
        Assert.Contains("completed", refused["userErrors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_running_operations_is_the_limit()
    {
        await using var emu = await TestEmulator.StartAsync();
        var store = emu.Emulator.Runtime.Store;
        lock (store.Sync)
            for (var i = 0; i < 5; i++)
                store.BulkOperations[store.NextId()] = new BulkOperation { Id = store.NextId(), Status = "RUNNING" };
        var payload = (await emu.DataAsync("mutation { bulkOperationRunQuery(query: \"{ products { nodes { id } } }\") { bulkOperation { id } userErrors { code } } }"))["bulkOperationRunQuery"]!;
        Assert.Equal("LIMIT_REACHED", payload["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_mutation_runs_each_staged_line_and_reports_line_numbers()
    {
        await using var emu = await TestEmulator.StartAsync();
        var staged = (await emu.DataAsync(@"mutation { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: ""bulk-variables.jsonl"", mimeType: ""text/jsonl"", httpMethod: POST, fileSize: ""200"" }]) {
            stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }"))["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        Assert.Null(staged["resourceUrl"]);
        var parameters = staged["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["value"]!.GetValue<string>());
        var jsonl = "{\"input\":{\"title\":\"From bulk 1\"}}\n{\"input\":{\"title\":\"From bulk 2\",\"status\":\"DRAFT\"}}\n{\"input\":{\"title\":\"\"}}\n";
        using (var form = new MultipartFormDataContent())
        {
            foreach (var (name, value) in parameters) form.Add(new StringContent(value), name);
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(jsonl));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/jsonl");
            form.Add(file, "file", "bulk-variables.jsonl");
            using var upload = await emu.Http.PostAsync(staged["url"]!.GetValue<string>(), form);
            Assert.Equal(201, (int)upload.StatusCode);
        }

        const string mutation = "mutation call($input: ProductSetInput!) { productSet(input: $input) { product { id title status } userErrors { field message code } } }";
        var payload = (await emu.DataAsync("mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id type status } userErrors { field message code } } }",
            new { m = mutation, p = parameters["key"] }))["bulkOperationRunMutation"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        var op = await WaitAsync(emu, payload["bulkOperation"]!["id"]!.GetValue<string>());
        Assert.Equal("MUTATION", op["type"]!.GetValue<string>());
        Assert.Equal("3", op["objectCount"]!.GetValue<string>());
        var lines = (await emu.Http.GetStringAsync(op["url"]!.GetValue<string>())).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(new[] { 0, 1, 2 }, lines.Select(l => l["__lineNumber"]!.GetValue<int>()));
        Assert.Equal("From bulk 1", lines[0]["data"]!["productSet"]!["product"]!["title"]!.GetValue<string>());
        Assert.Equal("DRAFT", lines[1]["data"]!["productSet"]!["product"]!["status"]!.GetValue<string>());
        Assert.Null(lines[2]["data"]!["productSet"]!["product"]);
        Assert.NotEmpty(lines[2]["data"]!["productSet"]!["userErrors"]!.AsArray());
        Assert.Equal(2, (await emu.ControlAsync(HttpMethod.Get, "emulator/state"))["products"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bulk_mutation_needs_an_uploaded_file_and_a_single_mutation()
    {
        await using var emu = await TestEmulator.StartAsync();
        const string run = "mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id } userErrors { code } } }";
        var missing = (await emu.DataAsync(run, new { m = "mutation($input: ProductSetInput!) { productSet(input: $input) { product { id } } }", p = "tmp/nothing" }))["bulkOperationRunMutation"]!;
        Assert.Equal("NO_SUCH_FILE", missing["userErrors"]![0]!["code"]!.GetValue<string>());

        var target = (await emu.DataAsync("mutation { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: \"v.jsonl\", mimeType: \"text/jsonl\" }]) { stagedTargets { url parameters { name value } } } }"))["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        using (var put = await emu.Http.PutAsync(target["url"]!.GetValue<string>(), new StringContent("{}\n")))
            Assert.True(put.IsSuccessStatusCode);
        var key = new Uri(target["url"]!.GetValue<string>()).AbsolutePath["/emulator/uploads/".Length..];
        var invalid = (await emu.DataAsync(run, new { m = "{ shop { name } }", p = key }))["bulkOperationRunMutation"]!;
        Assert.Equal("INVALID_MUTATION", invalid["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_query_streams_a_nested_connection_of_many_levels_in_order()
    {
        await using var emu = await TestEmulator.StartAsync();
        const int items = 1200;
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            products = new[]
            {
                new
                {
                    title = "Many", options = new[] { new { name = "Size", values = Enumerable.Range(1, items).Select(i => $"S{i}").ToArray() } },
                    variants = Enumerable.Range(1, items).Select(i => new { options = new[] { $"S{i}" }, sku = $"M{i}", inventory = new Dictionary<string, int> { ["Main warehouse"] = i } }).ToArray(),
                },
            },
        });
        var id = (await emu.DataAsync("mutation { bulkOperationRunQuery(query: \"{ locations { edges { node { id name inventoryLevels { edges { cursor node { id quantities(names: [\\\"available\\\"]) { quantity } item { sku } } } } } } } }\") { bulkOperation { id } } }"))["bulkOperationRunQuery"]!["bulkOperation"]!["id"]!.GetValue<string>();
        var op = await WaitAsync(emu, id);
        var lines = (await emu.Http.GetStringAsync(op["url"]!.GetValue<string>())).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var main = lines.Single(l => l["name"]?.GetValue<string>() == "Main warehouse")["id"]!.GetValue<string>();
        var levels = lines.Where(l => l["__parentId"]?.GetValue<string>() == main).ToList();
        Assert.Equal(Enumerable.Range(1, items).Select(i => $"M{i}"), levels.Select(l => l["item"]!["sku"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, items), levels.Select(l => l["quantities"]![0]!["quantity"]!.GetValue<int>()));
        Assert.True(lines.IndexOf(levels[0]) > lines.FindIndex(l => l["id"]!.GetValue<string>() == main));
    }

    [Fact]
    public async Task Staged_uploads_and_bulk_results_are_files_gone_after_reset_and_stop()
    {
        var emu = await TestEmulator.StartAsync();
        var folder = emu.Emulator.Runtime.Files.Folder;
        const string jsonl = "{\"input\":{\"title\":\"Filed\"}}\n";
        var key = await UploadVariablesAsync(emu, jsonl);
        var received = await emu.ControlAsync(HttpMethod.Get, "emulator/staged-uploads");
        Assert.Equal(key, received[0]!["key"]!.GetValue<string>());
        Assert.Equal("BULK_MUTATION_VARIABLES", received[0]!["resource"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount(jsonl), received[0]!["size"]!.GetValue<long>());
        var run = (await emu.DataAsync("mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id } } }",
            new { m = "mutation call($input: ProductSetInput!) { productSet(input: $input) { product { title } } }", p = key }))["bulkOperationRunMutation"]!;
        var op = await WaitAsync(emu, run["bulkOperation"]!["id"]!.GetValue<string>());
        Assert.Contains("Filed", await emu.Http.GetStringAsync(op["url"]!.GetValue<string>()));
        Assert.Equal(2, Directory.GetFiles(folder).Length);

        await emu.ControlAsync(HttpMethod.Post, "emulator/reset");
        Assert.Empty(Directory.GetFiles(folder));
        await emu.DisposeAsync();
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("BULK_MUTATION_VARIABLES", "bulk_op_vars.jsonl", 100L * 1024 * 1024)]
    [InlineData("IMAGE", "big.png", 20L * 1024 * 1024)]
    public async Task An_upload_above_its_limit_is_refused_as_the_storage_refuses_it_even_when_its_size_was_not_declared(string resource, string filename, long limit)
    {
        await using var emu = await TestEmulator.StartAsync();
        var target = (await emu.DataAsync($"mutation {{ stagedUploadsCreate(input: [{{ resource: {resource}, filename: \"{filename}\", mimeType: \"text/jsonl\" }}]) {{ stagedTargets {{ url }} }} }}"))["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        using var put = await emu.Http.PutAsync(target["url"]!.GetValue<string>(), new ByteArrayContent(new byte[limit + 1]));
        Assert.Equal(400, (int)put.StatusCode);
        var body = await put.Content.ReadAsStringAsync();
        Assert.Contains("<Code>EntityTooLarge</Code>", body);
        Assert.Contains($"<MaxSizeAllowed>{limit}</MaxSizeAllowed>", body);
        Assert.Empty((await emu.ControlAsync(HttpMethod.Get, "emulator/staged-uploads")).AsArray());
    }

    /// <summary>Stages bulk mutation variables by PUT and returns the stagedUploadPath.</summary>
    private static async Task<string> UploadVariablesAsync(TestEmulator emu, string jsonl)
    {
        var target = (await emu.DataAsync("mutation { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: \"v.jsonl\", mimeType: \"text/jsonl\" }]) { stagedTargets { url } } }"))["stagedUploadsCreate"]!["stagedTargets"]![0]!;
        using (var put = await emu.Http.PutAsync(target["url"]!.GetValue<string>(), new StringContent(jsonl)))
            Assert.True(put.IsSuccessStatusCode);
        return Uri.UnescapeDataString(new Uri(target["url"]!.GetValue<string>()).AbsolutePath["/emulator/uploads/".Length..]);
    }
}
