using System.Management.Automation;
using ShopifyPS.Shopify;

namespace ShopifyPS.Commands.Infrastructure;

/// <summary>The stable ErrorId and category each kind of Shopify failure is reported under (DESIGN.md §7.6).</summary>
internal static class ShopifyErrors
{
    public static (string ErrorId, ErrorCategory Category) Classify(ShopifyException ex) => ex switch
    {
        ShopifyOutgoingRequestsDisabledException => ("ShopifyOutgoingRequestsDisabled", ErrorCategory.PermissionDenied),
        ShopifyTokenUnavailableException or ShopifyAuthenticationException => ("ShopAuthenticationFailed", ErrorCategory.AuthenticationError),
        ShopifyHttpException { StatusCode: 404 } => ("ShopApiVersionUnsupported", ErrorCategory.InvalidArgument),
        ShopifyThrottledException or ShopifyHttpException { StatusCode: 429 } => ("ShopifyThrottled", ErrorCategory.LimitsExceeded),
        ShopifyUnreachableException or ShopifyHttpException => ("ShopUnreachable", ErrorCategory.ConnectionError),
        ShopifyGraphQLException g when g.Errors.Any(e => e.Code == "ACCESS_DENIED") => ("ShopScopesMissing", ErrorCategory.PermissionDenied),
        ShopifyUserErrorException => ("ShopifyUserError", ErrorCategory.InvalidData),
        ShopifyBulkOperationException => ("ShopifyBulkOperationFailed", ErrorCategory.OperationStopped),
        _ => ("ShopifyRequestFailed", ErrorCategory.InvalidOperation),
    };

    /// <summary>The category for an ErrorId of the live shop check.</summary>
    public static ErrorCategory CategoryOf(string errorId) => errorId switch
    {
        "ShopAuthenticationFailed" => ErrorCategory.AuthenticationError,
        "ShopApiVersionUnsupported" => ErrorCategory.InvalidArgument,
        "ShopScopesMissing" => ErrorCategory.PermissionDenied,
        _ => ErrorCategory.ConnectionError,
    };
}
