namespace ShopifyPS;

/// <summary>
/// A failure ShopifyPS reports under a stable <see cref="ErrorId"/>. The message says what went wrong and what to do;
/// <see cref="Target"/> names the file, record, key or shop it is about. Every error the engine raises on purpose is one.
/// A message never carries a token: anything that looks like one is masked, whatever text it was built from.
/// </summary>
public class ShopifyPSException : Exception
{
    public ShopifyPSException(ErrorId error, string message, object? target = null, Exception? inner = null)
        : base(Profiles.TokenShape.Redact(message), inner)
    {
        Error = error;
        Target = target;
    }

    public ErrorId Error { get; }

    /// <summary>What the error is about (a shop name, a file, an item number); null when the message says it all.</summary>
    public object? Target { get; }
}
