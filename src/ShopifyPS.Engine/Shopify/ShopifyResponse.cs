using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>A successful GraphQL answer: <c>data</c>, its cost, and Shopify's request id.</summary>
public sealed class ShopifyResponse
{
    internal ShopifyResponse(QueryDocument document, JObject data, QueryCost? cost, string? requestId, string? apiVersion)
    {
        Document = document;
        Data = data;
        Cost = cost;
        RequestId = requestId;
        ApiVersion = apiVersion;
    }

    public QueryDocument Document { get; }
    public JObject Data { get; }
    public QueryCost? Cost { get; }
    public string? RequestId { get; }

    /// <summary>The API version Shopify served (<c>X-Shopify-API-Version</c>); it differs from the requested one when that is no longer supported.</summary>
    public string? ApiVersion { get; }

    /// <summary>The payload of a mutation (its one root field), with its userErrors.</summary>
    public MutationPayload Payload()
    {
        var root = Data.Properties().SingleOrDefault()
            ?? throw new ShopifyException("The answer has no payload.", Document.Name, RequestId);
        return new MutationPayload(root.Value as JObject ?? new JObject(), Document.Name, RequestId);
    }
}

/// <summary>
/// What a mutation returned: its payload and the input Shopify refused (userErrors, or mediaUserErrors for
/// media). A sync decides per record whether refused input is an error; <see cref="ThrowIfFailed"/> is the
/// shortcut when it always is.
/// </summary>
public sealed class MutationPayload
{
    internal MutationPayload(JObject data, string document, string? requestId)
    {
        Data = data;
        Document = document;
        RequestId = requestId;
        UserErrors = ReadUserErrors(data);
    }

    public JObject Data { get; }
    public string Document { get; }
    public string? RequestId { get; }
    public IReadOnlyList<UserError> UserErrors { get; }
    public bool Succeeded => UserErrors.Count == 0;

    /// <summary>Returns the payload, or throws <see cref="ShopifyUserErrorException"/> when Shopify refused input.</summary>
    public JObject ThrowIfFailed() => Succeeded ? Data : throw new ShopifyUserErrorException(UserErrors, Document, RequestId);

    internal static IReadOnlyList<UserError> ReadUserErrors(JObject payload) =>
        new[] { "userErrors", "mediaUserErrors" }
            .SelectMany(name => payload[name] as JArray ?? new JArray())
            .OfType<JObject>()
            .Select(e => new UserError(
                (e["field"] as JArray)?.Select(f => f.ToString()).ToArray() ?? Array.Empty<string>(),
                e.Value<string>("message") ?? "",
                e.Value<string>("code")))
            .Distinct(UserErrorComparer.Instance)
            .ToList();

    /// <summary>Deprecated <c>userErrors</c> often repeat <c>mediaUserErrors</c>; report each refusal once.</summary>
    private sealed class UserErrorComparer : IEqualityComparer<UserError>
    {
        public static readonly UserErrorComparer Instance = new();
        public bool Equals(UserError? x, UserError? y) => x?.FieldPath == y?.FieldPath && x?.Message == y?.Message;
        public int GetHashCode(UserError e) => HashCode.Combine(e.FieldPath, e.Message);
    }
}
