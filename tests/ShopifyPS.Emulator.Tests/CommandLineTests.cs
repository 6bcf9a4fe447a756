using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ShopifyPS.Emulator.Tests;

/// <summary>The emulator as a separate process, started the way build scripts and the benchmark start it.</summary>
public class CommandLineTests
{
    private static ProcessStartInfo Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ShopifyPS.Emulator.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    [Fact]
    public async Task First_stdout_line_names_the_bound_port_and_the_server_answers()
    {
        using var process = Process.Start(Start("--urls", "http://127.0.0.1:0", "--token", "shpat_cli"))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? "", @"^Listening on http://127\.0\.0\.1:(\d+)$");
            Assert.True(match.Success, $"first line was '{line}'");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{match.Groups[1].Value}/") };
            using var req = new HttpRequestMessage(HttpMethod.Post, "admin/api/2026-04/graphql.json")
            {
                Content = new StringContent("{\"query\":\"{ shop { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            req.Headers.Add("X-Shopify-Access-Token", "shpat_cli");
            using var resp = await http.SendAsync(req);
            Assert.Contains("ShopifyPS Emulator", await resp.Content.ReadAsStringAsync());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Non_loopback_address_is_refused_with_exit_code_2()
    {
        using var process = Process.Start(Start("--urls", "http://0.0.0.0:0"))!;
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("loopback", stderr);
    }
}
