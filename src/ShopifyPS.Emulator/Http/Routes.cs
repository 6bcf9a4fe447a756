using ShopifyPS.Emulator.Control;
using ShopifyPS.Emulator.Runtime;

namespace ShopifyPS.Emulator.Http;

/// <summary>The emulator's URL space: Shopify's GraphQL endpoint, upload/download targets and /emulator control endpoints.</summary>
internal static class Routes
{
    public static void Map(WebApplication app, EmulatorRuntime rt)
    {
        app.MapPost("/admin/api/{version}/graphql.json", (HttpContext http, string version) => GraphQLEndpoint.HandleAsync(http, rt, version));
        ControlEndpoints.Map(app, rt);
        FileEndpoints.Map(app, rt);
    }
}
