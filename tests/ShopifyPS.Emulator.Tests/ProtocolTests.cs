using System.Net;
using System.Text.Json.Nodes;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Transport behaviour: auth, versions, validation errors and limits, as Shopify answers them.</summary>
public class ProtocolTests
{
    [Fact]
    public async Task Missing_or_wrong_token_gets_401_with_shopify_body()
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (var token in new[] { "", "shpat_wrong" })
        {
            var (status, body) = await emu.PostAsync("{ shop { name } }", token: token);
            Assert.Equal(401, status);
            Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", body["errors"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Custom_token_is_the_only_one_accepted()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Token = "shpat_custom" });
        Assert.Equal(401, (await emu.PostAsync("{ shop { name } }", token: "shpat_emulator")).Status);
        Assert.Equal(200, (await emu.PostAsync("{ shop { name } }", token: "shpat_custom")).Status);
    }

    [Fact]
    public async Task Unsupported_version_is_404()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (status, _) = await emu.PostAsync("{ shop { name } }", version: "2019-01");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Unknown_field_is_a_validation_error_with_location_and_code()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (status, body) = await emu.PostAsync("{\n  shop { name bogus }\n}");
        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("Field 'bogus' doesn't exist on type 'Shop'", error["message"]!.GetValue<string>());
        Assert.Equal("undefinedField", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2, error["locations"]![0]!["line"]!.GetValue<int>());
        Assert.Equal(15, error["locations"]![0]!["column"]!.GetValue<int>());
        Assert.Null(body["data"]);
        Assert.NotNull(body["extensions"]!["cost"]);
    }

    [Fact]
    public async Task Variables_are_validated_against_the_schema()
    {
        await using var emu = await TestEmulator.StartAsync();
        const string q = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: \"k\") { userErrors { message } } }";
        // ignoreCompareQuantity was removed in 2026-04.
        var (status, body) = await emu.PostAsync(q, new { input = new { name = "available", reason = "correction", ignoreCompareQuantity = true, quantities = Array.Empty<object>() } });
        Assert.Equal(200, status);
        Assert.Contains("ignoreCompareQuantity", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("INVALID_VARIABLE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Syntax_error_is_reported()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (status, body) = await emu.PostAsync("{ shop { name }");
        Assert.Equal(200, status);
        Assert.StartsWith("Parse error", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Connection_without_first_or_last_is_rejected()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (_, body) = await emu.PostAsync("{ products { nodes { id } } }");
        Assert.Equal("you must provide one of first or last", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Page_size_over_250_is_rejected()
    {
        await using var emu = await TestEmulator.StartAsync();
        var (_, body) = await emu.PostAsync("{ locations(first: 251) { nodes { id } } }");
        Assert.Contains("250", body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Input_array_over_250_items_is_rejected_before_execution()
    {
        await using var emu = await TestEmulator.StartAsync();
        var ids = Enumerable.Range(1, 251).Select(i => $"gid://shopify/Product/{i}").ToArray();
        var (_, body) = await emu.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        var error = body["errors"]![0]!;
        Assert.Equal("The input array size of 251 is greater than the maximum allowed of 250.", error["message"]!.GetValue<string>());
        Assert.Equal("MAX_INPUT_SIZE_EXCEEDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(new JsonArray("nodes", "ids").ToJsonString(), error["path"]!.ToJsonString());
    }

    [Fact]
    public void Only_loopback_addresses_are_accepted()
    {
        Assert.Equal("http://127.0.0.1:0", LoopbackUrl.Parse("http://127.0.0.1:0"));
        Assert.Equal("http://127.0.0.1:5000", LoopbackUrl.Parse("http://localhost:5000"));
        Assert.Equal("http://[::1]:0", LoopbackUrl.Parse("http://[::1]:0"));
        Assert.Throws<ArgumentException>(() => LoopbackUrl.Parse("http://0.0.0.0:5000"));
        Assert.Throws<ArgumentException>(() => LoopbackUrl.Parse("http://192.168.1.10:5000"));
        Assert.Throws<ArgumentException>(() => LoopbackUrl.Parse("http://*:5000"));
    }

    [Fact]
    public void Command_line_flags_map_to_options()
    {
        var o = EmulatorCli.Parse(new[] { "--urls", "http://127.0.0.1:0", "--token", "T", "--restore-rate", "50", "--bucket", "1000", "--currency", "EUR" });
        Assert.Equal("T", o.Token);
        Assert.Equal(50, o.RestoreRate);
        Assert.Equal(1000, o.BucketSize);
        Assert.Equal("EUR", o.Currency);
        Assert.Throws<ArgumentException>(() => EmulatorCli.Parse(new[] { "--nope" }));
    }
}
