namespace ShopifyPS;

/// <summary>
/// What kind of failure an error is. The names are PowerShell's ErrorCategory names, so the cmdlet layer maps a kind
/// to its category by name and the engine needs no PowerShell type.
/// </summary>
public enum ErrorKind
{
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    ObjectNotFound,
    ResourceExists,
    ResourceBusy,
    ResourceUnavailable,
    PermissionDenied,
    AuthenticationError,
    SecurityError,
    ConnectionError,
    LimitsExceeded,
    OperationStopped,
    ReadError,
    WriteError,
    NotSpecified,
}
