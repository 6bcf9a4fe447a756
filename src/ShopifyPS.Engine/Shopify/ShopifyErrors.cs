namespace ShopifyPS.Shopify;

/// <summary>One entry of a GraphQL response's top-level <c>errors</c> array.</summary>
public sealed record GraphQLError(string Message, string? Code, string? Path)
{
    public override string ToString() =>
        (Path is null ? "" : Path + ": ") + Message + (Code is null ? "" : $" ({Code})");
}

/// <summary>One entry of a mutation payload's <c>userErrors</c> (or <c>mediaUserErrors</c>): Shopify refused the input.</summary>
public sealed record UserError(IReadOnlyList<string> Field, string Message, string? Code)
{
    /// <summary>The input path as Shopify reports it, e.g. <c>input.variants.0.sku</c>.</summary>
    public string FieldPath => string.Join('.', Field);

    public override string ToString() =>
        (Field.Count == 0 ? "" : FieldPath + ": ") + Message + (Code is null ? "" : $" ({Code})");
}

/// <summary>
/// Anything Shopify (or the way to it) answered that is not a result. Carries the document and Shopify's
/// request id (<c>X-Request-Id</c>) so a support ticket can point at the exact call. Never the token.
/// </summary>
public class ShopifyException : ShopifyPSException
{
    public ShopifyException(string message, string? document = null, string? requestId = null, Exception? inner = null)
        : this(ErrorCatalog.RequestFailed, message, document, requestId, inner) { }

    protected ShopifyException(ErrorId error, string message, string? document = null, string? requestId = null, Exception? inner = null)
        : base(error, WithContext(message, document, requestId), inner: inner)
    {
        Document = document;
        RequestId = requestId;
    }

    /// <summary>The query document that was sent, when there was one.</summary>
    public string? Document { get; }

    /// <summary>Shopify's <c>X-Request-Id</c> of the failed response, when there was a response.</summary>
    public string? RequestId { get; }

    private static string WithContext(string message, string? document, string? requestId) =>
        message
        + (document is null ? "" : $" [{document}]")
        + (requestId is null ? "" : $" (Shopify request id {requestId})");
}

/// <summary>The access token could not be obtained from its source (a variable that is not set, a file that cannot be read).</summary>
public sealed class ShopifyTokenUnavailableException : ShopifyException
{
    public ShopifyTokenUnavailableException(string tokenSource, string message, Exception? inner = null, ErrorId? error = null)
        : base(error ?? ErrorCatalog.AuthenticationFailed, message, inner: inner) => TokenSource = tokenSource;

    /// <summary>Where the token should have come from (e.g. <c>environment variable SHOPIFY_CONTOSO_TOKEN</c>).</summary>
    public string TokenSource { get; }
}

/// <summary>Shopify refused the credentials (HTTP 401/403, or a refused client-credentials exchange).</summary>
public sealed class ShopifyAuthenticationException : ShopifyException
{
    public ShopifyAuthenticationException(string message, int statusCode, string tokenSource, string? document = null, string? requestId = null)
        : base(ErrorCatalog.AuthenticationFailed, message, document, requestId)
    {
        StatusCode = statusCode;
        TokenSource = tokenSource;
    }

    public int StatusCode { get; }

    /// <summary>Where the refused token came from (never the token).</summary>
    public string TokenSource { get; }
}

/// <summary>Shopify answered with top-level GraphQL errors (a query it could not run).</summary>
public class ShopifyGraphQLException : ShopifyException
{
    public ShopifyGraphQLException(IReadOnlyList<GraphQLError> errors, string document, string? requestId)
        : this("Shopify returned errors: " + string.Join("; ", errors), errors, document, requestId) { }

    protected ShopifyGraphQLException(string message, IReadOnlyList<GraphQLError> errors, string document, string? requestId)
        : this(errors.Any(e => e.Code == "ACCESS_DENIED") ? ErrorCatalog.ScopesMissing : ErrorCatalog.RequestFailed, message, errors, document, requestId) { }

    protected ShopifyGraphQLException(ErrorId error, string message, IReadOnlyList<GraphQLError> errors, string document, string? requestId)
        : base(error, message, document, requestId) => Errors = errors;

    public IReadOnlyList<GraphQLError> Errors { get; }
}

/// <summary>Shopify kept answering THROTTLED after every retry: the shop's point budget is used by someone else too.</summary>
public sealed class ShopifyThrottledException : ShopifyGraphQLException
{
    public ShopifyThrottledException(IReadOnlyList<GraphQLError> errors, string document, string? requestId)
        : base(ErrorCatalog.Throttled, "Shopify throttled the request (THROTTLED): the shop's query cost budget is exhausted.", errors, document, requestId) { }
}

/// <summary>A mutation ran but Shopify refused (part of) its input: the userErrors, with field path and code.</summary>
public sealed class ShopifyUserErrorException : ShopifyException
{
    public ShopifyUserErrorException(IReadOnlyList<UserError> userErrors, string document, string? requestId)
        : base(ErrorCatalog.UserError, "Shopify refused the input: " + string.Join("; ", userErrors), document, requestId) => UserErrors = userErrors;

    public IReadOnlyList<UserError> UserErrors { get; }
}

/// <summary>An HTTP status that is not a GraphQL answer: 429, 5xx, 404 (unknown API version or shop), 402, 423, ...</summary>
public sealed class ShopifyHttpException : ShopifyException
{
    public ShopifyHttpException(int statusCode, string message, string? document, string? requestId, TimeSpan? retryAfter = null)
        : base(ErrorFor(statusCode), message, document, requestId)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> Shopify asked for (429), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    // 404 is what Shopify answers for an API version it no longer serves (and for an unknown shop).
    private static ErrorId ErrorFor(int statusCode) => statusCode switch
    {
        404 => ErrorCatalog.ApiVersionUnsupported,
        429 => ErrorCatalog.Throttled,
        _ => ErrorCatalog.Unreachable,
    };
}

/// <summary>No answer: the connection failed, was dropped, or the request timed out.</summary>
public sealed class ShopifyUnreachableException : ShopifyException
{
    public ShopifyUnreachableException(string message, bool certainlyNotSent, string? document, Exception? inner)
        : base(ErrorCatalog.Unreachable, message, document, inner: inner) => CertainlyNotSent = certainlyNotSent;

    /// <summary>True when the request never reached Shopify (connection refused, name not resolved), so even a non-idempotent mutation may be sent again.</summary>
    public bool CertainlyNotSent { get; }
}

/// <summary>A bulk operation ended without a complete result (FAILED, CANCELED, EXPIRED).</summary>
public sealed class ShopifyBulkOperationException : ShopifyException
{
    public ShopifyBulkOperationException(string operationId, string status, string? errorCode, string? partialDataUrl)
        : base(ErrorCatalog.BulkOperationFailed, $"Bulk operation {operationId} ended {status}" + (errorCode is null ? "." : $" ({errorCode})."))
    {
        OperationId = operationId;
        Status = status;
        ErrorCode = errorCode;
        PartialDataUrl = partialDataUrl;
    }

    public string OperationId { get; }
    public string Status { get; }
    public string? ErrorCode { get; }
    public string? PartialDataUrl { get; }
}

/// <summary>
/// A mutation refused before it was sent because the profile's kill switch (<c>allowOutgoingRequests: false</c>)
/// is off. Reads, and bulk exports (a mutation only in name), still go out.
/// </summary>
public sealed class ShopifyOutgoingRequestsDisabledException : ShopifyException
{
    public ShopifyOutgoingRequestsDisabledException(string shop, string document)
        : base(ErrorCatalog.OutgoingRequestsDisabled, $"The shop profile '{shop}' has allowOutgoingRequests: false, so {document} was not sent and nothing in Shopify was changed. " +
               $"Turn it on with Set-ShopifyShop {shop} -AllowOutgoingRequests $true.", document)
    {
    }
}
