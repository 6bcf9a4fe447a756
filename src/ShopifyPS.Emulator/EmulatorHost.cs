using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShopifyPS.Emulator.Http;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator;

/// <summary>Starts an emulator on real Kestrel (loopback only), for the command line and for tests.</summary>
public static class EmulatorHost
{
    /// <summary>Starts an emulator and returns once it accepts requests on <see cref="RunningEmulator.BaseUri"/>.</summary>
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var url = LoopbackUrl.Parse(options.Url);
        var runtime = new EmulatorRuntime(options);
        if (options.SeedPath != null) Control.Seeder.Load(runtime.Store, File.ReadAllText(options.SeedPath));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 256L * 1024 * 1024);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = 256L * 1024 * 1024);
        builder.Services.AddSingleton(runtime);
        var app = builder.Build();
        Routes.Map(app, runtime);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        runtime.BaseUri = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new RunningEmulator(app, runtime);
    }
}

/// <summary>A running emulator. Dispose it to stop Kestrel.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningEmulator(WebApplication app, EmulatorRuntime runtime)
    {
        _app = app;
        Runtime = runtime;
    }

    /// <summary>e.g. http://127.0.0.1:5123/ (always ends with a slash).</summary>
    public Uri BaseUri => Runtime.BaseUri;

    /// <summary>The access token to send as X-Shopify-Access-Token.</summary>
    public string Token => Runtime.Options.Token;

    /// <summary>The GraphQL endpoint for an API version: {BaseUri}admin/api/{version}/graphql.json.</summary>
    public Uri GraphQLUri(string version = "2026-04") => new(BaseUri, $"admin/api/{version}/graphql.json");

    /// <summary>In-process access to the emulator's state (tests); the HTTP control endpoints do the same over the wire.</summary>
    internal EmulatorRuntime Runtime { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Runtime.Dispose();
    }
}
