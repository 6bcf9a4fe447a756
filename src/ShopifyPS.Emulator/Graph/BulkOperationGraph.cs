using System.Globalization;
using ShopifyPS.Emulator.GraphQL;

namespace ShopifyPS.Emulator.State;

internal sealed partial class BulkOperation : IGraphObject
{
    public string? GraphType => "BulkOperation";

    public object? Resolve(string field, Args args, ExecContext ctx) => field switch
    {
        "id" => Gid,
        "status" => Status,
        "type" => Type,
        "errorCode" => ErrorCode,
        // UnsignedInt64 is serialized as a string by Shopify.
        "objectCount" => ObjectCount.ToString(CultureInfo.InvariantCulture),
        "rootObjectCount" => RootObjectCount.ToString(CultureInfo.InvariantCulture),
        "fileSize" => FileSize?.ToString(CultureInfo.InvariantCulture),
        "url" => Url,
        "partialDataUrl" => PartialDataUrl,
        "query" => Query,
        "createdAt" => CreatedAt,
        "completedAt" => CompletedAt,
        _ => null,
    };
}
